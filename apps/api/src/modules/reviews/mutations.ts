import { answerRecommendationSchema, recommendationSchema, reviewScoresSchema, scheduleReviewSchema, MIN_REVIEWERS, MAX_REVIEWERS } from "@citypeer/domain/reviews";
import { z } from "zod";
import { builder } from "../../builder.ts";
import { ConflictError, InputError, NotFoundError, parseInput } from "../../errors.ts";
import { inTransaction } from "../../transaction.ts";
import { UserRef } from "../identity/types.ts";
import { PilotRef } from "../pilots/types.ts";
import { recommendationHostOrganizationId } from "./access.ts";
import { revokeCalendarFeed, rotateCalendarFeed } from "./calendar.ts";
import { addRecommendation, answerRecommendation, closeReview, saveReviewScores, updateRubric } from "./scoring.ts";
import { cancelReview, rescheduleReview, scheduleReview, setReviewers } from "./service.ts";
import { PriorityEnum, ResponseEnum, ReviewModeEnum, ReviewRef, ReviewStepKindEnum } from "./types.ts";

const StepInput = builder.inputType("ReviewStepInput", {
  fields: (t) => ({ kind: t.field({ type: ReviewStepKindEnum, required: true }), dueDate: t.string({ required: true }) }),
});
const ScheduleReviewInput = builder.inputType("ScheduleReviewInput", {
  fields: (t) => ({
    pilotId: t.globalID({ required: true, for: PilotRef }),
    mode: t.field({ type: ReviewModeEnum, required: true }),
    startsOn: t.string({ required: true }),
    endsOn: t.string({ required: true }),
    agenda: t.string({ required: false }),
    reviewerIds: t.globalIDList({ required: true, for: UserRef }),
    /** Due dates of the method's steps; defaults count back from the visit. */
    steps: t.field({ type: [StepInput], required: false }),
  }),
});
const RescheduleReviewInput = builder.inputType("RescheduleReviewInput", {
  fields: (t) => ({
    reviewId: t.globalID({ required: true, for: ReviewRef }),
    startsOn: t.string({ required: true }),
    endsOn: t.string({ required: true }),
    mode: t.field({ type: ReviewModeEnum, required: false }),
    agenda: t.string({ required: false }),
  }),
});
const SetReviewersInput = builder.inputType("SetReviewersInput", {
  fields: (t) => ({ reviewId: t.globalID({ required: true, for: ReviewRef }), reviewerIds: t.globalIDList({ required: true, for: UserRef }) }),
});
const ReviewIdInput = builder.inputType("ReviewIdInput", { fields: (t) => ({ reviewId: t.globalID({ required: true, for: ReviewRef }) }) });
const CriterionInput = builder.inputType("ReviewCriterionInput", {
  fields: (t) => ({ code: t.string({ required: true }), title: t.string({ required: true }), descriptors: t.stringList({ required: true }) }),
});
const UpdateRubricInput = builder.inputType("UpdateReviewRubricInput", {
  fields: (t) => ({ reviewId: t.globalID({ required: true, for: ReviewRef }), criteria: t.field({ type: [CriterionInput], required: true }) }),
});
const ScoreInput = builder.inputType("ReviewScoreInput", {
  fields: (t) => ({ criterionId: t.id({ required: true }), score: t.int({ required: true }), comment: t.string({ required: false }) }),
});
const IndicatorViewInput = builder.inputType("ReviewIndicatorViewInput", {
  fields: (t) => ({ indicatorId: t.id({ required: true }), level: t.int({ required: true }), comment: t.string({ required: false }) }),
});
const SaveReviewScoresInput = builder.inputType("SaveReviewScoresInput", {
  fields: (t) => ({
    reviewId: t.globalID({ required: true, for: ReviewRef }),
    scores: t.field({ type: [ScoreInput], required: true }),
    indicatorViews: t.field({ type: [IndicatorViewInput], required: false }),
    submit: t.boolean({ required: false }),
  }),
});
const AddRecommendationInput = builder.inputType("AddRecommendationInput", {
  fields: (t) => ({ reviewId: t.globalID({ required: true, for: ReviewRef }), text: t.string({ required: true }), priority: t.field({ type: PriorityEnum, required: true }) }),
});
const AnswerRecommendationInput = builder.inputType("AnswerRecommendationInput", {
  fields: (t) => ({ recommendationId: t.id({ required: true }), response: t.field({ type: ResponseEnum, required: true }), reason: t.string({ required: false }) }),
});
const CloseReviewInput = builder.inputType("CloseReviewInput", {
  fields: (t) => ({ reviewId: t.globalID({ required: true, for: ReviewRef }), reportSummary: t.string({ required: true }) }),
});

