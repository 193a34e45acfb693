import type { IntlShape } from "react-intl";
import type { FieldValues, UseFormSetError } from "react-hook-form";
import { errorText } from "../../app/i18n.tsx";
import { refusalText } from "./reviewer-picker.tsx";

type Issue = { path: readonly string[]; code: string; message: string };

/**
 * Sorts the API's refusal of a booking: issues at ["reviewerIds", i] go next to reviewer i (named,
 * in the reader's language), date issues to their field, anything else to the form. Returns the
 * refusals per reviewer id; when there are any, the form-wide message says how many people are affected.
 */
export function applyScheduleIssues<T extends FieldValues>(
  intl: IntlShape,
  issues: readonly Issue[],
  reviewerIds: readonly string[],
  nameOf: (id: string) => string,
  setError: UseFormSetError<T>,
): Map<string, string[]> {
  const refusals = new Map<string, string[]>();
  // the fields named here exist on every scheduling form (schedule page, assignment cards, reschedule)
  const set = setError as unknown as (name: string, error: { type: string; message: string }, options?: { shouldFocus: boolean }) => void;
  for (const issue of issues) {
    const [field, index] = issue.path;
    const id = field === "reviewerIds" && index !== undefined ? reviewerIds[Number(index)] : undefined;
    if (id) refusals.set(id, [...(refusals.get(id) ?? []), refusalText(intl, issue.code, nameOf(id), issue.message)]);
    else if (field === "startsOn" || field === "endsOn" || field === "agenda" || field === "mode" || field === "reviewerIds")
      set(field, { type: issue.code, message: errorText(intl, issue.code, issue.message) }, { shouldFocus: true });
    else set("root.server", { type: issue.code, message: errorText(intl, issue.code, issue.message) });
  }
  if (refusals.size) {
    // the picker moves focus to the first refused person when it receives these refusals
    set("root.server", { type: "refused", message: intl.formatMessage({ id: "schedule.refused" }, { count: refusals.size }) });
  }
  return refusals;
}
