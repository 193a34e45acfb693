import { RecommendationPriority, RecommendationResponse, ReviewMode, ReviewStatus, ReviewStepKind } from "@citypeer/db/client";
import { criterionSummary } from "@citypeer/domain/reviews";
import { builder } from "../../builder.ts";
import { viewerSeesAllScores } from "./access.ts";

export const ReviewModeEnum = builder.enumType(ReviewMode, { name: "ReviewMode" });
export const ReviewStatusEnum = builder.enumType(ReviewStatus, { name: "ReviewStatus" });
export const ReviewStepKindEnum = builder.enumType(ReviewStepKind, { name: "ReviewStepKind" });
export const PriorityEnum = builder.enumType(RecommendationPriority, { name: "RecommendationPriority" });
export const ResponseEnum = builder.enumType(RecommendationResponse, { name: "RecommendationResponse" });

const scoreVisibility = { status: true, pilot: { select: { organizationId: true } }, assignments: { select: { reviewerId: true, scoresSubmittedAt: true } } } as const;

const CriterionSummaryRef = builder
  .objectRef<{ criterionId: string; code: string; title: string; n: number; mean: number | null; min: number | null; max: number | null; stdDev: number | null }>("CriterionSummary")
  .implement({
    fields: (t) => ({
      criterionId: t.exposeID("criterionId"),
      code: t.exposeString("code"),
      title: t.exposeString("title"),
      n: t.exposeInt("n"),
      mean: t.exposeFloat("mean", { nullable: true }),
      min: t.exposeInt("min", { nullable: true }),
      max: t.exposeInt("max", { nullable: true }),
      stdDev: t.exposeFloat("stdDev", { nullable: true }),
    }),
  });

const ReviewScoreRef = builder.prismaObject("ReviewScore", {
  fields: (t) => ({
    id: t.exposeID("id"),
    criterionId: t.exposeID("criterionId"),
    reviewer: t.relation("reviewer"),
    score: t.exposeInt("score"),
    comment: t.exposeString("comment"),
  }),
});

const IndicatorViewRef = builder.prismaObject("ReviewIndicatorView", {
  fields: (t) => ({
    indicatorId: t.exposeID("indicatorId"),
    level: t.exposeInt("level"),
    comment: t.exposeString("comment"),
  }),
});

