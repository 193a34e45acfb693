import type { Client, Tx } from "@citypeer/db";
import { canSeeAllScores } from "@citypeer/domain/reviews";
import type { Viewer } from "../../context.ts";
import { isUuid } from "../../global-ids.ts";

/** The host city of a review (its pilot's city), for the `officerOf` scope. */
export async function reviewHostOrganizationId(db: Client | Tx, reviewId: string): Promise<string> {
  if (!isUuid(reviewId)) return ""; // no such review: the scope refuses instead of PostgreSQL failing on the id
  const review = await db.peerReview.findUnique({ where: { id: reviewId }, select: { pilot: { select: { organizationId: true } } } });
  return review?.pilot.organizationId ?? "";
}

/** The host city of a recommendation's review; "" (no city, so `officerOf` refuses) for an id that cannot exist. */
export async function recommendationHostOrganizationId(db: Client, recommendationId: string): Promise<string> {
  if (!isUuid(recommendationId)) return "";
  const r = await db.reviewRecommendation.findUnique({ where: { id: recommendationId }, select: { review: { select: { pilot: { select: { organizationId: true } } } } } });
  return r?.review.pilot.organizationId ?? "";
}

export function isProjectTeam(viewer: Viewer | null): boolean {
  return !!viewer && (viewer.roles.includes("PROJECT_MANAGER") || viewer.roles.includes("ADMIN"));
}

/** Applies the independent-scoring rule to a loaded review. */
export function viewerSeesAllScores(
  viewer: Viewer | null,
  review: { status: string; assignments: { reviewerId: string; scoresSubmittedAt: Date | null }[]; pilot: { organizationId: string } },
): boolean {
  if (!viewer) return false;
  const own = review.assignments.find((a) => a.reviewerId === viewer.id);
  return canSeeAllScores(
    { isProjectTeam: isProjectTeam(viewer), isReviewerOf: !!own, hasSubmittedOwnScores: !!own?.scoresSubmittedAt, isHostCity: viewer.organizationId === review.pilot.organizationId },
    review.status,
  );
}
