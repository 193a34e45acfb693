import type { Tx } from "@citypeer/db";
import type { FieldIssue } from "@citypeer/domain/errors";
import type { z } from "zod";
import type { answerRecommendationSchema, recommendationSchema, reviewScoresSchema } from "@citypeer/domain/reviews";
import type { Viewer } from "../../context.ts";
import { ConflictError, InputError, NotFoundError } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";
import { isProjectTeam } from "./access.ts";

const REVIEW = (id: string) => ({ type: "PeerReview", id });

/**
 * A reviewer saves their scores (a draft) or submits them (final). Submitted scores cannot change,
 * and submitting needs a score for every criterion: that is what unlocks the others' scores.
 */
export async function saveReviewScores(tx: Tx, actor: Viewer, input: z.output<typeof reviewScoresSchema>, query: object = {}) {
  await tx.$executeRaw`SELECT 1 FROM "ReviewAssignment" WHERE "reviewId" = ${input.reviewId}::uuid AND "reviewerId" = ${actor.id}::uuid FOR UPDATE`;
  const review = await tx.peerReview.findUnique({
    where: { id: input.reviewId },
    include: { criteria: true, assignments: { where: { reviewerId: actor.id } }, pilot: { select: { indicators: { select: { indicatorId: true } } } } },
  });
  if (!review) throw new NotFoundError("PeerReview");
  const mine = review.assignments[0];
  if (!mine) throw new ConflictError("not_a_reviewer", "You are not a reviewer of this review");
  if (mine.scoresSubmittedAt) throw new ConflictError("scores_submitted", "Your scores are submitted and final");
  if (review.status === "CANCELLED" || review.status === "CLOSED") throw new ConflictError("review_not_active", "This review is closed or cancelled");

  const criteria = new Set(review.criteria.map((c) => c.id));
  const indicators = new Set(review.pilot.indicators.map((i) => i.indicatorId));
  const issues: FieldIssue[] = [
    ...input.scores.flatMap((s, i) => (criteria.has(s.criterionId) ? [] : [{ path: ["scores", String(i), "criterionId"], code: "unknown_criterion", message: "Not a criterion of this review" }])),
    ...input.indicatorViews.flatMap((v, i) => (indicators.has(v.indicatorId) ? [] : [{ path: ["indicatorViews", String(i), "indicatorId"], code: "unknown_indicator", message: "The pilot does not address this indicator" }])),
  ];
  if (issues.length) throw new InputError(issues);

  for (const s of input.scores) {
    await tx.reviewScore.upsert({
      where: { criterionId_reviewerId: { criterionId: s.criterionId, reviewerId: actor.id } },
      create: { reviewId: review.id, criterionId: s.criterionId, reviewerId: actor.id, score: s.score, comment: s.comment },
      update: { score: s.score, comment: s.comment },
    });
  }
  for (const v of input.indicatorViews) {
    await tx.reviewIndicatorView.upsert({
      where: { reviewId_reviewerId_indicatorId: { reviewId: review.id, reviewerId: actor.id, indicatorId: v.indicatorId } },
      create: { reviewId: review.id, reviewerId: actor.id, indicatorId: v.indicatorId, level: v.level, comment: v.comment },
      update: { level: v.level, comment: v.comment },
    });
  }
  if (review.status === "SCHEDULED") await tx.peerReview.update({ where: { id: review.id }, data: { status: "IN_PROGRESS" } });
  if (input.submit) {
    const scored = await tx.reviewScore.findMany({ where: { reviewId: review.id, reviewerId: actor.id }, select: { criterionId: true } });
    const missing = review.criteria.filter((c) => !scored.some((s) => s.criterionId === c.id));
    if (missing.length) {
      throw new InputError(missing.map((c) => ({ path: ["scores", c.id, "score"], code: "score_required", message: `Score "${c.title}" before submitting` })));
    }
    await tx.reviewAssignment.update({ where: { reviewId_reviewerId: { reviewId: review.id, reviewerId: actor.id } }, data: { scoresSubmittedAt: new Date() } });
    await recordAudit(tx, actor, "review.scores_submitted", REVIEW(review.id), null, { reviewerId: actor.id, scores: input.scores });
  }
  return tx.peerReview.findUniqueOrThrow({ ...query, where: { id: review.id } });
}

