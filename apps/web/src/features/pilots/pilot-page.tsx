import type { ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useLocation, useParams } from "react-router";
import { useQuery } from "@apollo/client/react";
import type { ResultOf } from "../../app/graphql.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { useViewer } from "../identity/use-viewer.ts";
import { formatDay, formatDayRange } from "../reviews/dates.ts";
import { priorityLabel, responseLabel, reviewModeLabel, reviewStatusLabel } from "../reviews/labels.ts";
import { globalIdFromParam, reviewPath } from "../reviews/route-id.ts";
import { ScoreSummaryTable } from "../reviews/score-summary.tsx";
import "../reviews/reviews.css";
import { CityText } from "./city-text.tsx";
import { cityLabel, coDesignFormatLabel, languageName, milestoneStatusLabel, pilotStatusLabel, targetGroupLabel } from "./labels.ts";
import { PilotQuery, type PilotDetailsFragment } from "./operations.ts";
import { PilotStatusControl } from "./pilot-status-control.tsx";

type Pilot = ResultOf<typeof PilotDetailsFragment>;
type PilotReview = Pilot["reviews"][number];

/** `/pilots/:id`: a city's pilot as planned, and how peer review shaped it. */
export function PilotPage() {
  const intl = useIntl();
  const { id = "" } = useParams();
  const { data, error, loading, refetch } = useQuery(PilotQuery, { variables: { id: globalIdFromParam("Pilot", id) }, fetchPolicy: "cache-and-network" });
  const pilot = data?.pilot;

  if (error)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "pilot.title" })}</PageHeading>
        <QueryError error={error} onRetry={() => void refetch()} />
      </>
    );
  if (loading && !data)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "pilot.title" })}</PageHeading>
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      </>
    );
  if (!pilot)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "pilot.notFound" })}</PageHeading>
        <p>
          <Link to="/pilots">
            <FormattedMessage id="pilot.backToList" />
          </Link>
        </p>
      </>
    );
  return <PilotView pilot={pilot} />;
}

