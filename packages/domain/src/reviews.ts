import { z } from "zod";

/** The Eurocities peer-review method, step by step. */
export const REVIEW_STEPS = ["SELF_REPORT", "DESK_REVIEW", "VISIT", "FEEDBACK_SESSION", "REPORT"] as const;
export type ReviewStepKind = (typeof REVIEW_STEPS)[number];

export const MIN_REVIEWERS = 2;
export const MAX_REVIEWERS = 4;

/** The default rubric, copied into each review when it is scheduled; project managers edit it before the review starts. */
export const DEFAULT_RUBRIC: { code: string; title: string; descriptors: [string, string, string, string, string] }[] = [
  {
    code: "RELEVANCE",
    title: "Relevance to the city's benchmark gaps",
    descriptors: [
      "The pilot does not address the gaps the city's self-assessment shows.",
      "The pilot touches a gap, but only marginally.",
      "The pilot addresses one clear gap from the self-assessment.",
      "The pilot addresses the city's main gaps with a clear logic.",
      "The pilot targets the most important gaps and explains how closing them will be measured.",
    ],
  },
  {
    code: "INNOVATION",
    title: "Innovation",
    descriptors: [
      "Repeats existing practice in the city.",
      "Small changes to existing practice.",
      "New for the city, known elsewhere.",
      "New approach for the city, adapted thoughtfully from elsewhere.",
      "Genuinely new approach that others in the network can learn from.",
    ],
  },
  {
    code: "FEASIBILITY",
    title: "Feasibility",
    descriptors: [
      "No realistic plan, budget or staff.",
      "Major gaps in plan, budget or staff.",
      "Workable plan with some risks unaddressed.",
      "Realistic plan, budget and staff; main risks addressed.",
      "Robust plan with contingencies and committed partners.",
    ],
  },
  {
    code: "CO_DESIGN",
    title: "Co-design with migrants",
    descriptors: [
      "Migrants are not involved.",
      "Migrants are informed, not consulted.",
      "Migrants are consulted at some points.",
      "Migrants and their organisations shape decisions throughout.",
      "Migrant organisations co-lead design, delivery and evaluation.",
    ],
  },
  {
    code: "SUSTAINABILITY",
    title: "Sustainability",
    descriptors: [
      "Ends with the grant.",
      "Continuation is hoped for, not planned.",
      "Some elements will continue.",
      "A clear plan and funding to continue the main elements.",
      "Embedded in the city's strategy and budget.",
    ],
  },
  {
    code: "TRANSFERABILITY",
    title: "Transferability",
    descriptors: [
      "Too specific to transfer.",
      "Transferable only with major changes.",
      "Parts could be transferred to similar cities.",
      "Documented so that other cities can adapt it.",
      "Already taken up or planned by other cities.",
    ],
  },
];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-01");

export const scheduleReviewSchema = z
  .object({
    pilotId: z.string().uuid(),
    mode: z.enum(["ON_SITE", "ONLINE"]),
    startsOn: isoDate,
    endsOn: isoDate,
    agenda: z.string().max(20_000).default(""),
    reviewerIds: z.array(z.string().uuid()).min(MIN_REVIEWERS).max(MAX_REVIEWERS),
    steps: z.array(z.object({ kind: z.enum(REVIEW_STEPS), dueDate: isoDate })).max(REVIEW_STEPS.length).default([]),
  })
  .refine((r) => r.endsOn >= r.startsOn, { path: ["endsOn"], message: "The review must end on or after its first day" })
  .refine((r) => new Set(r.reviewerIds).size === r.reviewerIds.length, { path: ["reviewerIds"], message: "A reviewer appears twice" });
export type ScheduleReview = z.infer<typeof scheduleReviewSchema>;

/** Default due dates of the method's steps, relative to the visit: self-report 4 weeks before, report a month after. */
export function defaultStepDates(startsOn: string, endsOn: string): { kind: ReviewStepKind; dueDate: string }[] {
  const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return [
    { kind: "SELF_REPORT", dueDate: shift(startsOn, -28) },
    { kind: "DESK_REVIEW", dueDate: shift(startsOn, -7) },
    { kind: "VISIT", dueDate: endsOn },
    { kind: "FEEDBACK_SESSION", dueDate: endsOn },
    { kind: "REPORT", dueDate: shift(endsOn, 30) },
  ];
}

export type Booking = { reviewId: string; startsOn: string; endsOn: string };

/** Inclusive date ranges overlap when each starts before the other ends. */
export function overlaps(a: { startsOn: string; endsOn: string }, b: { startsOn: string; endsOn: string }): boolean {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}

export type Candidate = {
  id: string;
  name: string;
  organizationId: string | null;
  roles: readonly string[];
  workingLanguages: readonly string[];
  /** Other reviews this person is booked on (scheduled or in progress). */
  bookings: readonly Booking[];
  /** Reviews done or booked so far, for balancing the load. */
  reviewCount: number;
  /** Whether the person's city is a member of the pilot's community. */
  isCommunityMember: boolean;
};

