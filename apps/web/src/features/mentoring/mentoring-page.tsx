import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useQuery } from "@apollo/client/react";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { useViewer } from "../identity/use-viewer.ts";
import { assignmentPath } from "../open-call/ids.ts";
import { cityLabel, countryName } from "../open-call/labels.ts";
import { mentoringStatusLabel } from "./labels.ts";
import { MentorLoadsQuery, MentoringAssignmentsQuery } from "./operations.ts";
import "../open-call/open-call.css";

/** `/mentoring`: a mentor's mentees, a mentee city's mentoring, or (project team) all of it and each mentor's load. */
export function MentoringPage() {
  const intl = useIntl();
  const { viewer } = useViewer();
  const isManager = !!viewer?.roles.includes("PROJECT_MANAGER");
  const isMentor = !!viewer?.roles.includes("MENTOR");
  const { data, error, refetch } = useQuery(MentoringAssignmentsQuery, { fetchPolicy: "cache-and-network" });

  return (
    <>
      <PageHeading>{intl.formatMessage({ id: "mentoring.title" })}</PageHeading>
      <p>
        <FormattedMessage id={isManager ? "mentoring.introManager" : "mentoring.intro"} />
      </p>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : data.mentoringAssignments.length === 0 ? (
        // say what happens next: mentors wait for the team; the team assigns from a call's results
        <p>
          {isMentor && !isManager ? <FormattedMessage id="dashboard.mentor.empty" /> : <FormattedMessage id="mentoring.empty" />}
          {isManager && (
            <>
              {" "}
              <Link to="/open-calls">
                <FormattedMessage id="nav.openCalls" />
              </Link>
            </>
          )}
        </p>
      ) : (
        <ul className="card-list">
          {data.mentoringAssignments.map((a) => {
            const headingId = `assignment-${a.id}`;
            return (
              <li key={a.id}>
                <article className="card" aria-labelledby={headingId}>
                  <h2 id={headingId} className="card-title">
                    <Link to={assignmentPath(a.id)}>
                      <FormattedMessage id="mentoring.cardTitle" values={{ city: cityLabel(a.menteeCity) }} />
                    </Link>
                  </h2>
                  <p>
                    <span className="status">{mentoringStatusLabel(intl, a.status)}</span>
                  </p>
                  <dl className="facts">
                    <div>
                      <dt>
                        <FormattedMessage id="mentoring.mentor" />
                      </dt>
                      <dd>
                        <bdi>{a.mentor.name}</bdi>
                      </dd>
                    </div>
                    <div>
                      <dt>
                        <FormattedMessage id="mentoring.country" />
                      </dt>
                      <dd>{countryName(intl, a.menteeCity.country)}</dd>
                    </div>
                    {a.theme && (
                      <div>
                        <dt>
                          <FormattedMessage id="apply.theme" />
                        </dt>
                        <dd>
                          <bdi>{a.theme.name}</bdi>
                        </dd>
                      </div>
                    )}
                    <div>
                      <dt>
                        <FormattedMessage id="mentoring.since" />
                      </dt>
                      <dd>
                        <time dateTime={a.startedAt}>{intl.formatDate(a.startedAt, { dateStyle: "medium" })}</time>
                      </dd>
                    </div>
                  </dl>
                </article>
              </li>
            );
          })}
        </ul>
      )}
      {isManager && <MentorLoads />}
    </>
  );
}

/** Each mentor's active and completed assignments, busiest first (project team). */
export function MentorLoads() {
  const { data, error, refetch } = useQuery(MentorLoadsQuery, { fetchPolicy: "cache-and-network" });
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data)
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  return (
    <section className="oc-section" aria-labelledby="mentor-loads">
      <h2 id="mentor-loads">
        <FormattedMessage id="mentorLoads.title" />
      </h2>
      {data.mentorLoads.length === 0 ? (
        <p>
          <FormattedMessage id="mentorLoads.empty" />
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="mentor-loads-caption" tabIndex={0}>
          <table className="oc-table">
            <caption id="mentor-loads-caption">
              <FormattedMessage id="mentorLoads.caption" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="mentoring.mentor" />
                </th>
                <th scope="col">
                  <FormattedMessage id="mentorLoads.organization" />
                </th>
                <th scope="col">
                  <FormattedMessage id="mentorLoads.active" />
                </th>
                <th scope="col">
                  <FormattedMessage id="mentorLoads.completed" />
                </th>
              </tr>
            </thead>
            <tbody>
              {data.mentorLoads.map((l) => (
                <tr key={l.mentor.id}>
                  <th scope="row">
                    <bdi>{l.mentor.name}</bdi>
                  </th>
                  <td>{l.mentor.organization ? <bdi>{l.mentor.organization.name}</bdi> : "–"}</td>
                  <td className="oc-numeric">{l.activeAssignments}</td>
                  <td className="oc-numeric">{l.completedAssignments}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
