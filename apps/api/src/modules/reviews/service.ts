import type { Client, Tx } from "@citypeer/db";
import {
  DEFAULT_RUBRIC,
  defaultStepDates,
  reviewerConflicts,
  type Candidate,
  type ReviewerConflict,
  type ScheduleReview,
} from "@citypeer/domain/reviews";
import type { FieldIssue } from "@citypeer/domain/errors";
import type { Viewer } from "../../context.ts";
import { ConflictError, InputError, NotFoundError } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";
import { notify } from "../notifications/service.ts";

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const REVIEW = (id: string) => ({ type: "PeerReview", id });
const ACTIVE = ["SCHEDULED", "IN_PROGRESS"] as const;

export async function loadPilot(db: Client | Tx, pilotId: string) {
  const pilot = await db.pilot.findUnique({ where: { id: pilotId }, include: { organization: true } });
  if (!pilot) throw new NotFoundError("Pilot");
  return pilot;
}

/** People who could review, with what the rules and the ranking need: bookings, load, community membership. */
export async function loadCandidates(db: Client | Tx, communityId: string, where: { ids?: string[] } = {}): Promise<(Candidate & { email: string })[]> {
  const users = await db.user.findMany({
    where: { ...(where.ids ? { id: { in: where.ids } } : { roles: { has: "PEER_REVIEWER" } }), deactivatedAt: null },
    orderBy: { name: "asc" },
    include: {
      organization: { include: { communityMemberships: { where: { communityId, status: "ACTIVE" }, select: { communityId: true } } } },
      reviewAssignments: { where: { review: { status: { not: "CANCELLED" } } }, include: { review: { select: { id: true, status: true, startsOn: true, endsOn: true } } } },
    },
  });
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    organizationId: u.organizationId,
    roles: u.roles,
    workingLanguages: u.workingLanguages,
    isCommunityMember: (u.organization?.communityMemberships.length ?? 0) > 0,
    reviewCount: u.reviewAssignments.length,
    bookings: u.reviewAssignments
      .filter((a) => (ACTIVE as readonly string[]).includes(a.review.status))
      .map((a) => ({ reviewId: a.review.id, startsOn: isoDay(a.review.startsOn), endsOn: isoDay(a.review.endsOn) })),
  }));
}

function conflictMessage(name: string, c: ReviewerConflict): string {
  switch (c.code) {
    case "not_a_reviewer":
      return `${name} does not hold the peer-reviewer role`;
    case "same_city":
      return `${name} is from the host city`;
    case "overlapping_review":
      return `${name} is already booked on another review from ${c.startsOn} to ${c.endsOn}`;
  }
}

/**
 * Refuses any reviewer who breaks a rule, naming the person and the conflict. Reviewer rows are locked
 * first, so two managers booking the same person at once cannot both pass the overlap check.
 */
async function assertReviewersAllowed(tx: Tx, reviewerIds: string[], pilot: { organizationId: string; communityId: string }, window: { startsOn: string; endsOn: string }, ignoreReviewId?: string) {
  if (reviewerIds.length) await tx.$executeRaw`SELECT 1 FROM "User" WHERE "id" = ANY(${reviewerIds}::uuid[]) ORDER BY "id" FOR UPDATE`;
  const candidates = await loadCandidates(tx, pilot.communityId, { ids: reviewerIds });
  const issues: FieldIssue[] = [];
  reviewerIds.forEach((id, i) => {
    const c = candidates.find((x) => x.id === id);
    if (!c) {
      issues.push({ path: ["reviewerIds", String(i)], code: "not_found", message: "Unknown person" });
      return;
    }
    for (const conflict of reviewerConflicts(c, pilot, window, ignoreReviewId)) {
      issues.push({ path: ["reviewerIds", String(i)], code: conflict.code, message: conflictMessage(c.name, conflict) });
    }
  });
  if (issues.length) throw new InputError(issues);
}

async function hostOfficerIds(tx: Tx, organizationId: string) {
  const users = await tx.user.findMany({ where: { organizationId, roles: { has: "CITY_OFFICER" }, deactivatedAt: null }, select: { id: true } });
  return users.map((u) => u.id);
}

const notice = (cityName: string, startsOn: string, endsOn: string) => ({ city: cityName, start: startsOn, end: endsOn });

export async function scheduleReview(tx: Tx, actor: Viewer, input: ScheduleReview, query: object = {}) {
  const pilot = await loadPilot(tx, input.pilotId);
  await assertReviewersAllowed(tx, input.reviewerIds, pilot, input);
  const steps = input.steps.length ? input.steps : defaultStepDates(input.startsOn, input.endsOn);
  const review = await tx.peerReview.create({
    data: {
      pilotId: pilot.id,
      mode: input.mode,
      startsOn: day(input.startsOn),
      endsOn: day(input.endsOn),
      agenda: input.agenda,
      assignments: { create: input.reviewerIds.map((reviewerId) => ({ reviewerId })) },
      steps: { create: steps.map((s) => ({ kind: s.kind, dueDate: day(s.dueDate) })) },
      criteria: { create: DEFAULT_RUBRIC.map((c, position) => ({ ...c, position })) },
    },
  });
  await recordAudit(tx, actor, "review.scheduled", REVIEW(review.id), null, input);
  const city = pilot.organization.cityName ?? pilot.organization.name;
  await notify(tx, input.reviewerIds, "review.assigned", notice(city, input.startsOn, input.endsOn), `/reviews/${review.id}`);
  return tx.peerReview.findUniqueOrThrow({ ...query, where: { id: review.id } });
}

