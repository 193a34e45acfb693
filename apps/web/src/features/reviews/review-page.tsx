import { useEffect, useRef, useState, type ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useLocation, useParams } from "react-router";
import { useQuery } from "@apollo/client/react";
import type { ResultOf } from "../../app/graphql.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { useViewer } from "../identity/use-viewer.ts";
import { cityLabel } from "../pilots/labels.ts";
import { formatDayRange, formatMoment } from "./dates.ts";
import { reviewModeLabel, reviewStatusLabel } from "./labels.ts";
import { ReviewQuery, type ReviewDetailsFragment } from "./operations.ts";
import { Recommendations } from "./recommendations.tsx";
import { ReviewManagement } from "./review-manage.tsx";
import { ReviewScoresReport } from "./review-report.tsx";
import { globalIdFromParam, pilotPath } from "./route-id.ts";
import { ScoringForm } from "./scoring-form.tsx";
import { StepsChecklist } from "./steps-checklist.tsx";
import "./reviews.css";

type Review = ResultOf<typeof ReviewDetailsFragment>;

/** `/reviews/:id`: one peer review: details, steps, rubric, the reviewer's scoring and the consolidated report. */
export function ReviewPage() {
  const intl = useIntl();
  const { id = "" } = useParams();
  const { data, error, loading, refetch } = useQuery(ReviewQuery, { variables: { id: globalIdFromParam("PeerReview", id) }, fetchPolicy: "cache-and-network" });
  const review = data?.review;
  const heading = intl.formatMessage({ id: "review.titleGeneric" });

  if (error)
    return (
      <>
        <PageHeading>{heading}</PageHeading>
        <QueryError error={error} onRetry={() => void refetch()} />
      </>
    );
  if (loading && !data)
    return (
      <>
        <PageHeading>{heading}</PageHeading>
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      </>
    );
  if (!review)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "review.notFound" })}</PageHeading>
        <Link to="/reviews">
          <FormattedMessage id="review.backToCalendar" />
        </Link>
      </>
    );
  return <ReviewView review={review} />;
}

