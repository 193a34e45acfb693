import type { Prisma } from "@citypeer/db";
import type { Viewer } from "../../context.ts";

// Every dashboard read is scoped to the viewer in its `where`: a section never lists what its role may not see.

const NOBODY = "00000000-0000-0000-0000-000000000000";

/** The reviews a peer reviewer is assigned to and still working on. */
export function assignedActiveReviews(viewer: Viewer): Prisma.PeerReviewWhereInput {
  return { assignments: { some: { reviewerId: viewer.id } }, status: { in: ["SCHEDULED", "IN_PROGRESS"] } };
}

/** The project's running reviews (the project team's schedule). */
export const activeReviews: Prisma.PeerReviewWhereInput = { status: { in: ["SCHEDULED", "IN_PROGRESS"] } };

/** The mentor's own running mentoring (never another mentor's). */
export function mentorActiveAssignments(viewer: Viewer): Prisma.MentoringAssignmentWhereInput {
  return { mentorId: viewer.id, status: "ACTIVE" };
}

/** A city's rows: its officer's section reads only these. An officer without a city reads nothing. */
export function cityId(viewer: Viewer): string {
  return viewer.organizationId ?? NOBODY;
}

/** Calls the project team is still working on: drafts, open and closed calls until the results are out. */
export const runningCalls: Prisma.OpenCallWhereInput = { status: { not: "RESULTS_PUBLISHED" } };
