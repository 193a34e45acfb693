import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { rawId } from "../../ui/global-id.ts";
import { cityLabel } from "../pilots/labels.ts";
import { formatDayRange } from "../reviews/dates.ts";
import { reviewModeLabel, reviewStatusLabel } from "../reviews/labels.ts";
import { DashboardSection, EmptyState } from "./dashboard-section.tsx";
import { Flag } from "./flag.tsx";
import type { ReviewerDashboard } from "./operations.ts";

type Review = ReviewerDashboard["reviews"][number];

function ScoringProgress({ review }: { review: Review }) {
  const intl = useIntl();
  const state = intl.formatMessage({ id: `dashboard.scoring.${review.viewerScoringState}` });
  const count = intl.formatMessage({ id: "dashboard.scoring.count" }, { scored: review.viewerScoredCount, total: review.criteriaCount });
  return (
    <>
      {/* something is left to do until the scores are submitted */}
      {review.viewerScoringState === "SUBMITTED" ? <span>{state}</span> : <Flag tone="info">{state}</Flag>}
      <span>{count}</span>
    </>
  );
}

/** A peer reviewer's part: the reviews they are on, their dates, and what is still to score on each. */
export function ReviewerSection({ reviewer }: { reviewer: ReviewerDashboard }) {
  const intl = useIntl();
  return (
    <DashboardSection title={intl.formatMessage({ id: "dashboard.reviewer.title" })}>
      {reviewer.reviews.length === 0 ? (
        <EmptyState
          action={
            <Link to="/reviews">
              <FormattedMessage id="dashboard.calendarLink" />
            </Link>
          }
        >
          <FormattedMessage id="dashboard.reviewer.empty" />
        </EmptyState>
      ) : (
        <div className="dashboard-part dashboard-part-wide">
          <ul className="dashboard-list">
            {reviewer.reviews.map((review) => (
              <li key={review.id}>
                <Link to={`/reviews/${rawId(review.id)}`}>
                  {intl.formatMessage({ id: "review.title" }, { city: cityLabel(review.pilot.organization) })}
                </Link>
                <p className="due-details">
                  <span>{formatDayRange(intl, review.startsOn, review.endsOn)}</span>
                  <span>{reviewModeLabel(intl, review.mode)}</span>
                  <span>{reviewStatusLabel(intl, review.status)}</span>
                </p>
                <p className="due-details">
                  <ScoringProgress review={review} />
                </p>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/reviews/mine">
              <FormattedMessage id="dashboard.reviewer.allLink" />
            </Link>
          </p>
        </div>
      )}
    </DashboardSection>
  );
}
