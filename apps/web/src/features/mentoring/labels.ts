import type { IntlShape } from "react-intl";
import { languageName } from "../open-call/labels.ts";

export type ActionStatus = "OPEN" | "IN_PROGRESS" | "DONE" | "CANCELLED";
export type MentoringFormat = "ON_SITE" | "ONLINE" | "PHONE";
export type MentoringStatus = "ACTIVE" | "COMPLETED" | "CANCELLED";
export const ACTION_STATUSES: readonly ActionStatus[] = ["OPEN", "IN_PROGRESS", "DONE", "CANCELLED"];
export const MENTORING_FORMATS: readonly MentoringFormat[] = ["ON_SITE", "ONLINE", "PHONE"];

export const actionStatusLabel = (intl: IntlShape, s: ActionStatus) => intl.formatMessage({ id: `actionStatus.${s}` });
export const formatLabel = (intl: IntlShape, f: MentoringFormat) => intl.formatMessage({ id: `mentoringFormat.${f}` });
export const mentoringStatusLabel = (intl: IntlShape, s: MentoringStatus) => intl.formatMessage({ id: `mentoringStatus.${s}` });

const REASONS = ["theme_match", "no_theme_match", "shared_language", "no_shared_language", "active_assignments"] as const;

/** Why a mentor is suggested, in the reader's language: the API's stable code and its value (a theme, a language, a count). */
export function mentorReasonText(intl: IntlShape, reason: { code: string; value: string }): string {
  const code = REASONS.find((r) => r === reason.code);
  if (!code) return reason.code;
  return intl.formatMessage(
    { id: `mentorReason.${code}` },
    { theme: reason.value, language: reason.code === "shared_language" ? languageName(intl, reason.value) : reason.value, count: Number(reason.value) || 0 },
  );
}

/** Sessions and due dates are calendar days: shown as written, whatever the reader's time zone. */
export const formatDay = (intl: IntlShape, iso: string) => intl.formatDate(iso, { dateStyle: "medium", timeZone: "UTC" });
