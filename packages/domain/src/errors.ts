/**
 * A problem with one input field. `path` matches the form field name (["lines", "2", "amountCents"]),
 * `code` is stable and translated by the web app as `error.<code>`, `message` is an English fallback.
 */
export type FieldIssue = { path: string[]; code: string; message: string };

/** Turns zod issues into field issues; zod's own codes ("too_small", "invalid_format", ...) become ours. */
export function issuesFromZod(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; code: string; message: string }>): FieldIssue[] {
  return issues.map((i) => ({ path: i.path.map(String), code: i.code, message: i.message }));
}