/** The rubric can change until the review starts and nobody has scored. */
export async function updateRubric(tx: Tx, actor: Viewer, reviewId: string, criteria: { code: string; title: string; descriptors: string[] }[], query: object = {}) {
  const review = await tx.peerReview.findUnique({ where: { id: reviewId }, include: { criteria: true, _count: { select: { scores: true } } } });
  if (!review) throw new NotFoundError("PeerReview");
  const today = new Date().toISOString().slice(0, 10);
  if (review.status !== "SCHEDULED" || review._count.scores > 0 || review.startsOn.toISOString().slice(0, 10) <= today) {
    throw new ConflictError("review_started", "The rubric cannot change once the review has started");
  }
  await tx.reviewCriterion.deleteMany({ where: { reviewId } });
  await tx.reviewCriterion.createMany({ data: criteria.map((c, position) => ({ ...c, reviewId, position })) });
  await recordAudit(tx, actor, "review.rubric_changed", REVIEW(reviewId), review.criteria.map((c) => ({ code: c.code, title: c.title })), criteria);
  return tx.peerReview.findUniqueOrThrow({ ...query, where: { id: reviewId } });
}

/** Project managers and the review's reviewers write the report's recommendations. */
export async function addRecommendation(tx: Tx, actor: Viewer, input: z.output<typeof recommendationSchema>) {
  const review = await tx.peerReview.findUnique({ where: { id: input.reviewId }, include: { assignments: { select: { reviewerId: true } }, _count: { select: { recommendations: true } } } });
  if (!review) throw new NotFoundError("PeerReview");
  if (review.status === "CANCELLED" || review.status === "CLOSED") throw new ConflictError("review_not_active", "This review is closed or cancelled");
  if (!isProjectTeam(actor) && !review.assignments.some((a) => a.reviewerId === actor.id)) throw new ConflictError("not_a_reviewer", "Only the review team writes recommendations");
  const created = await tx.reviewRecommendation.create({ data: { reviewId: review.id, text: input.text, priority: input.priority, position: review._count.recommendations } });
  await recordAudit(tx, actor, "review.recommendation_added", REVIEW(review.id), null, { id: created.id, text: input.text, priority: input.priority });
  return created;
}

/** The host city answers each recommendation; the answer stays visible on the pilot. */
export async function answerRecommendation(tx: Tx, actor: Viewer, input: z.output<typeof answerRecommendationSchema>) {
  const before = await tx.recommendationAnswer.findUnique({ where: { recommendationId: input.recommendationId } });
  const data = { response: input.response, reason: input.reason || null, answeredById: actor.id, answeredAt: new Date() };
  await tx.recommendationAnswer.upsert({ where: { recommendationId: input.recommendationId }, create: { recommendationId: input.recommendationId, ...data }, update: data });
  await recordAudit(tx, actor, "review.recommendation_answered", { type: "ReviewRecommendation", id: input.recommendationId }, before, data);
  return tx.reviewRecommendation.findUniqueOrThrow({ where: { id: input.recommendationId } });
}

/** Closing publishes the report: the host city then sees every score. */
export async function closeReview(tx: Tx, actor: Viewer, reviewId: string, reportSummary: string, query: object = {}) {
  const review = await tx.peerReview.findUnique({ where: { id: reviewId } });
  if (!review) throw new NotFoundError("PeerReview");
  if (review.status === "CANCELLED" || review.status === "CLOSED") throw new ConflictError("review_not_active", "This review is closed or cancelled");
  if (!reportSummary.trim()) throw InputError.field(["reportSummary"], "too_small", "Write the report's summary");
  const updated = await tx.peerReview.update({ ...query, where: { id: reviewId }, data: { status: "CLOSED", closedAt: new Date(), reportSummary, reportPublishedAt: new Date() } });
  await recordAudit(tx, actor, "review.closed", REVIEW(reviewId), { status: review.status }, { status: "CLOSED", reportSummary });
  return updated;
}
