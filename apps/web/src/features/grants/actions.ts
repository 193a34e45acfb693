import type { IntlShape } from "react-intl";
import { z } from "zod";
import { parseCents } from "./money.ts";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { zodIssueText } from "../../ui/form-issues.ts";

type MutationOutcome =
  | { __typename: string; issues?: readonly { path: readonly string[]; code: string; message: string }[]; code?: string; message?: string }
  | null
  | undefined;

/**
 * The words for a refused grant action (ConflictError, InputError on an id, NotFoundError), or null when it succeeded.
 * Success types are named `Mutation<Name>Success`.
 */
export function refusal(intl: IntlShape, result: MutationOutcome): string | null {
  if (!result) return errorText(intl, "unknown");
  if (result.__typename.endsWith("Success")) return null;
  if (result.__typename === "NotFoundError") return errorText(intl, "not_found");
  const issue = result.issues?.[0];
  if (issue) return errorText(intl, issue.code, issue.message);
  return errorText(intl, result.code ?? "unknown", result.message);
}

/** The words for a request that failed on the way (network, session ended). */
export const requestFailure = (intl: IntlShape, error: unknown) => errorText(intl, errorCode(error));

/** Queries a grant action changes: the page itself and the audit trail panels on it. */
export const GRANT_REFETCH: { refetchQueries: string[]; awaitRefetchQueries: boolean } = { refetchQueries: ["GrantDetail", "AuditLog"], awaitRefetchQueries: true };

/**
 * A euro amount typed by a person ("1234,50" or "1234.50"), checked with the API's cents rule after parsing.
 * The form keeps the text; the submit handler turns it into cents with `parseCents`.
 */
export function amountTextSchema(centsRule: z.ZodType<number>, { optional = false } = {}) {
  return z
    .string()
    .trim()
    .refine(
      (text) => {
        if (optional && text === "") return true;
        const cents = parseCents(text);
        return cents !== null && centsRule.safeParse(cents).success;
      },
      { params: { code: "invalid_amount" } },
    );
}

type ZodIssueLike = Parameters<typeof zodIssueText>[1] & { format?: string };

/** Form messages: the shared mapping, except that a malformed day reads "enter a date" and a missing choice "choose one". */
export function grantIssueText(intl: IntlShape, issue: ZodIssueLike): string {
  if (issue.code === "invalid_format" && issue.format === "date") return errorText(intl, "invalid_date");
  if (issue.code === "invalid_value") return errorText(intl, "invalid_value");
  return zodIssueText(intl, issue);
}

/**
 * Text that must pass one of the API's rules, with our own message code: the domain schemas carry English
 * messages (a date's "Use a date like 2026-03-01"), which would win over the translated ones.
 */
export function textByRule(rule: z.ZodType, code: string) {
  return z.string().refine((value) => rule.safeParse(value).success, { params: { code } });
}