export type ReviewerConflict =
  | { code: "not_a_reviewer" }
  | { code: "same_city" }
  | { code: "overlapping_review"; reviewId: string; startsOn: string; endsOn: string };

/** Why a person cannot review this pilot on these dates (empty: they can). The server refuses on any. */
export function reviewerConflicts(candidate: Candidate, host: { organizationId: string }, window: { startsOn: string; endsOn: string }, ignoreReviewId?: string): ReviewerConflict[] {
  const conflicts: ReviewerConflict[] = [];
  if (!candidate.roles.includes("PEER_REVIEWER")) conflicts.push({ code: "not_a_reviewer" });
  if (candidate.organizationId === host.organizationId) conflicts.push({ code: "same_city" });
  for (const b of candidate.bookings) {
    if (b.reviewId !== ignoreReviewId && overlaps(b, window)) conflicts.push({ code: "overlapping_review", reviewId: b.reviewId, startsOn: b.startsOn, endsOn: b.endsOn });
  }
  return conflicts;
}

export type Reason = { code: "community_member" | "review_count" | "shared_language"; value: string };

/**
 * Eligible reviewers ranked: members of the pilot's community first, then the fewest reviews so far,
 * then a working language shared with the host city; each with the reasons of its rank.
 */
export function rankReviewers(candidates: readonly Candidate[], host: { organizationId: string; languages: readonly string[] }, window: { startsOn: string; endsOn: string }) {
  return candidates
    .filter((c) => reviewerConflicts(c, host, window).length === 0)
    .map((c) => {
      const shared = c.workingLanguages.filter((l) => host.languages.includes(l));
      const reasons: Reason[] = [];
      if (c.isCommunityMember) reasons.push({ code: "community_member", value: "true" });
      reasons.push({ code: "review_count", value: String(c.reviewCount) });
      if (shared.length) reasons.push({ code: "shared_language", value: shared.join(",") });
      return { candidate: c, sharedLanguages: shared, reasons };
    })
    .sort(
      (a, b) =>
        Number(b.candidate.isCommunityMember) - Number(a.candidate.isCommunityMember) ||
        a.candidate.reviewCount - b.candidate.reviewCount ||
        Number(b.sharedLanguages.length > 0) - Number(a.sharedLanguages.length > 0) ||
        a.candidate.name.localeCompare(b.candidate.name) ||
        a.candidate.id.localeCompare(b.candidate.id),
    );
}

/** Mean and spread of the reviewers' scores on one criterion. */
export function criterionSummary(scores: readonly number[]): { n: number; mean: number | null; min: number | null; max: number | null; stdDev: number | null } {
  if (scores.length === 0) return { n: 0, mean: null, min: null, max: null, stdDev: null };
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const variance = scores.reduce((a, b) => a + (b - mean) ** 2, 0) / scores.length;
  const r = (x: number) => Math.round(x * 100) / 100;
  return { n: scores.length, mean: r(mean), min: Math.min(...scores), max: Math.max(...scores), stdDev: r(Math.sqrt(variance)) };
}

/**
 * Independent scoring: a reviewer sees the others' scores (or any aggregate) only after submitting their own;
 * the host city sees them once the review is closed; the project team always.
 */
export function canSeeAllScores(viewer: { isProjectTeam: boolean; isReviewerOf: boolean; hasSubmittedOwnScores: boolean; isHostCity: boolean }, reviewStatus: string): boolean {
  if (viewer.isProjectTeam) return true;
  if (viewer.isReviewerOf) return viewer.hasSubmittedOwnScores;
  return viewer.isHostCity && reviewStatus === "CLOSED";
}

export const reviewScoresSchema = z.object({
  reviewId: z.string().uuid(),
  scores: z.array(z.object({ criterionId: z.string().uuid(), score: z.number().int().min(1).max(5), comment: z.string().max(5000).default("") })).max(20),
  indicatorViews: z
    .array(z.object({ indicatorId: z.string().uuid(), level: z.number().int().min(0).max(4), comment: z.string().max(5000).default("") }))
    .max(60)
    .default([]),
  /** true: the scores are final and the others' become visible to this reviewer. */
  submit: z.boolean().default(false),
});

export const recommendationSchema = z.object({
  reviewId: z.string().uuid(),
  text: z.string().trim().min(1).max(5000),
  priority: z.enum(["HIGH", "MEDIUM", "LOW"]),
});

export const answerRecommendationSchema = z
  .object({
    recommendationId: z.string().uuid(),
    response: z.enum(["ACCEPTED", "IN_PROGRESS", "DONE", "DECLINED"]),
    reason: z.string().trim().max(5000).optional(),
  })
  .refine((a) => a.response !== "DECLINED" || (a.reason ?? "").length > 0, { path: ["reason"], message: "Say why the recommendation is declined" });
