import { useId } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "@apollo/client/react";
import type { ResultOf } from "../../app/graphql.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { useViewer } from "../identity/use-viewer.ts";
import { cityLabel } from "../pilots/labels.ts";
import { CalendarFeed } from "./calendar-feed.tsx";
import { formatDayRange, formatMonth } from "./dates.ts";
import { REVIEW_STATUSES, reviewModeLabel, reviewStatusLabel, type ReviewStatus } from "./labels.ts";
import { ReviewsQuery } from "./operations.ts";
import { reviewPath } from "./route-id.ts";
import "./reviews.css";

type ReviewItem = ResultOf<typeof ReviewsQuery>["reviews"][number];
/** Earlier than any review of the project: "include past reviews" lists them all. */
const PROJECT_START = "2020-01-01";
const isStatus = (v: string | null): v is ReviewStatus => REVIEW_STATUSES.includes(v as ReviewStatus);

/** Reviews grouped by the month they start in, in order. */
function byMonth(reviews: readonly ReviewItem[]) {
  const groups = new Map<string, ReviewItem[]>();
  for (const r of reviews) {
    const key = r.startsOn.slice(0, 7);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()].map(([month, items]) => ({ month, items }));
}

/** `/reviews`: the project's peer-review calendar, month by month; filters live in the address. */
export function ReviewCalendarPage() {
  const intl = useIntl();
  const { viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get("status");
  const status = isStatus(statusParam) ? statusParam : null;
  const includePast = params.get("past") === "1";
  // without `from` the API lists reviews that end today or later
  const { data, previousData, error, loading, refetch } = useQuery(ReviewsQuery, {
    variables: { status, from: includePast ? PROJECT_START : null },
    fetchPolicy: "cache-and-network",
  });
  const shown = data ?? previousData;
  const statusId = useId();
  const pastId = useId();
  const isManager = !!viewer?.roles.includes("PROJECT_MANAGER");

  function setParam(key: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  }

  return (
    <>
      <div className="page-header">
        <PageHeading>{intl.formatMessage({ id: "reviews.title" })}</PageHeading>
        <div className="button-row">
          {viewer?.roles.includes("PEER_REVIEWER") && (
            <Link to="/reviews/mine" className="button button-secondary">
              <FormattedMessage id="nav.myReviews" />
            </Link>
          )}
          {isManager && (
            <>
              <Link to="/reviews/schedule" className="button">
                <FormattedMessage id="reviews.schedule" />
              </Link>
              <Link to="/reviews/assignment" className="button button-secondary">
                <FormattedMessage id="reviews.assignment" />
              </Link>
            </>
          )}
        </div>
      </div>
      <p>
        <FormattedMessage id="reviews.intro" />
      </p>
      <div className="filters">
        <div className="field">
          <label htmlFor={statusId} className="field-label">
            <FormattedMessage id="reviews.filterStatus" />
          </label>
          <select id={statusId} className="select-wide" value={status ?? ""} onChange={(e) => setParam("status", e.currentTarget.value || null)}>
            <option value="">{intl.formatMessage({ id: "reviews.activeStatuses" })}</option>
            {REVIEW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {reviewStatusLabel(intl, s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox-field">
          <input id={pastId} type="checkbox" checked={includePast} onChange={(e) => setParam("past", e.currentTarget.checked ? "1" : null)} />
          <label htmlFor={pastId}>
            <FormattedMessage id="reviews.includePast" />
          </label>
        </div>
      </div>

      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : !shown ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : (
        <>
          <p role="status" className="muted">
            {loading ? <FormattedMessage id="app.loading" /> : <FormattedMessage id="reviews.count" values={{ count: shown.reviews.length }} />}
          </p>
          {shown.reviews.length === 0 ? (
            <p>
              <FormattedMessage id={status || includePast ? "reviews.emptyFiltered" : "reviews.empty"} />
            </p>
          ) : (
            byMonth(shown.reviews).map(({ month, items }) => (
              <section key={month} aria-labelledby={`month-${month}`} className="month">
                <h2 id={`month-${month}`}>{formatMonth(intl, `${month}-01`)}</h2>
                <ul className="review-list">
                  {items.map((r) => (
                    <li key={r.id}>
                      <ReviewLine review={r} />
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )}
        </>
      )}
      <CalendarFeed />
    </>
  );
}

function ReviewLine({ review }: { review: ReviewItem }) {
  const intl = useIntl();
  const city = cityLabel(review.pilot.organization);
  return (
    <article className="review-line" aria-labelledby={`review-${review.id}`}>
      <p className="review-dates">
        <time dateTime={review.startsOn}>{formatDayRange(intl, review.startsOn, review.endsOn)}</time>
      </p>
      <div>
        <h3 id={`review-${review.id}`} className="review-line-title">
          <Link to={reviewPath(review.id)}>
            <FormattedMessage id="reviews.reviewOf" values={{ city }} />
          </Link>
        </h3>
        <p className="muted" lang={review.pilot.contentLanguage} dir="auto">
          {review.pilot.title}
        </p>
        <p className="review-facts">
          <span className="badge">{reviewModeLabel(intl, review.mode)}</span>{" "}
          <span className={`status review-status-${review.status.toLowerCase()}`}>{reviewStatusLabel(intl, review.status)}</span>{" "}
          {review.viewerIsReviewer && (
            <span className="status status-mine">
              <FormattedMessage id="reviews.youReview" />
            </span>
          )}
        </p>
        <p>
          <FormattedMessage id="reviews.team" values={{ names: intl.formatList(review.assignments.map((a) => a.reviewer.name)) }} />
        </p>
      </div>
    </article>
  );
}
