import { useState, type ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import { errorText } from "../../app/i18n.tsx";
import type { ResultOf } from "../../app/graphql.ts";
import { errorCode } from "../../ui/error-code.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { assignMentorPath, assignmentPath, callPath, nodeId } from "./ids.ts";
import { applicationStatusLabel, callStatusLabel, cityLabel, countryName, formatDeadline, languageName } from "./labels.ts";
import { CallRankingQuery, DecideApplicationMutation, PublishCallResultsMutation } from "./operations.ts";
import { ScoreDialog } from "./score-dialog.tsx";
import "./open-call.css";

type Entry = ResultOf<typeof CallRankingQuery>["callRanking"][number];
type Decision = "SELECTED" | "REJECTED" | "SUBMITTED";

/**
 * `/open-calls/:id/ranking` (project managers): every application with its weighted score (hidden until the
 * evaluator has scored it), per-criterion scoring, selection within the places, and publishing the results.
 */
export function RankingPage() {
  const intl = useIntl();
  const id = nodeId("OpenCall", useParams().id ?? "");
  const { data, error, refetch } = useQuery(CallRankingQuery, { variables: { callId: id }, fetchPolicy: "cache-and-network" });
  const [decide] = useMutation(DecideApplicationMutation, { refetchQueries: ["CallRanking"], awaitRefetchQueries: true });
  const [publishResults, { loading: publishing }] = useMutation(PublishCallResultsMutation, { refetchQueries: ["CallRanking"], awaitRefetchQueries: true });
  const [scoring, setScoring] = useState<Entry | null>(null);
  const [status, setStatus] = useState<ReactNode>();
  const [failure, setFailure] = useState<string>();

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data)
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  const call = data.openCall;
  if (!call)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "openCall.notFound" })}</PageHeading>
        <Link to="/open-calls">
          <FormattedMessage id="openCall.backToCalls" />
        </Link>
      </>
    );
  const published = call.status === "RESULTS_PUBLISHED";
  const full = call.selectedCount >= call.places;

  async function onDecide(entry: Entry, decision: Decision) {
    setStatus(undefined);
    setFailure(undefined);
    const city = cityLabel(entry.application.city);
    try {
      const result = (await decide({ variables: { input: { applicationId: entry.application.id, decision } } })).data?.decideApplication;
      if (result?.__typename === "MutationDecideApplicationSuccess")
        setStatus(intl.formatMessage({ id: `ranking.decided.${decision}` }, { city }));
      else if (result?.__typename === "ConflictError") setFailure(errorText(intl, result.code, result.message, { places: call!.places }));
      else if (result?.__typename === "InputError") setFailure(errorText(intl, result.issues[0]?.code ?? "unknown"));
      else setFailure(errorText(intl, "not_found"));
    } catch (e) {
      setFailure(errorText(intl, errorCode(e)));
    }
  }

  async function onPublishResults() {
    setStatus(undefined);
    setFailure(undefined);
    try {
      const result = (await publishResults({ variables: { input: { callId: id } } })).data?.publishCallResults;
      if (result?.__typename === "MutationPublishCallResultsSuccess") setStatus(intl.formatMessage({ id: "ranking.resultsPublished" }));
      else if (result?.__typename === "ConflictError") setFailure(errorText(intl, result.code, result.message));
      else setFailure(errorText(intl, "not_found"));
    } catch (e) {
      setFailure(errorText(intl, errorCode(e)));
    }
  }

  const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

  return (
    <>
      <p>
        <Link to={callPath(call.id)}>
          <FormattedMessage id="ranking.backToCall" />
        </Link>
      </p>
      <PageHeading>{intl.formatMessage({ id: "ranking.title" }, { title: call.title })}</PageHeading>
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage id="openCall.status" />
          </dt>
          <dd>{callStatusLabel(intl, call.status)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="openCall.deadline" />
          </dt>
          <dd>
            <time dateTime={call.deadline}>{formatDeadline(intl, call.deadline)}</time>
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="ranking.placesTaken" />
          </dt>
          <dd>
            <FormattedMessage id="ranking.placesValue" values={{ selected: call.selectedCount, places: call.places }} />
          </dd>
        </div>
      </dl>
      <p className="muted">
        <FormattedMessage id="ranking.intro" />
      </p>
      <StatusMessage>{status}</StatusMessage>
      <div role="alert" className={failure ? "notice notice-error" : undefined}>
        {failure && <p>{failure}</p>}
      </div>

      {data.callRanking.length === 0 ? (
        <p>
          <FormattedMessage id="ranking.empty" />
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="ranking-caption" tabIndex={0}>
          <table className="oc-table">
            <caption id="ranking-caption">
              <FormattedMessage id="ranking.caption" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="ranking.rank" />
                </th>
                <th scope="col">
                  <FormattedMessage id="ranking.city" />
                </th>
                <th scope="col">
                  <FormattedMessage id="ranking.theme" />
                </th>
                <th scope="col">
                  <FormattedMessage id="ranking.score" />
                </th>
                <th scope="col">
                  <FormattedMessage id="ranking.decision" />
                </th>
                <th scope="col">
                  <FormattedMessage id="ranking.actions" />
                </th>
              </tr>
            </thead>
            <tbody>
              {data.callRanking.map((entry) => {
                const a = entry.application;
                const city = cityLabel(a.city);
                const appStatus = a.status ?? "SUBMITTED";
                return (
                  <tr key={a.id}>
                    <td className="oc-numeric">{entry.rank ?? "–"}</td>
                    <th scope="row">
                      <bdi>{city}</bdi>
                      <br />
                      <span className="muted">
                        {countryName(intl, a.city.country)} · {intl.formatList(a.workingLanguages.map((l) => languageName(intl, l)))}
                      </span>
                      <details>
                        <summary>
                          <FormattedMessage id="ranking.readApplication" values={{ city, hidden }} />
                        </summary>
                        <h3>
                          <FormattedMessage id="apply.currentSituation" />
                        </h3>
                        <p className="oc-prose" dir="auto">
                          {a.currentSituation}
                        </p>
                        <h3>
                          <FormattedMessage id="apply.needs" />
                        </h3>
                        <p className="oc-prose" dir="auto">
                          {a.needs}
                        </p>
                        <h3>
                          <FormattedMessage id="apply.motivation" />
                        </h3>
                        <p className="oc-prose" dir="auto">
                          {a.motivation}
                        </p>
                      </details>
                    </th>
                    <td>
                      <bdi>{a.theme.name}</bdi>
                    </td>
                    <td>
                      {entry.isScoreHidden ? (
                        <span className="muted">
                          <FormattedMessage id="ranking.scoreHidden" />
                        </span>
                      ) : entry.weightedScore === null ? (
                        <span className="muted">
                          <FormattedMessage id="ranking.notScored" />
                        </span>
                      ) : (
                        <>
                          <span className="oc-numeric">{intl.formatNumber(entry.weightedScore, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</span>
                          <br />
                          <span className="muted">
                            <FormattedMessage id="ranking.evaluators" values={{ count: entry.evaluatorCount }} />
                          </span>
                        </>
                      )}
                    </td>
                    <td>
                      <span className={`status oc-status-${appStatus.toLowerCase()}`}>{applicationStatusLabel(intl, appStatus)}</span>
                    </td>
                    <td>
                      <div className="row-actions">
                        <button type="button" className="button button-small button-secondary" onClick={() => setScoring(entry)}>
                          <FormattedMessage id={published ? "ranking.viewScores" : a.hasSubmittedOwnScore ? "ranking.changeScore" : "ranking.scoreIt"} values={{ city, hidden }} />
                        </button>
                        {!published && appStatus !== "SELECTED" && (
                          <button type="button" className="button button-small" disabled={full} onClick={() => void onDecide(entry, "SELECTED")}>
                            <FormattedMessage id="ranking.select" values={{ city, hidden }} />
                          </button>
                        )}
                        {!published && appStatus !== "REJECTED" && (
                          <button type="button" className="button button-small button-secondary" onClick={() => void onDecide(entry, "REJECTED")}>
                            <FormattedMessage id="ranking.reject" values={{ city, hidden }} />
                          </button>
                        )}
                        {!published && appStatus !== "SUBMITTED" && (
                          <button type="button" className="button button-small button-secondary" onClick={() => void onDecide(entry, "SUBMITTED")}>
                            <FormattedMessage id="ranking.undo" values={{ city, hidden }} />
                          </button>
                        )}
                        {published && appStatus === "SELECTED" &&
                          (a.mentoring ? (
                            <Link to={assignmentPath(a.mentoring.id)}>
                              <FormattedMessage id="ranking.mentoredBy" values={{ mentor: a.mentoring.mentor.name, city }} />
                            </Link>
                          ) : (
                            <Link to={assignMentorPath(a.id)} className="button button-small">
                              <FormattedMessage id="ranking.assignMentor" values={{ city, hidden }} />
                            </Link>
                          ))}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {!published && (
        <section className="oc-panel" aria-labelledby="publish-results">
          <h2 id="publish-results">
            <FormattedMessage id="ranking.publishTitle" />
          </h2>
          <p>
            <FormattedMessage id="ranking.publishIntro" />
          </p>
          <button type="button" className="button" disabled={publishing || call.status === "DRAFT"} onClick={() => void onPublishResults()}>
            <FormattedMessage id="ranking.publish" />
          </button>
        </section>
      )}

      {scoring && (
        <ScoreDialog
          applicationId={scoring.application.id}
          cityName={cityLabel(scoring.application.city)}
          criteria={call.criteria}
          scores={scoring.application.scores ?? []}
          canScore={!published}
          onClose={() => setScoring(null)}
          onSaved={() => {
            const city = cityLabel(scoring.application.city);
            setScoring(null);
            setStatus(intl.formatMessage({ id: "ranking.scored" }, { city }));
          }}
        />
      )}
    </>
  );
}
