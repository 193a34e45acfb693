import type { IntlShape } from "react-intl";
import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import { errorText } from "../app/i18n.tsx";

/** What zod hands the resolver's error map: enough to pick a message. */
type ZodIssueLike = { code: string; origin?: string; minimum?: unknown; params?: Record<string, unknown> };

/**
 * A form rule's message in the reader's language. Most zod codes map straight to `error.<code>`;
 * a minimum length above one reads "use at least N characters" instead of "required", an empty list
 * "choose at least one", and our own refinements carry their code in `params.code`.
 */
export function zodIssueText(intl: IntlShape, issue: ZodIssueLike): string {
  if (issue.code === "custom" && typeof issue.params?.["code"] === "string") return errorText(intl, issue.params["code"]);
  if (issue.code === "too_small" && issue.origin === "array") return errorText(intl, "too_few");
  if (issue.code === "too_small" && issue.origin === "string" && typeof issue.minimum === "number" && issue.minimum > 1)
    return errorText(intl, "too_short", undefined, { minimum: issue.minimum });
  return errorText(intl, issue.code);
}

type ServerIssue = { path: readonly string[]; code: string; message: string };

/**
 * Puts the API's InputError issues next to their fields (the first one takes focus); issues for
 * fields the form does not show (a token from a link) go to the form-wide error.
 */
export function setServerIssues<T extends FieldValues>(
  intl: IntlShape,
  setError: UseFormSetError<T>,
  issues: readonly ServerIssue[],
  fields: readonly FieldPath<T>[],
) {
  issues.forEach((issue, i) => {
    const path = issue.path.join(".");
    const message = errorText(intl, issue.code, issue.message);
    const field = fields.find((f) => f === path);
    if (field) setError(field, { type: issue.code, message }, { shouldFocus: i === 0 });
    else setError("root.server" as FieldPath<T>, { type: issue.code, message });
  });
}