/** Reviews are visible to everyone signed in (the schedule is the project's); scores follow the independence rule. */
export const ReviewRef = builder.prismaNode("PeerReview", {
  id: { field: "id" },
  authScopes: { signedIn: true },
  fields: (t) => ({
    pilot: t.relation("pilot"),
    mode: t.expose("mode", { type: ReviewModeEnum }),
    startsOn: t.expose("startsOn", { type: "Date" }),
    endsOn: t.expose("endsOn", { type: "Date" }),
    agenda: t.exposeString("agenda"),
    status: t.expose("status", { type: ReviewStatusEnum }),
    reportSummary: t.exposeString("reportSummary"),
    reportPublishedAt: t.expose("reportPublishedAt", { type: "DateTime", nullable: true }),
    assignments: t.relation("assignments", { query: { orderBy: { assignedAt: "asc" } } }),
    steps: t.relation("steps", { query: { orderBy: { dueDate: "asc" } } }),
    criteria: t.relation("criteria", { query: { orderBy: { position: "asc" } } }),
    recommendations: t.relation("recommendations", { query: { orderBy: { position: "asc" } } }),
    viewerIsReviewer: t.boolean({
      select: { assignments: { select: { reviewerId: true } } },
      resolve: (r, _a, ctx) => r.assignments.some((a) => a.reviewerId === ctx.viewer?.id),
    }),
    viewerHasSubmittedScores: t.boolean({
      select: { assignments: { select: { reviewerId: true, scoresSubmittedAt: true } } },
      resolve: (r, _a, ctx) => !!r.assignments.find((a) => a.reviewerId === ctx.viewer?.id)?.scoresSubmittedAt,
    }),
    viewerCanSeeAllScores: t.boolean({ select: scoreVisibility, resolve: (r, _a, ctx) => viewerSeesAllScores(ctx.viewer, r) }),
    /** The viewer's own scores (a reviewer's draft or final). */
    myScores: t.field({
      type: [ReviewScoreRef],
      select: (_args, ctx, nestedSelection) => ({ scores: nestedSelection({ where: { reviewerId: ctx.viewer?.id ?? "00000000-0000-0000-0000-000000000000" } }) }),
      resolve: (r) => r.scores,
    }),
    myIndicatorViews: t.field({
      type: [IndicatorViewRef],
      select: (_args, ctx, nestedSelection) => ({ indicatorViews: nestedSelection({ where: { reviewerId: ctx.viewer?.id ?? "00000000-0000-0000-0000-000000000000" } }) }),
      resolve: (r) => r.indicatorViews,
    }),
    /** Everyone's scores: null until the viewer may see them (no aggregate leaks either). */
    scores: t.field({
      type: [ReviewScoreRef],
      nullable: true,
      select: (_args, _ctx, nestedSelection) => ({ ...scoreVisibility, scores: nestedSelection({ orderBy: { updatedAt: "asc" } }) }),
      // submitted scores only: a reviewer's draft stays theirs until they submit it
      resolve: (r, _a, ctx) => {
        if (!viewerSeesAllScores(ctx.viewer, r)) return null;
        const submitted = new Set(r.assignments.filter((a) => a.scoresSubmittedAt).map((a) => a.reviewerId));
        return r.scores.filter((s) => submitted.has(s.reviewerId));
      },
    }),
    /** Mean and spread per criterion over submitted scores, under the same rule. */
    summary: t.field({
      type: [CriterionSummaryRef],
      nullable: true,
      select: {
        ...scoreVisibility,
        criteria: { orderBy: { position: "asc" }, select: { id: true, code: true, title: true } },
        scores: { select: { criterionId: true, reviewerId: true, score: true } },
      },
      resolve: (r, _a, ctx) => {
        if (!viewerSeesAllScores(ctx.viewer, r)) return null;
        const submitted = new Set(r.assignments.filter((a) => a.scoresSubmittedAt).map((a) => a.reviewerId));
        return r.criteria.map((c) => ({
          criterionId: c.id,
          code: c.code,
          title: c.title,
          ...criterionSummary(r.scores.filter((s) => s.criterionId === c.id && submitted.has(s.reviewerId)).map((s) => s.score)),
        }));
      },
    }),
  }),
});

builder.prismaObject("ReviewAssignment", {
  fields: (t) => ({
    reviewer: t.relation("reviewer"),
    hasSubmittedScores: t.boolean({ resolve: (a) => a.scoresSubmittedAt !== null }),
    scoresSubmittedAt: t.expose("scoresSubmittedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.prismaObject("ReviewStep", {
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.expose("kind", { type: ReviewStepKindEnum }),
    dueDate: t.expose("dueDate", { type: "Date" }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.prismaObject("ReviewCriterion", {
  fields: (t) => ({
    id: t.exposeID("id"),
    code: t.exposeString("code"),
    title: t.exposeString("title"),
    /** Descriptors for scores 1 to 5. */
    descriptors: t.exposeStringList("descriptors"),
  }),
});

builder.prismaObject("ReviewRecommendation", {
  fields: (t) => ({
    id: t.exposeID("id"),
    text: t.exposeString("text"),
    priority: t.expose("priority", { type: PriorityEnum }),
    review: t.relation("review"),
    answer: t.relation("answer", { nullable: true }),
    /** Pilot objectives that cite this recommendation. */
    objectives: t.relation("objectives"),
  }),
});

builder.prismaObject("RecommendationAnswer", {
  fields: (t) => ({
    response: t.expose("response", { type: ResponseEnum }),
    reason: t.exposeString("reason", { nullable: true }),
    answeredBy: t.relation("answeredBy"),
    answeredAt: t.expose("answeredAt", { type: "DateTime" }),
  }),
});
