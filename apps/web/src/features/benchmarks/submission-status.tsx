import { FormattedMessage, useIntl } from "react-intl";
import type { ResultOf } from "../../app/graphql.ts";
import type { SubmissionFields } from "./operations.ts";

export type Submission = ResultOf<typeof SubmissionFields>;
export type SubmissionStatus = Submission["status"];
type History = Submission["history"];

/** A submission's state as a badge; `null` is a city that has not started. */
export function StatusBadge({ status }: { status: SubmissionStatus | null }) {
  return (
    <span className={`status status-${(status ?? "NONE").toLowerCase()}`}>
      <FormattedMessage id={`submissionStatus.${status ?? "NONE"}`} />
    </span>
  );
}

/** The comment of the last return, if the submission is (still) returned. */
export function lastReturn(history: History): History[number] | undefined {
  return [...history].reverse().find((e) => e.toStatus === "RETURNED");
}

/** Who did what, when: draft started, submitted, returned with a comment, validated. */
export function SubmissionHistory({ history }: { history: History }) {
  const intl = useIntl();
  if (history.length === 0) return null;
  return (
    <section aria-labelledby="submission-history" className="history">
      <h2 id="submission-history">
        <FormattedMessage id="submission.history" />
      </h2>
      <ol className="history-list">
        {[...history].reverse().map((event) => (
          <li key={event.id}>
            <p className="history-event">
              <FormattedMessage id={`submissionEvent.${event.toStatus}`} />
            </p>
            <p className="muted">
              <FormattedMessage
                id="submission.historyMeta"
                values={{
                  actor: <bdi>{event.actor?.name ?? intl.formatMessage({ id: "audit.system" })}</bdi>,
                  when: <time dateTime={event.createdAt}>{intl.formatDate(event.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>,
                }}
              />
            </p>
            {event.comment && (
              <blockquote dir="auto" className="history-comment">
                {event.comment}
              </blockquote>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
