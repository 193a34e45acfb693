import type { IntlShape } from "react-intl";
import type { MessageId } from "../../app/i18n.tsx";
import { languageName } from "../pilots/labels.ts";

export const REVIEW_MODES = ["ON_SITE", "ONLINE"] as const;
export const REVIEW_STATUSES = ["SCHEDULED", "IN_PROGRESS", "CLOSED", "CANCELLED"] as const;
export const PRIORITIES = ["HIGH", "MEDIUM", "LOW"] as const;
export const RESPONSES = ["ACCEPTED", "IN_PROGRESS", "DONE", "DECLINED"] as const;

export type ReviewMode = (typeof REVIEW_MODES)[number];
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type Priority = (typeof PRIORITIES)[number];
export type RecommendationResponse = (typeof RESPONSES)[number];
export type ReviewStepKind = "SELF_REPORT" | "DESK_REVIEW" | "VISIT" | "FEEDBACK_SESSION" | "REPORT";

export const reviewModeLabel = (intl: IntlShape, m: ReviewMode) => intl.formatMessage({ id: `reviewMode.${m}` });
export const reviewStatusLabel = (intl: IntlShape, s: ReviewStatus) => intl.formatMessage({ id: `reviewStatus.${s}` });
export const stepLabel = (intl: IntlShape, k: ReviewStepKind) => intl.formatMessage({ id: `reviewStep.${k}` });
export const priorityLabel = (intl: IntlShape, p: Priority) => intl.formatMessage({ id: `priority.${p}` });
export const responseLabel = (intl: IntlShape, r: RecommendationResponse) => intl.formatMessage({ id: `response.${r}` });

/**
 * A ranking reason in words: "member of the pilot's community", "2 reviews so far", "shares French".
 * A code this version does not know still shows, as "code: value".
 */
export function reasonText(intl: IntlShape, reason: { code: string; value: string }): string {
  switch (reason.code) {
    case "community_member":
      return intl.formatMessage({ id: "reason.community_member" });
    case "review_count":
      return intl.formatMessage({ id: "reason.review_count" }, { count: Number(reason.value) || 0 });
    case "load_after":
      return intl.formatMessage({ id: "reason.load_after" }, { count: Number(reason.value) || 0 });
    case "shared_language":
      return intl.formatMessage(
        { id: "reason.shared_language" },
        { languages: intl.formatList(reason.value.split(",").filter(Boolean).map((code) => languageName(intl, code))) },
      );
    default: {
      const id = `reason.${reason.code}`;
      return id in intl.messages ? intl.formatMessage({ id: id as MessageId }) : `${reason.code}: ${reason.value}`;
    }
  }
}

/** A mean such as 3.67 in the reader's digits, at most two decimals. */
export function formatScore(intl: IntlShape, value: number): string {
  return intl.formatNumber(value, { maximumFractionDigits: 2 });
}
