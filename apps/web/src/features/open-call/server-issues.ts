import type { IntlShape } from "react-intl";
import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";
import { errorText } from "../../app/i18n.tsx";

type ServerIssue = { path: readonly string[]; code: string; message: string };

/**
 * Puts the API's InputError issues next to their fields in a form with lists (`objectives.2.text`):
 * the longest prefix of the issue's path that names a field of the form gets it (an issue on one
 * migrant organisation lands on the organisations box); anything else goes to the form-wide error.
 * The first issue takes focus. ui/form-issues.ts does the same for forms with a fixed set of fields.
 */
export function setServerIssuesAt<T extends FieldValues>(
  intl: IntlShape,
  setError: UseFormSetError<T>,
  issues: readonly ServerIssue[],
  isField: (path: string) => boolean,
) {
  let focused = false;
  for (const issue of issues) {
    let field: string | undefined;
    for (let n = issue.path.length; n > 0 && !field; n--) {
      const candidate = issue.path.slice(0, n).join(".");
      if (isField(candidate)) field = candidate;
    }
    // zod's regex failure is "invalid_format"; on a date field it means the date, not an e-mail address
    const code = issue.code === "invalid_format" && field && /(date|dueDate|startsOn|endsOn)$/i.test(field) ? "invalid_date" : issue.code;
    const message = errorText(intl, code, issue.message);
    if (field) {
      setError(field as FieldPath<T>, { type: code, message }, { shouldFocus: !focused });
      focused = true;
    } else {
      setError("root.server" as FieldPath<T>, { type: code, message });
    }
  }
}

/** A matcher for `isField` from patterns such as `objectives.\d+.text`. */
export function fieldMatcher(patterns: readonly string[]): (path: string) => boolean {
  const regexes = patterns.map((p) => new RegExp(`^${p.replace(/\./g, "\\.")}$`));
  return (path) => regexes.some((r) => r.test(path));
}