const rubricSchema = z.array(z.object({ code: z.string().trim().min(1).max(40), title: z.string().trim().min(1).max(200), descriptors: z.array(z.string().trim().min(1).max(2000)).length(5) })).min(1).max(20);
const datesSchema = z.object({ startsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), endsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
const reviewersSchema = z.array(z.string().uuid()).min(MIN_REVIEWERS).max(MAX_REVIEWERS);

builder.mutationFields((t) => ({
  scheduleReview: t.prismaField({
    type: ReviewRef,
    args: { input: t.arg({ type: ScheduleReviewInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(scheduleReviewSchema, { ...input, pilotId: input.pilotId.id, reviewerIds: input.reviewerIds.map((r) => r.id), agenda: input.agenda ?? "", steps: input.steps ?? [] });
      return inTransaction(ctx, (tx) => scheduleReview(tx, ctx.viewer!, data, query));
    },
  }),

  rescheduleReview: t.prismaField({
    type: ReviewRef,
    args: { input: t.arg({ type: RescheduleReviewInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const dates = parseInput(datesSchema, input);
      return inTransaction(ctx, (tx) =>
        rescheduleReview(tx, ctx.viewer!, { reviewId: input.reviewId.id, ...dates, mode: input.mode ?? undefined, agenda: input.agenda ?? undefined }, query),
      );
    },
  }),

  setReviewReviewers: t.prismaField({
    type: ReviewRef,
    args: { input: t.arg({ type: SetReviewersInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const ids = parseInput(z.object({ reviewerIds: reviewersSchema }), { reviewerIds: input.reviewerIds.map((r) => r.id) }).reviewerIds;
      return inTransaction(ctx, (tx) => setReviewers(tx, ctx.viewer!, input.reviewId.id, ids, query));
    },
  }),

  cancelReview: t.prismaField({
    type: ReviewRef,
    args: { input: t.arg({ type: ReviewIdInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => inTransaction(ctx, (tx) => cancelReview(tx, ctx.viewer!, input.reviewId.id, query)),
  }),

  updateReviewRubric: t.prismaField({
    type: ReviewRef,
    args: { input: t.arg({ type: UpdateRubricInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const criteria = parseInput(z.object({ criteria: rubricSchema }), input).criteria;
      return inTransaction(ctx, (tx) => updateRubric(tx, ctx.viewer!, input.reviewId.id, criteria, query));
    },
  }),

  /** A reviewer's own scores; `submit: true` makes them final and shows them the others'. */
  saveReviewScores: t.prismaField({
    type: ReviewRef,
    args: { input: t.arg({ type: SaveReviewScoresInput, required: true }) },
    authScopes: { peerReviewer: true },
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(reviewScoresSchema, {
        reviewId: input.reviewId.id,
        scores: input.scores.map((s) => ({ criterionId: String(s.criterionId), score: s.score, comment: s.comment ?? "" })),
        indicatorViews: (input.indicatorViews ?? []).map((v) => ({ indicatorId: String(v.indicatorId), level: v.level, comment: v.comment ?? "" })),
        submit: input.submit ?? false,
      });
      return inTransaction(ctx, (tx) => saveReviewScores(tx, ctx.viewer!, data, query));
    },
  }),

  addRecommendation: t.prismaField({
    type: "ReviewRecommendation",
    args: { input: t.arg({ type: AddRecommendationInput, required: true }) },
    authScopes: { projectManager: true, peerReviewer: true },
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (_query, _root, { input }, ctx) => {
      const data = parseInput(recommendationSchema, { ...input, reviewId: input.reviewId.id });
      return inTransaction(ctx, (tx) => addRecommendation(tx, ctx.viewer!, data));
    },
  }),

  /** The host city's officers answer each recommendation (accepted, in progress, done, declined with a reason). */
  answerRecommendation: t.prismaField({
    type: "ReviewRecommendation",
    args: { input: t.arg({ type: AnswerRecommendationInput, required: true }) },
    authScopes: async (_root, { input }, ctx) => ({ officerOf: await recommendationHostOrganizationId(ctx.db, String(input.recommendationId)) }),
    errors: { types: [InputError] },
    resolve: (_query, _root, { input }, ctx) => {
      const data = parseInput(answerRecommendationSchema, { ...input, recommendationId: String(input.recommendationId), reason: input.reason ?? undefined });
      return inTransaction(ctx, (tx) => answerRecommendation(tx, ctx.viewer!, data));
    },
  }),

  closeReview: t.prismaField({
    type: ReviewRef,
    args: { input: t.arg({ type: CloseReviewInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => inTransaction(ctx, (tx) => closeReview(tx, ctx.viewer!, input.reviewId.id, input.reportSummary.slice(0, 50_000), query)),
  }),

  /** A new private iCalendar URL of the viewer's reviews (the previous one stops working). */
  rotateCalendarFeed: t.string({
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) => ctx.db.$transaction((tx) => rotateCalendarFeed(tx, ctx.viewer!.id)),
  }),

  revokeCalendarFeed: t.boolean({
    authScopes: { signedIn: true },
    resolve: async (_root, _args, ctx) => {
      await ctx.db.$transaction((tx) => revokeCalendarFeed(tx, ctx.viewer!.id));
      return true;
    },
  }),
}));
