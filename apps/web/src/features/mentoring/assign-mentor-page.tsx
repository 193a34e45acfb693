import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { assignmentPath, nodeId, rankingPath } from "../open-call/ids.ts";
import { cityLabel, countryName, languageName } from "../open-call/labels.ts";
import { mentorReasonText } from "./labels.ts";
import { MentorLoads } from "./mentoring-page.tsx";
import { AssignMentorMutation, SuggestMentorsQuery } from "./operations.ts";
import "../open-call/open-call.css";

/** `/mentoring/assign/:applicationId` (project managers): the suggested mentors for a selected city, with reasons. */
export function AssignMentorPage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const applicationId = nodeId("CallApplication", useParams().applicationId ?? "");
  const { data, error, refetch } = useQuery(SuggestMentorsQuery, { variables: { applicationId }, fetchPolicy: "network-only" });
  const [assign, { loading }] = useMutation(AssignMentorMutation, { refetchQueries: ["MentorLoads", "MentoringAssignments"] });
  const [failure, setFailure] = useState<string>();

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data)
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  const application = data.node?.__typename === "CallApplication" ? data.node : null;
  if (!application)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "assignMentor.notFound" })}</PageHeading>
        <Link to="/open-calls">
          <FormattedMessage id="openCall.backToCalls" />
        </Link>
      </>
    );
  const city = cityLabel(application.city);

  async function onAssign(mentorId: string, mentorName: string) {
    setFailure(undefined);
    try {
      const result = (await assign({ variables: { input: { applicationId, mentorId } } })).data?.assignMentor;
      if (result?.__typename === "MutationAssignMentorSuccess")
        return void navigate(assignmentPath(result.data.id), { state: { notice: intl.formatMessage({ id: "assignMentor.done" }, { mentor: mentorName, city }) } });
      if (result?.__typename === "ConflictError") setFailure(errorText(intl, result.code, result.message));
      else if (result?.__typename === "InputError") setFailure(errorText(intl, result.issues[0]?.code ?? "unknown"));
      else setFailure(errorText(intl, "not_found"));
    } catch (e) {
      setFailure(errorText(intl, errorCode(e)));
    }
  }

  return (
    <>
      <p>
        <Link to={rankingPath(application.call.id)}>
          <FormattedMessage id="assignMentor.backToRanking" />
        </Link>
      </p>
      <PageHeading>{intl.formatMessage({ id: "assignMentor.title" }, { city })}</PageHeading>
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage id="mentoring.country" />
          </dt>
          <dd>{countryName(intl, application.city.country)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="apply.theme" />
          </dt>
          <dd>
            <bdi>{application.theme.name}</bdi>
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="apply.workingLanguages" />
          </dt>
          <dd>{intl.formatList(application.workingLanguages.map((l) => languageName(intl, l)))}</dd>
        </div>
      </dl>
      <div role="alert" className={failure ? "notice notice-error" : undefined}>
        {failure && <p>{failure}</p>}
      </div>
      {application.mentoring ? (
        <p className="notice notice-info">
          <Link to={assignmentPath(application.mentoring.id)}>
            <FormattedMessage id="ranking.mentoredBy" values={{ mentor: application.mentoring.mentor.name, city }} />
          </Link>
        </p>
      ) : (
        <section aria-labelledby="suggestions">
          <h2 id="suggestions">
            <FormattedMessage id="assignMentor.suggestions" />
          </h2>
          {data.suggestMentors.length === 0 ? (
            <p>
              <FormattedMessage id="assignMentor.noMentors" />
            </p>
          ) : (
            <ol className="card-list">
              {data.suggestMentors.map((s) => {
                const headingId = `mentor-${s.mentor.id}`;
                return (
                  <li key={s.mentor.id}>
                    <article className="card" aria-labelledby={headingId}>
                      <h3 id={headingId} className="card-title">
                        <bdi>{s.mentor.name}</bdi>
                      </h3>
                      {s.mentor.organization && (
                        <p className="muted">
                          <bdi>{s.mentor.organization.name}</bdi>
                        </p>
                      )}
                      <ul className="oc-reasons" aria-label={intl.formatMessage({ id: "assignMentor.reasons" }, { mentor: s.mentor.name })}>
                        {s.reasons.map((r, i) => (
                          <li key={i}>{mentorReasonText(intl, r)}</li>
                        ))}
                      </ul>
                      <p>
                        <button type="button" className="button" disabled={loading} onClick={() => void onAssign(s.mentor.id, s.mentor.name)}>
                          <FormattedMessage id="assignMentor.assign" values={{ mentor: s.mentor.name }} />
                        </button>
                      </p>
                    </article>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      )}
      <MentorLoads />
    </>
  );
}
