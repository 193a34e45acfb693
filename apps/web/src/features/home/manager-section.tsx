import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { rawId } from "../../ui/global-id.ts";
import { callStatusLabel, formatDeadline } from "../open-call/labels.ts";
import { cityLabel } from "../pilots/labels.ts";
import { formatDayRange, formatMoment } from "../reviews/dates.ts";
import { reviewModeLabel, reviewStatusLabel } from "../reviews/labels.ts";
import { DashboardPart, DashboardSection, EmptyState } from "./dashboard-section.tsx";
import { ManagerGrants } from "./manager-grants.tsx";
import type { ManagerDashboard } from "./operations.ts";

/** Self-assessments submitted and waiting for the project team, longest waiting first. */
function ValidationQueue({ manager }: { manager: ManagerDashboard }) {
  const intl = useIntl();
  const waiting = manager.submissionsToValidate;
  return (
    <DashboardPart title={intl.formatMessage({ id: "dashboard.validation.title" }, { count: manager.submissionsToValidateCount })}>
      {waiting.length === 0 ? (
        <EmptyState>
          <FormattedMessage id="dashboard.validation.empty" />
        </EmptyState>
      ) : (
        <ul className="dashboard-list">
          {waiting.map((s) => (
            <li key={s.id}>
              <Link to={`/benchmarks/rounds/${rawId(s.round.id)}/submissions/${rawId(s.id)}`}>
                {intl.formatMessage({ id: "dashboard.validation.item" }, { city: cityLabel(s.organization), round: s.round.name })}
              </Link>
              <p className="due-details">
                <span dir="auto">{s.round.community.name}</span>
                {s.submittedAt && <span>{intl.formatMessage({ id: "dashboard.validation.submittedAt" }, { date: formatMoment(intl, s.submittedAt) })}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
      {manager.submissionsToValidateCount > waiting.length && (
        <p>
          <Link to="/benchmarks">{intl.formatMessage({ id: "dashboard.validation.more" }, { count: manager.submissionsToValidateCount - waiting.length })}</Link>
        </p>
      )}
    </DashboardPart>
  );
}

/** Reviews scheduled or running, earliest first. */
function ReviewSchedule({ reviews }: { reviews: ManagerDashboard["reviewSchedule"] }) {
  const intl = useIntl();
  return (
    <DashboardPart title={intl.formatMessage({ id: "dashboard.schedule.title" })}>
      {reviews.length === 0 ? (
        <EmptyState
          action={
            <Link to="/reviews/schedule">
              <FormattedMessage id="dashboard.schedule.scheduleLink" />
            </Link>
          }
        >
          <FormattedMessage id="dashboard.schedule.empty" />
        </EmptyState>
      ) : (
        <>
          <ul className="dashboard-list">
            {reviews.map((r) => (
              <li key={r.id}>
                <Link to={`/reviews/${rawId(r.id)}`}>{intl.formatMessage({ id: "review.title" }, { city: cityLabel(r.pilot.organization) })}</Link>
                <p className="due-details">
                  <span>{formatDayRange(intl, r.startsOn, r.endsOn)}</span>
                  <span>{reviewModeLabel(intl, r.mode)}</span>
                  <span>{reviewStatusLabel(intl, r.status)}</span>
                </p>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/reviews">
              <FormattedMessage id="dashboard.calendarLink" />
            </Link>
          </p>
        </>
      )}
    </DashboardPart>
  );
}

/** Calls from draft to results: where each stands. */
function OpenCalls({ calls }: { calls: ManagerDashboard["openCalls"] }) {
  const intl = useIntl();
  return (
    <DashboardPart title={intl.formatMessage({ id: "dashboard.calls.title" })}>
      {calls.length === 0 ? (
        <EmptyState
          action={
            <Link to="/open-calls/new">
              <FormattedMessage id="dashboard.calls.createLink" />
            </Link>
          }
        >
          <FormattedMessage id="dashboard.calls.empty" />
        </EmptyState>
      ) : (
        <ul className="dashboard-list">
          {calls.map((c) => (
            <li key={c.id}>
              <Link to={`/open-calls/${rawId(c.id)}`} dir="auto">
                {c.title}
              </Link>
              <p className="due-details">
                <span>{callStatusLabel(intl, c.status)}</span>
                <span>{intl.formatMessage({ id: "dashboard.calls.deadline" }, { date: formatDeadline(intl, c.deadline) })}</span>
                <span>{intl.formatMessage({ id: "dashboard.calls.applications" }, { count: c.applicationCount ?? 0, places: c.places })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </DashboardPart>
  );
}

/** A project manager's part: validation queue, review schedule, grants with alerts, open calls. */
export function ManagerSection({ manager }: { manager: ManagerDashboard }) {
  const intl = useIntl();
  return (
    <DashboardSection title={intl.formatMessage({ id: "dashboard.manager.title" })}>
      <ValidationQueue manager={manager} />
      <ReviewSchedule reviews={manager.reviewSchedule} />
      <ManagerGrants grants={manager.grants} />
      <OpenCalls calls={manager.openCalls} />
    </DashboardSection>
  );
}
