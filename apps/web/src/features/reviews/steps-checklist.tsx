import { FormattedMessage, useIntl } from "react-intl";
import { formatDay, formatMoment, todayIso } from "./dates.ts";
import { stepLabel, type ReviewStepKind } from "./labels.ts";

type Step = { id: string; kind: ReviewStepKind; dueDate: string; completedAt: string | null };

/**
 * The method's steps (self-report, desk review, visit, feedback session, report) with their due dates:
 * done, overdue, or the next one due. The state is written out, not only drawn, for screen readers.
 * The API has no way yet to mark a step done, so states come from the dates alone.
 */
export function StepsChecklist({ steps, labelledBy, isActive = true }: { steps: readonly Step[]; labelledBy?: string; isActive?: boolean }) {
  const intl = useIntl();
  const today = todayIso();
  const next = steps.find((s) => !s.completedAt);
  return (
    <ol className="steps" aria-labelledby={labelledBy}>
      {steps.map((s) => {
        const state = s.completedAt ? "done" : s.dueDate < today ? "overdue" : s === next ? "next" : "open";
        return (
          <li key={s.id} className={isActive ? `step step-${state}` : "step"}>
            <span className="step-mark" aria-hidden="true" />
            <span className="step-name">{stepLabel(intl, s.kind)}</span>
            <span className="step-date">
              {s.completedAt ? (
                <FormattedMessage id="steps.doneOn" values={{ date: formatMoment(intl, s.completedAt) }} />
              ) : (
                <FormattedMessage id="steps.dueOn" values={{ date: <time dateTime={s.dueDate}>{formatDay(intl, s.dueDate)}</time> }} />
              )}
            </span>
            {/* a closed or cancelled review has no "next" or "overdue" step: only the plan is shown */}
            {isActive && (
              <span className={`status step-state-${state}`}>
                <FormattedMessage id={`steps.state.${state}`} />
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
