import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useQuery } from "@apollo/client/react";
import type { ResultOf } from "../../app/graphql.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { cityLabel } from "../pilots/labels.ts";
import { CalendarFeed } from "./calendar-feed.tsx";
import { formatDay, formatDayRange } from "./dates.ts";
import { reviewModeLabel, reviewStatusLabel, stepLabel } from "./labels.ts";
import { MyReviewsQuery } from "./operations.ts";
import { reviewPath } from "./route-id.ts";
import { StepsChecklist } from "./steps-checklist.tsx";
import "./reviews.css";

type MyReview = ResultOf<typeof MyReviewsQuery>["myReviews"][number];

/** `/reviews/mine`: a peer reviewer's reviews, soonest first, with what is due and whether their scores are in. */
export function MyReviewsPage() {
  const intl = useIntl();
  const { data, error, loading, refetch } = useQuery(MyReviewsQuery, { fetchPolicy: "cache-and-network" });
  const reviews = data?.myReviews ?? [];
  const active = reviews.filter((r) => r.status !== "CLOSED");
  const closed = reviews.filter((r) => r.status === "CLOSED");

  return (
    <>
      <PageHeading>{intl.formatMessage({ id: "myReviews.title" })}</PageHeading>
      <p>
        <FormattedMessage id="myReviews.intro" />
      </p>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : reviews.length === 0 ? (
        <p>
          <FormattedMessage id="myReviews.empty" />{" "}
          <Link to="/reviews">
            <FormattedMessage id="myReviews.calendarLink" />
          </Link>
        </p>
      ) : (
        <>
          <section aria-labelledby="my-active">
            <h2 id="my-active">
              <FormattedMessage id="myReviews.active" values={{ count: active.length }} />
            </h2>
            {active.length === 0 ? (
              <p className="muted">
                <FormattedMessage id="myReviews.noActive" />
              </p>
            ) : (
              <ul className="stack-list">
                {active.map((r) => (
                  <li key={r.id}>
                    <MyReviewCard review={r} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          {closed.length > 0 && (
            <section aria-labelledby="my-closed">
              <h2 id="my-closed">
                <FormattedMessage id="myReviews.closed" values={{ count: closed.length }} />
              </h2>
              <ul className="stack-list">
                {closed.map((r) => (
                  <li key={r.id}>
                    <MyReviewCard review={r} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      <CalendarFeed />
    </>
  );
}

function MyReviewCard({ review }: { review: MyReview }) {
  const intl = useIntl();
  const city = cityLabel(review.pilot.organization);
  const headingId = `my-review-${review.id}`;
  const next = review.steps.find((s) => !s.completedAt);
  const submitted = review.viewerHasSubmittedScores;
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={reviewPath(review.id)}>
          <FormattedMessage id="reviews.reviewOf" values={{ city }} />
        </Link>
      </h3>
      <p className="muted" lang={review.pilot.contentLanguage} dir="auto">
        {review.pilot.title}
      </p>
      <p className="review-facts">
        <time dateTime={review.startsOn}>{formatDayRange(intl, review.startsOn, review.endsOn)}</time>{" "}
        <span className="badge">{reviewModeLabel(intl, review.mode)}</span>{" "}
        <span className={`status review-status-${review.status.toLowerCase()}`}>{reviewStatusLabel(intl, review.status)}</span>
      </p>
      <p className={submitted ? "scores-state scores-done" : "scores-state scores-open"}>
        <FormattedMessage id={submitted ? "myReviews.scoresSubmitted" : "myReviews.scoresOpen"} />
      </p>
      {next && review.status !== "CLOSED" && (
        <p>
          <FormattedMessage
            id="myReviews.nextStep"
            values={{ step: <strong>{stepLabel(intl, next.kind)}</strong>, date: <time dateTime={next.dueDate}>{formatDay(intl, next.dueDate)}</time> }}
          />
        </p>
      )}
      {review.status !== "CLOSED" && (
        <>
          <h4 id={`${headingId}-steps`}>
            <FormattedMessage id="review.steps" />
          </h4>
          <StepsChecklist steps={review.steps} labelledBy={`${headingId}-steps`} />
        </>
      )}
    </article>
  );
}