function PilotView({ pilot }: { pilot: Pilot }) {
  const intl = useIntl();
  const { viewer } = useViewer();
  // the edit form comes back here with { saved: true }
  const saved = (useLocation().state as { saved?: boolean } | null)?.saved === true;
  const isManager = !!viewer?.roles.includes("PROJECT_MANAGER");
  const lang = pilot.contentLanguage;
  const city = cityLabel(pilot.organization);

  return (
    <div className="pilot-page">
      <div className="page-header">
        {/* the title is the city's own text: its language applies to the heading */}
        <div lang={lang} dir="auto">
          <PageHeading>{pilot.title}</PageHeading>
        </div>
        <div className="button-row no-print">
          {pilot.viewerCanEdit && (
            <Link to={`/pilots/${pilot.id}/edit`} className="button">
              <FormattedMessage id="pilot.edit" />
            </Link>
          )}
          {isManager && (
            <Link to={`/reviews/schedule?pilot=${encodeURIComponent(pilot.id)}`} className="button button-secondary">
              <FormattedMessage id="pilot.scheduleReview" />
            </Link>
          )}
        </div>
      </div>
      <StatusMessage>{saved && <FormattedMessage id="pilot.saved" />}</StatusMessage>
      <dl className="meta-list">
        <div>
          <dt>
            <FormattedMessage id="pilot.city" />
          </dt>
          <dd>
            <bdi>{city}</bdi>
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="pilot.community" />
          </dt>
          <dd>
            <bdi>{pilot.community.name}</bdi>
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="pilot.status" />
          </dt>
          <dd>
            <span className={`status pilot-status-${pilot.status.toLowerCase()}`}>{pilotStatusLabel(intl, pilot.status)}</span>
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="pilot.contentLanguage" />
          </dt>
          <dd>{languageName(intl, lang)}</dd>
        </div>
      </dl>
      <p className="muted">
        <FormattedMessage id="pilot.languageNote" values={{ language: languageName(intl, lang) }} />
      </p>

      {isManager && <PilotStatusControl pilotId={pilot.id} status={pilot.status} />}

      <Section id="pilot-problem" title={intl.formatMessage({ id: "pilot.problemStatement" })}>
        <CityText text={pilot.problemStatement} lang={lang} />
      </Section>

      <Section id="pilot-activities" title={intl.formatMessage({ id: "pilot.plannedActivities" })}>
        <CityText text={pilot.plannedActivities} lang={lang} />
      </Section>

      <Section id="pilot-target-groups" title={intl.formatMessage({ id: "pilot.targetGroups" })}>
        {pilot.targetGroups.length === 0 ? (
          <p className="muted">
            <FormattedMessage id="pilot.noTargetGroups" />
          </p>
        ) : (
          <ul className="tag-list">
            {pilot.targetGroups.map((g) => (
              <li key={g}>{targetGroupLabel(intl, g)}</li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="pilot-objectives" title={intl.formatMessage({ id: "pilot.objectives" })}>
        {pilot.objectives.length === 0 ? (
          <p className="muted">
            <FormattedMessage id="pilot.noObjectives" />
          </p>
        ) : (
          <ol className="objective-list">
            {pilot.objectives.map((o) => (
              <li key={o.id}>
                <CityText text={o.text} lang={lang} as="p" />
                {o.answersRecommendation && (
                  <div className="trace">
                    <p className="trace-label">
                      <FormattedMessage id="pilot.answersRecommendation" />
                    </p>
                    <blockquote className="trace-quote" dir="auto">
                      {o.answersRecommendation.text}
                    </blockquote>
                    <p className="trace-meta">
                      <span className={`priority priority-${o.answersRecommendation.priority.toLowerCase()}`}>
                        {priorityLabel(intl, o.answersRecommendation.priority)}
                      </span>{" "}
                      {o.answersRecommendation.answer ? (
                        <span className={`response response-${o.answersRecommendation.answer.response.toLowerCase()}`}>
                          {responseLabel(intl, o.answersRecommendation.answer.response)}
                        </span>
                      ) : (
                        <span className="muted">
                          <FormattedMessage id="recommendation.notAnswered" />
                        </span>
                      )}
                    </p>
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section id="pilot-codesign" title={intl.formatMessage({ id: "pilot.coDesign" })}>
        {pilot.coDesignActivities.length === 0 ? (
          <p className="muted">
            <FormattedMessage id="pilot.noCoDesign" />
          </p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="pilot-codesign-caption" tabIndex={0}>
            <table>
              <caption id="pilot-codesign-caption">
                <FormattedMessage id="pilot.coDesignCaption" values={{ city }} />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="pilot.coDesignDate" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="pilot.coDesignFormat" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="pilot.coDesignParticipants" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="pilot.coDesignOrganisations" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="pilot.coDesignDescription" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {pilot.coDesignActivities.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <time dateTime={a.date}>{formatDay(intl, a.date)}</time>
                    </th>
                    <td>{coDesignFormatLabel(intl, a.format)}</td>
                    <td className="numeric">{intl.formatNumber(a.participantCount)}</td>
                    <td>
                      {a.migrantOrganisations.length === 0 ? (
                        <span className="muted">
                          <FormattedMessage id="pilot.none" />
                        </span>
                      ) : (
                        <ul className="plain-list">
                          {a.migrantOrganisations.map((name) => (
                            <li key={name} dir="auto">
                              {name}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      <CityText text={a.description} lang={lang} emptyText={false} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="pilot-milestones" title={intl.formatMessage({ id: "pilot.milestones" })}>
        {pilot.milestones.length === 0 ? (
          <p className="muted">
            <FormattedMessage id="pilot.noMilestones" />
          </p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="pilot-milestones-caption" tabIndex={0}>
            <table>
              <caption id="pilot-milestones-caption">
                <FormattedMessage id="pilot.milestonesCaption" values={{ city }} />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="pilot.milestoneTitle" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="pilot.milestoneDue" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="pilot.milestoneStatus" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {pilot.milestones.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <span lang={lang} dir="auto">
                        {m.title}
                      </span>
                    </th>
                    <td>
                      <time dateTime={m.dueDate}>{formatDay(intl, m.dueDate)}</time>
                    </td>
                    <td>
                      <span className={`status milestone-${m.status.toLowerCase()}`}>{milestoneStatusLabel(intl, m.status)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="pilot-indicators" title={intl.formatMessage({ id: "pilot.indicators" })}>
        {pilot.indicators.length === 0 ? (
          <p className="muted">
            <FormattedMessage id="pilot.noIndicators" />
          </p>
        ) : (
          <ul className="plain-list">
            {pilot.indicators.map((i) => (
              <li key={i.id}>
                <span className="code">{i.code}</span> <bdi>{i.title}</bdi>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="pilot-reviews" title={intl.formatMessage({ id: "pilot.reviews" })}>
        {pilot.reviews.length === 0 ? (
          <p className="muted">
            <FormattedMessage id="pilot.noReviews" />
          </p>
        ) : (
          <ul className="stack-list">
            {pilot.reviews.map((r) => (
              <li key={r.id}>
                <PilotReviewCard review={r} />
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="pilot-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function PilotReviewCard({ review }: { review: PilotReview }) {
  const intl = useIntl();
  const headingId = `pilot-review-${review.id}`;
  const dates = formatDayRange(intl, review.startsOn, review.endsOn);
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={reviewPath(review.id)}>
          <FormattedMessage id="pilot.reviewHeading" values={{ dates, mode: reviewModeLabel(intl, review.mode) }} />
        </Link>
      </h3>
      <p>
        <span className={`status review-status-${review.status.toLowerCase()}`}>{reviewStatusLabel(intl, review.status)}</span>
      </p>
      <p>
        <FormattedMessage
          id="pilot.reviewTeam"
          values={{ names: intl.formatList(review.assignments.map((a) => `${a.reviewer.name} (${a.reviewer.organization ? cityLabel(a.reviewer.organization) : "–"})`)) }}
        />
      </p>
      {review.summary ? (
        <ScoreSummaryTable
          summary={review.summary}
          captionId={`${headingId}-scores`}
          caption={intl.formatMessage({ id: "pilot.reviewScoresCaption" }, { dates })}
        />
      ) : (
        <p className="muted">
          <FormattedMessage id={review.status === "CLOSED" ? "pilot.scoresNotVisible" : "pilot.scoresAfterClose"} />
        </p>
      )}
      <h4>
        <FormattedMessage id="pilot.recommendations" values={{ count: review.recommendations.length }} />
      </h4>
      {review.recommendations.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="recommendation.none" />
        </p>
      ) : (
        <ul className="recommendation-list">
          {review.recommendations.map((r) => (
            <li key={r.id} className="recommendation">
              <p dir="auto">{r.text}</p>
              <p className="trace-meta">
                <span className={`priority priority-${r.priority.toLowerCase()}`}>{priorityLabel(intl, r.priority)}</span>{" "}
                {r.answer ? (
                  <span className={`response response-${r.answer.response.toLowerCase()}`}>{responseLabel(intl, r.answer.response)}</span>
                ) : (
                  <span className="muted">
                    <FormattedMessage id="recommendation.notAnswered" />
                  </span>
                )}
              </p>
              {r.answer?.reason && (
                <p className="answer-reason">
                  <FormattedMessage id="recommendation.reasonShown" values={{ reason: <bdi>{r.answer.reason}</bdi> }} />
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