function ReviewView({ review }: { review: Review }) {
  const intl = useIntl();
  const { viewer } = useViewer();
  const location = useLocation();
  const [status, setStatus] = useState<ReactNode>(() =>
    (location.state as { scheduled?: boolean } | null)?.scheduled ? <FormattedMessage id="review.scheduled" /> : undefined,
  );
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const city = cityLabel(review.pilot.organization);
  const isManager = !!viewer?.roles.includes("PROJECT_MANAGER");
  const isActive = review.status === "SCHEDULED" || review.status === "IN_PROGRESS";
  const canScore = review.viewerIsReviewer && !review.viewerHasSubmittedScores && isActive;
  const dates = formatDayRange(intl, review.startsOn, review.endsOn);

  // Submitting moves the reviewer from the form to the report: say so, and continue from the report's heading.
  const [wasSubmitted, setWasSubmitted] = useState(review.viewerHasSubmittedScores);
  if (wasSubmitted !== review.viewerHasSubmittedScores) {
    setWasSubmitted(review.viewerHasSubmittedScores);
    if (review.viewerHasSubmittedScores) setStatus(<FormattedMessage id="scoring.submitted" />);
  }
  useEffect(() => {
    if (wasSubmitted && status) reportHeading.current?.focus();
    // only right after submitting (status is set in the same render)
  }, [wasSubmitted]);

  return (
    <div className="review-page">
      <div className="page-header">
        <PageHeading>{intl.formatMessage({ id: "review.title" }, { city })}</PageHeading>
        <button type="button" className="button button-secondary no-print" onClick={() => window.print()}>
          <FormattedMessage id="review.print" />
        </button>
      </div>
      <p className="print-only">
        <FormattedMessage id="review.printedFrom" values={{ date: formatMoment(intl, new Date().toISOString()) }} />
      </p>
      <StatusMessage>{status}</StatusMessage>

      <dl className="meta-list">
        <div>
          <dt>
            <FormattedMessage id="review.pilot" />
          </dt>
          <dd>
            <Link to={pilotPath(review.pilot.id)} lang={review.pilot.contentLanguage} dir="auto">
              {review.pilot.title}
            </Link>
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="review.dates" />
          </dt>
          <dd>
            <time dateTime={review.startsOn}>{dates}</time>
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="review.mode" />
          </dt>
          <dd>{reviewModeLabel(intl, review.mode)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="review.status" />
          </dt>
          <dd>
            <span className={`status review-status-${review.status.toLowerCase()}`}>{reviewStatusLabel(intl, review.status)}</span>
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="pilot.community" />
          </dt>
          <dd>
            <bdi>{review.pilot.community.name}</bdi>
          </dd>
        </div>
      </dl>

      <section aria-labelledby="team-heading" className="report-part">
        <h2 id="team-heading">
          <FormattedMessage id="review.team" values={{ count: review.assignments.length }} />
        </h2>
        <ul className="team-list">
          {review.assignments.map((a) => (
            <li key={a.reviewer.id}>
              <bdi className="team-name">{a.reviewer.name}</bdi>
              {a.reviewer.organization && (
                <span className="muted">
                  {" "}
                  (<bdi>{cityLabel(a.reviewer.organization)}</bdi>)
                </span>
              )}{" "}
              <span className={a.hasSubmittedScores ? "status status-active" : "status status-pending"}>
                <FormattedMessage id={a.hasSubmittedScores ? "review.scoresIn" : "review.scoresPending"} />
              </span>
            </li>
          ))}
        </ul>
      </section>

      {isManager && isActive && <ReviewManagement review={review} onDone={setStatus} />}

      <section aria-labelledby="agenda-heading" className="report-part">
        <h2 id="agenda-heading">
          <FormattedMessage id="review.agenda" />
        </h2>
        {review.agenda.trim() ? (
          <div className="city-text" dir="auto">
            {review.agenda}
          </div>
        ) : (
          <p className="muted">
            <FormattedMessage id="review.noAgenda" />
          </p>
        )}
      </section>

      <section aria-labelledby="steps-heading" className="report-part no-print">
        <h2 id="steps-heading">
          <FormattedMessage id="review.steps" />
        </h2>
        <StepsChecklist steps={review.steps} labelledBy="steps-heading" isActive={isActive} />
      </section>

      <section aria-labelledby="rubric-heading" className="report-part no-print">
        <h2 id="rubric-heading">
          <FormattedMessage id="review.rubric" />
        </h2>
        <p>
          <FormattedMessage id="review.rubricIntro" />
        </p>
        <ul className="rubric">
          {review.criteria.map((c) => (
            <li key={c.id}>
              <details>
                <summary>
                  <bdi>{c.title}</bdi>
                </summary>
                <ol className="descriptors">
                  {c.descriptors.map((d, i) => (
                    <li key={i} value={i + 1} dir="auto">
                      {d}
                    </li>
                  ))}
                </ol>
              </details>
            </li>
          ))}
        </ul>
      </section>

      {canScore && <ScoringForm key={review.id} review={review} />}

      <section aria-labelledby="report-heading" className="review-report">
        <h2 id="report-heading" ref={reportHeading} tabIndex={-1}>
          <FormattedMessage id="report.title" />
        </h2>
        {review.status === "CLOSED" && (
          <div className="report-part">
            <h3>
              <FormattedMessage id="report.summary" />
            </h3>
            {review.reportPublishedAt && (
              <p className="muted">
                <FormattedMessage id="report.published" values={{ date: formatMoment(intl, review.reportPublishedAt) }} />
              </p>
            )}
            <div className="city-text" dir="auto">
              {review.reportSummary}
            </div>
          </div>
        )}
        {review.summary && review.viewerCanSeeAllScores ? (
          <ReviewScoresReport review={review} />
        ) : (
          <p className="notice notice-info">
            <FormattedMessage
              id={
                review.viewerIsReviewer && !review.viewerHasSubmittedScores
                  ? "report.hiddenUntilYouSubmit"
                  : review.status === "CLOSED"
                    ? "report.hiddenClosed"
                    : "report.hiddenUntilClosed"
              }
            />
          </p>
        )}
        <Recommendations review={review} canAdd={isManager || review.viewerIsReviewer} canAnswer={review.pilot.viewerCanEdit} />
      </section>
    </div>
  );
}
