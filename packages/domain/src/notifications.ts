import { z } from "zod";
import type { ReportKind, TrancheKind } from "./grants.ts";
import type { ApplicationOutcome } from "./open-call.ts";

export const EMAIL_MODES = ["IMMEDIATE", "DAILY_DIGEST", "NONE"] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

/**
 * What can notify a person, and how it e-mails by default. In-app notifications are always written;
 * each person chooses per kind: e-mail immediately, in a daily digest, or not at all.
 * Titles and e-mail texts live in the catalogues as notification.<kind>.title / .body.
 */
export const NOTIFICATION_KINDS = {
  "account.password_changed": { defaultEmail: "IMMEDIATE" },
  "account.roles_changed": { defaultEmail: "IMMEDIATE" },
  "benchmark.submission_returned": { defaultEmail: "IMMEDIATE" },
  "benchmark.submission_validated": { defaultEmail: "DAILY_DIGEST" },
  "review.assigned": { defaultEmail: "IMMEDIATE" },
  "review.rescheduled": { defaultEmail: "IMMEDIATE" },
  "review.cancelled": { defaultEmail: "IMMEDIATE" },
  "grant.budget_decided": { defaultEmail: "IMMEDIATE" },
  "grant.expense_decided": { defaultEmail: "DAILY_DIGEST" },
  "grant.tranche_paid": { defaultEmail: "IMMEDIATE" },
  "grant.report_due": { defaultEmail: "IMMEDIATE" },
  "call.results_published": { defaultEmail: "IMMEDIATE" },
  "mentoring.assigned": { defaultEmail: "IMMEDIATE" },
} as const satisfies Record<string, { defaultEmail: EmailMode }>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_LIST = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export function isNotificationKind(kind: string): kind is NotificationKind {
  return kind in NOTIFICATION_KINDS;
}

/** Values a notification's text can interpolate: plain strings and numbers, nothing that could carry markup. */
export type NotificationPayload = Record<string, string | number>;

/**
 * Kinds whose payload carries codes, never words: the catalogue message picks the words in the reader's
 * language (`{decision, select, APPROVED {...} REJECTED {...} other {...}}`), so no English label ends up
 * inside a Polish or Persian notification. What people wrote (a reason, a description) travels as its own
 * value and is shown as written. The `other` branch words anything else (an older payload) neutrally.
 */
export type CodedNotificationPayloads = {
  "grant.budget_decided": { decision: "APPROVED" } | { decision: "REJECTED"; reason: string };
  "grant.expense_decided": { description: string; decision: "APPROVED" } | { description: string; decision: "REJECTED"; reason: string };
  "grant.tranche_paid": { tranche: TrancheKind };
  "grant.report_due": { report: ReportKind; date: string };
  "call.results_published": { call: string; result: ApplicationOutcome };
};

/** The payload a kind takes: the coded shape where there is one, plain values otherwise. */
export type NotificationPayloadOf<K extends NotificationKind> = K extends keyof CodedNotificationPayloads ? CodedNotificationPayloads[K] : NotificationPayload;

export const notificationPreferencesSchema = z.object({
  preferences: z
    .array(z.object({ kind: z.string().refine(isNotificationKind, { message: "Unknown notification kind" }), email: z.enum(EMAIL_MODES) }))
    .max(100),
});

/** E-mail delivery retries: 5 attempts, waiting 30 s, 1 min, 2 min, 4 min between them. */
export const EMAIL_MAX_ATTEMPTS = 5;
export function emailRetryDelayMs(attempts: number): number {
  return 30_000 * 2 ** Math.max(0, attempts - 1);
}
