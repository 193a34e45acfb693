import type { Client } from "@citypeer/db";
import type { Context, Viewer } from "../../context.ts";

export const isProjectManager = (viewer: Viewer | null | undefined) => !!viewer?.roles.includes("PROJECT_MANAGER");

/**
 * Who reads an application: the project team (they evaluate), and the people of the applicant city
 * (their own application). Mentors read what they need of it through the mentoring assignment.
 */
export function canReadApplication(viewer: Viewer | null, application: { organizationId: string }): boolean {
  return isProjectManager(viewer) || (!!viewer && viewer.organizationId === application.organizationId);
}

/** Who reads a mentoring assignment and its support plan: the project team, the mentor, the mentee city's people. */
export function canReadAssignment(viewer: Viewer | null, assignment: { mentorId: string; menteeOrganizationId: string }): boolean {
  if (!viewer) return false;
  return isProjectManager(viewer) || viewer.id === assignment.mentorId || viewer.organizationId === assignment.menteeOrganizationId;
}

/** Who works on a support plan: its mentor and the mentee city's officers (its contacts). */
export function canEditPlan(viewer: Viewer | null, assignment: { mentorId: string; menteeOrganizationId: string }): boolean {
  if (!viewer) return false;
  return viewer.id === assignment.mentorId || (viewer.roles.includes("CITY_OFFICER") && viewer.organizationId === assignment.menteeOrganizationId);
}

export async function assignmentParties(db: Client, assignmentId: string) {
  return db.mentoringAssignment.findUnique({ where: { id: assignmentId }, select: { mentorId: true, menteeOrganizationId: true } });
}

/**
 * Scope of the support-plan mutations: the assignment's mentor, or an officer of the mentee city (the `officerOf`
 * scope). An unknown assignment refuses.
 */
export async function planEditorScopes(ctx: Context, assignmentId: string) {
  const parties = await assignmentParties(ctx.db, assignmentId);
  if (!parties) return false;
  if (ctx.viewer?.id === parties.mentorId) return true;
  return { officerOf: parties.menteeOrganizationId };
}

/** Scope of the outcome survey: the mentee city answers it ("" refuses an unknown assignment). */
export async function menteeOrganizationOf(db: Client, assignmentId: string): Promise<string> {
  return (await assignmentParties(db, assignmentId))?.menteeOrganizationId ?? "";
}