async function loadActiveReview(tx: Tx, reviewId: string) {
  await tx.$executeRaw`SELECT 1 FROM "PeerReview" WHERE "id" = ${reviewId}::uuid FOR UPDATE`;
  const review = await tx.peerReview.findUnique({ where: { id: reviewId }, include: { assignments: true, pilot: { include: { organization: true } } } });
  if (!review) throw new NotFoundError("PeerReview");
  if (review.status === "CANCELLED" || review.status === "CLOSED") throw new ConflictError("review_not_active", "This review is closed or cancelled");
  return review;
}

/** Moves a review (the rules still hold for every reviewer) and tells everyone involved. */
export async function rescheduleReview(tx: Tx, actor: Viewer, input: { reviewId: string; startsOn: string; endsOn: string; mode?: "ON_SITE" | "ONLINE"; agenda?: string }, query: object = {}) {
  const review = await loadActiveReview(tx, input.reviewId);
  if (input.endsOn < input.startsOn) throw InputError.field(["endsOn"], "ends_before_start", "The review must end on or after its first day");
  await assertReviewersAllowed(tx, review.assignments.map((a) => a.reviewerId), review.pilot, input, review.id);
  const updated = await tx.peerReview.update({
    ...query,
    where: { id: review.id },
    data: { startsOn: day(input.startsOn), endsOn: day(input.endsOn), ...(input.mode ? { mode: input.mode } : {}), ...(input.agenda !== undefined ? { agenda: input.agenda } : {}) },
  });
  await recordAudit(tx, actor, "review.rescheduled", REVIEW(review.id), { startsOn: isoDay(review.startsOn), endsOn: isoDay(review.endsOn) }, { startsOn: input.startsOn, endsOn: input.endsOn });
  const city = review.pilot.organization.cityName ?? review.pilot.organization.name;
  const people = [...review.assignments.map((a) => a.reviewerId), ...(await hostOfficerIds(tx, review.pilot.organizationId))];
  await notify(tx, people, "review.rescheduled", notice(city, input.startsOn, input.endsOn), `/reviews/${review.id}`);
  return updated;
}

/** Replaces the review team (2 to 4 people); newcomers are told, and the rules hold for all. */
export async function setReviewers(tx: Tx, actor: Viewer, reviewId: string, reviewerIds: string[], query: object = {}) {
  const review = await loadActiveReview(tx, reviewId);
  const window = { startsOn: isoDay(review.startsOn), endsOn: isoDay(review.endsOn) };
  await assertReviewersAllowed(tx, reviewerIds, review.pilot, window, review.id);
  const before = review.assignments.map((a) => a.reviewerId);
  const removed = before.filter((id) => !reviewerIds.includes(id));
  const added = reviewerIds.filter((id) => !before.includes(id));
  if (removed.some((id) => review.assignments.find((a) => a.reviewerId === id)?.scoresSubmittedAt)) {
    throw InputError.field(["reviewerIds"], "reviewer_has_scored", "A reviewer who submitted scores stays on the review");
  }
  await tx.reviewScore.deleteMany({ where: { reviewId, reviewerId: { in: removed } } });
  await tx.reviewIndicatorView.deleteMany({ where: { reviewId, reviewerId: { in: removed } } });
  await tx.reviewAssignment.deleteMany({ where: { reviewId, reviewerId: { in: removed } } });
  if (added.length) await tx.reviewAssignment.createMany({ data: added.map((reviewerId) => ({ reviewId, reviewerId })) });
  await recordAudit(tx, actor, "review.reviewers_changed", REVIEW(reviewId), { reviewerIds: before }, { reviewerIds });
  const city = review.pilot.organization.cityName ?? review.pilot.organization.name;
  if (added.length) await notify(tx, added, "review.assigned", notice(city, window.startsOn, window.endsOn), `/reviews/${reviewId}`);
  if (removed.length) await notify(tx, removed, "review.cancelled", { city }, `/reviews`);
  return tx.peerReview.findUniqueOrThrow({ ...query, where: { id: reviewId } });
}

export async function cancelReview(tx: Tx, actor: Viewer, reviewId: string, query: object = {}) {
  const review = await loadActiveReview(tx, reviewId);
  const updated = await tx.peerReview.update({ ...query, where: { id: reviewId }, data: { status: "CANCELLED" } });
  await recordAudit(tx, actor, "review.cancelled", REVIEW(reviewId), { status: review.status }, { status: "CANCELLED" });
  const city = review.pilot.organization.cityName ?? review.pilot.organization.name;
  const people = [...review.assignments.map((a) => a.reviewerId), ...(await hostOfficerIds(tx, review.pilot.organizationId))];
  await notify(tx, people, "review.cancelled", { city }, `/reviews`);
  return updated;
}
