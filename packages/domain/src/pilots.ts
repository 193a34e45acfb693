import { z } from "zod";
import { languageTagSchema } from "./languages.ts";

export const TARGET_GROUPS = [
  "REFUGEES",
  "ASYLUM_SEEKERS",
  "BENEFICIARIES_OF_TEMPORARY_PROTECTION",
  "EU_MOBILE_CITIZENS",
  "THIRD_COUNTRY_NATIONALS",
  "WOMEN",
  "YOUNG_PEOPLE",
  "UNACCOMPANIED_MINORS",
  "FAMILIES",
  "OLDER_PEOPLE",
  "OTHER",
] as const;

export const PILOT_STATUSES = ["DRAFT", "PLANNED", "IN_IMPLEMENTATION", "COMPLETED"] as const;
export type PilotStatus = (typeof PILOT_STATUSES)[number];

export const CO_DESIGN_FORMATS = ["WORKSHOP", "FOCUS_GROUP", "INTERVIEWS", "SURVEY", "ONLINE_CONSULTATION", "ADVISORY_BOARD", "OTHER"] as const;
export const MILESTONE_STATUSES = ["PLANNED", "IN_PROGRESS", "DONE", "CANCELLED"] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-01");

/** What a city's officers edit on their own pilot. Lists replace the stored ones whole. */
export const pilotPlanSchema = z.object({
  pilotId: z.string().uuid(),
  title: z.string().trim().min(1).max(300),
  problemStatement: z.string().max(20_000),
  plannedActivities: z.string().max(20_000),
  contentLanguage: languageTagSchema,
  targetGroups: z.array(z.enum(TARGET_GROUPS)).max(TARGET_GROUPS.length),
  objectives: z
    .array(z.object({ text: z.string().trim().min(1).max(2000), answersRecommendationId: z.string().uuid().nullable().default(null) }))
    .max(30),
  coDesignActivities: z
    .array(
      z.object({
        date: isoDate,
        format: z.enum(CO_DESIGN_FORMATS),
        description: z.string().max(5000).default(""),
        participantCount: z.number().int().min(0).max(100_000),
        migrantOrganisations: z.array(z.string().trim().min(1).max(300)).max(30).default([]),
      }),
    )
    .max(100),
  milestones: z.array(z.object({ title: z.string().trim().min(1).max(300), dueDate: isoDate, status: z.enum(MILESTONE_STATUSES) })).max(100),
  indicatorIds: z.array(z.string().uuid()).max(60).default([]),
});
export type PilotPlan = z.infer<typeof pilotPlanSchema>;

/** Project managers move a pilot forward one step at a time, or back one step to correct a mistake. */
export function canChangePilotStatus(from: PilotStatus, to: PilotStatus): boolean {
  const a = PILOT_STATUSES.indexOf(from);
  const b = PILOT_STATUSES.indexOf(to);
  return Math.abs(a - b) === 1;
}
