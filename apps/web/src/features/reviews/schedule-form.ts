import type { IntlShape } from "react-intl";
import { z } from "zod";
import { MAX_REVIEWERS, MIN_REVIEWERS, REVIEW_STEPS } from "@citypeer/domain/reviews";
import { zodIssueText } from "../../ui/form-issues.ts";
import { REVIEW_MODES } from "./labels.ts";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isoDay = z.string().refine((v) => ISO_DAY.test(v), { params: { code: "invalid_date" } });

/** The API's scheduling rule (dates, 2-4 distinct reviewers) on the form's values: global IDs, optional own step dates. */
export const scheduleFormSchema = z
  .object({
    pilotId: z.string().refine((v) => v.length > 0, { params: { code: "choose_pilot" } }),
    mode: z.enum(REVIEW_MODES),
    startsOn: isoDay,
    endsOn: isoDay,
    agenda: z.string().max(20_000),
    customSteps: z.boolean(),
    steps: z.array(z.object({ kind: z.enum(REVIEW_STEPS), dueDate: z.string() })),
    reviewerIds: z.array(z.string()).refine((ids) => ids.length >= MIN_REVIEWERS && ids.length <= MAX_REVIEWERS, { params: { code: "reviewer_count" } }),
  })
  .superRefine((v, ctx) => {
    if (ISO_DAY.test(v.startsOn) && ISO_DAY.test(v.endsOn) && v.endsOn < v.startsOn)
      ctx.addIssue({ code: "custom", path: ["endsOn"], params: { code: "ends_before_start" } });
    if (v.customSteps)
      v.steps.forEach((s, i) => {
        if (!ISO_DAY.test(s.dueDate)) ctx.addIssue({ code: "custom", path: ["steps", i, "dueDate"], params: { code: "invalid_date" } });
      });
  });

/** The form's messages; "Choose 2 to 4 reviewers" takes its numbers from the domain's rule. */
export function scheduleIssueText(intl: IntlShape, issue: Parameters<typeof zodIssueText>[1]): string {
  if (issue.code === "custom" && issue.params?.["code"] === "reviewer_count")
    return intl.formatMessage({ id: "error.reviewer_count" }, { min: MIN_REVIEWERS, max: MAX_REVIEWERS });
  return zodIssueText(intl, issue);
}

