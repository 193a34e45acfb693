import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { formatDay } from "../grants/labels.ts";
import { actionStatusLabel, formatLabel } from "../mentoring/labels.ts";
import { assignmentPath } from "../open-call/ids.ts";
import { cityLabel } from "../open-call/labels.ts";
import { formatMoment } from "../reviews/dates.ts";
import { DashboardSection, EmptyState } from "./dashboard-section.tsx";
import { Flag } from "./flag.tsx";
import type { MentorDashboard } from "./operations.ts";

type Mentee = MentorDashboard["mentees"][number];

function MenteeCard({ mentee }: { mentee: Mentee }) {
  const intl = useIntl();
  const city = cityLabel(mentee.menteeCity);
  const sessions = mentee.plan?.upcomingSessions ?? [];
  const actions = mentee.plan?.openActions ?? [];
  return (
    <li className="dashboard-card">
      <h3>
        <Link to={assignmentPath(mentee.id)}>{intl.formatMessage({ id: "mentoring.cardTitle" }, { city })}</Link>
      </h3>
      <h4>
        <FormattedMessage id="dashboard.mentor.nextSessions" />
      </h4>
      {sessions.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="dashboard.mentor.noSession" />
        </p>
      ) : (
        <ul className="plain-list">
          {sessions.map((s) => (
            <li key={s.id}>{intl.formatMessage({ id: "dashboard.mentor.session" }, { date: formatMoment(intl, s.date), format: formatLabel(intl, s.format) })}</li>
          ))}
        </ul>
      )}
      <h4>
        <FormattedMessage id="dashboard.mentor.openActions" />
      </h4>
      {actions.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="dashboard.mentor.noAction" />
        </p>
      ) : (
        <ul className="plain-list">
          {actions.map((a) => (
            <li key={a.id}>
              <span dir="auto">{a.title}</span>{" "}
              <span className="muted">
                {[actionStatusLabel(intl, a.status), a.dueDate && intl.formatMessage({ id: "dashboard.mentor.actionDue" }, { date: formatDay(intl, a.dueDate) })]
                  .filter(Boolean)
                  .join(" · ")}
              </span>{" "}
              {a.isOverdue && (
                <Flag tone="warning">
                  <FormattedMessage id="dashboard.overdue" />
                </Flag>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** A mentor's part: each mentee city with its next sessions and open actions. */
export function MentorSection({ mentor }: { mentor: MentorDashboard }) {
  const intl = useIntl();
  return (
    <DashboardSection title={intl.formatMessage({ id: "dashboard.mentor.title" })}>
      {mentor.mentees.length === 0 ? (
        <EmptyState
          action={
            <Link to="/mentoring">
              <FormattedMessage id="dashboard.mentor.mentoringLink" />
            </Link>
          }
        >
          <FormattedMessage id="dashboard.mentor.empty" />
        </EmptyState>
      ) : (
        <ul className="dashboard-cards">
          {mentor.mentees.map((m) => (
            <MenteeCard key={m.id} mentee={m} />
          ))}
        </ul>
      )}
    </DashboardSection>
  );
}
