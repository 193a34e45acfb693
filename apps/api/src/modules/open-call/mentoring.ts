import type { Client, Tx } from "@citypeer/db";
import {
  OUTCOME_SURVEY_VERSION,
  rankMentors,
  type MentoringSessionInput,
  type MentorSuggestion,
  type OutcomeSurvey,
  type SupportActionInput,
} from "@citypeer/domain/open-call";
import type { Viewer } from "../../context.ts";
import { ConflictError, InputError, NotFoundError } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";
import { notify } from "../notifications/service.ts";
import { applicantRecipients } from "./evaluation.ts";

const ASSIGNMENT = (id: string) => ({ type: "MentoringAssignment", id });

/** Active assignments per mentor, in one statement. */
async function activeLoads(db: Client | Tx, mentorIds?: string[]): Promise<Map<string, number>> {
  const rows = await db.mentoringAssignment.groupBy({
    by: ["mentorId"],
    where: { status: "ACTIVE", ...(mentorIds ? { mentorId: { in: mentorIds } } : {}) },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.mentorId, r._count._all]));
}

/**
 * Mentors for an application, best first: trained for its theme, sharing a working language with the city,
 * least busy (rules: `rankMentors`). Three statements whatever the number of mentors.
 */
export async function suggestMentors(db: Client, applicationId: string): Promise<MentorSuggestion[]> {
  const application = await db.callApplication.findUnique({
    where: { id: applicationId },
    select: { communityId: true, workingLanguages: true, community: { select: { name: true } } },
  });
  if (!application) throw new NotFoundError("CallApplication");
  const mentors = await db.user.findMany({
    where: { roles: { has: "MENTOR" }, deactivatedAt: null },
    select: { id: true, name: true, workingLanguages: true, mentorThemes: { select: { communityId: true } } },
  });
  const loads = await activeLoads(db);
  return rankMentors(
    mentors.map((m) => ({ id: m.id, name: m.name, workingLanguages: m.workingLanguages, themeIds: m.mentorThemes.map((t) => t.communityId), activeAssignments: loads.get(m.id) ?? 0 })),
    { communityId: application.communityId, communityName: application.community.name, workingLanguages: application.workingLanguages },
  );
}

export type MentorLoad = { mentorId: string; activeAssignments: number; completedAssignments: number };

/** Every active mentor with their active and completed assignments, busiest first. Two statements. */
export async function mentorLoads(db: Client): Promise<MentorLoad[]> {
  const mentors = await db.user.findMany({ where: { roles: { has: "MENTOR" }, deactivatedAt: null }, select: { id: true, name: true } });
  const rows = await db.mentoringAssignment.groupBy({ by: ["mentorId", "status"], _count: { _all: true } });
  const count = (mentorId: string, status: string) => rows.find((r) => r.mentorId === mentorId && r.status === status)?._count._all ?? 0;
  return mentors
    .map((m) => ({ mentorId: m.id, name: m.name, activeAssignments: count(m.id, "ACTIVE"), completedAssignments: count(m.id, "COMPLETED") }))
    .sort((a, b) => b.activeAssignments - a.activeAssignments || a.name.localeCompare(b.name))
    .map(({ name: _name, ...load }) => load);
}

/**
 * A project manager pairs a selected city with a mentor once the results are out: the assignment, an empty
 * support plan, and a notification to the mentor and the city's contacts.
 */
export async function assignMentor(tx: Tx, actor: Viewer, input: { applicationId: string; mentorId: string }, query: object = {}) {
  const application = await tx.callApplication.findUnique({
    where: { id: input.applicationId },
    include: { call: { select: { resultsPublishedAt: true } }, organization: { select: { name: true, cityName: true } }, assignment: { select: { id: true } } },
  });
  if (!application) throw new NotFoundError("CallApplication");
  if (application.status !== "SELECTED") throw new ConflictError("not_selected", "Only a selected city gets a mentor");
  // before publication a notification would tell the city its result
  if (!application.call.resultsPublishedAt) throw new ConflictError("results_not_published", "Publish the results of the call first");
  if (application.assignment) throw new ConflictError("already_assigned", "This city already has a mentor");
  const mentor = await tx.user.findUnique({ where: { id: input.mentorId }, select: { id: true, name: true, roles: true, deactivatedAt: true } });
  if (!mentor || mentor.deactivatedAt || !mentor.roles.includes("MENTOR")) throw InputError.field(["mentorId"], "not_a_mentor", "Choose an active mentor");

  const assignment = await tx.mentoringAssignment.create({
    data: { applicationId: application.id, menteeOrganizationId: application.organizationId, mentorId: mentor.id, plan: { create: {} } },
  });
  const city = application.organization.cityName ?? application.organization.name;
  const mentees = (await applicantRecipients(tx, [application])).get(application.organizationId) ?? [];
  await notify(tx, [mentor.id, ...mentees], "mentoring.assigned", { mentor: mentor.name, city }, `/mentoring/${assignment.id}`);
  await recordAudit(tx, actor, "mentoring.assigned", ASSIGNMENT(assignment.id), null, {
    applicationId: application.id,
    menteeOrganizationId: application.organizationId,
    mentorId: mentor.id,
  });
  return tx.mentoringAssignment.findUniqueOrThrow({ ...query, where: { id: assignment.id } });
}

/** The plan of an active assignment, locked for the change (two editors saving at once both land, in turn). */
async function activePlan(tx: Tx, assignmentId: string) {
  await tx.$executeRaw`SELECT 1 FROM "MentoringAssignment" WHERE "id" = ${assignmentId}::uuid FOR UPDATE`;
  const assignment = await tx.mentoringAssignment.findUnique({ where: { id: assignmentId }, include: { plan: true } });
  if (!assignment) throw new NotFoundError("MentoringAssignment");
  if (assignment.status !== "ACTIVE") throw new ConflictError("mentoring_ended", "This mentoring has ended; its plan no longer changes");
  const plan = assignment.plan ?? (await tx.supportPlan.create({ data: { assignmentId } }));
  return { assignment, plan };
}

const planResult = (tx: Tx, planId: string, query: object) => tx.supportPlan.findUniqueOrThrow({ ...query, where: { id: planId } });

export async function updatePlanGoals(tx: Tx, actor: Viewer, input: { assignmentId: string; goals: string }, query: object = {}) {
  const { plan } = await activePlan(tx, input.assignmentId);
  await tx.supportPlan.update({ where: { id: plan.id }, data: { goals: input.goals } });
  await recordAudit(tx, actor, "support_plan.goals_changed", ASSIGNMENT(input.assignmentId), { goals: plan.goals }, { goals: input.goals });
  return planResult(tx, plan.id, query);
}

const dayOf = (iso: string | null | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** Adds an action to the plan, or changes one (`actionId`). */
export async function saveSupportAction(tx: Tx, actor: Viewer, input: SupportActionInput, query: object = {}) {
  const { plan } = await activePlan(tx, input.assignmentId);
  const data = { title: input.title, owner: input.owner, dueDate: dayOf(input.dueDate), status: input.status };
  if (input.actionId) {
    const before = await tx.supportAction.findFirst({ where: { id: input.actionId, planId: plan.id } });
    if (!before) throw new NotFoundError("SupportAction");
    await tx.supportAction.update({ where: { id: before.id }, data });
    await recordAudit(tx, actor, "support_plan.action_changed", ASSIGNMENT(input.assignmentId), { actionId: before.id, ...pick(before) }, { actionId: before.id, ...data });
  } else {
    const created = await tx.supportAction.create({ data: { ...data, planId: plan.id } });
    await recordAudit(tx, actor, "support_plan.action_added", ASSIGNMENT(input.assignmentId), null, { actionId: created.id, ...data });
  }
  return planResult(tx, plan.id, query);
}

const pick = (a: { title: string; owner: string; dueDate: Date | null; status: string }) => ({ title: a.title, owner: a.owner, dueDate: a.dueDate, status: a.status });

export async function deleteSupportAction(tx: Tx, actor: Viewer, input: { assignmentId: string; actionId: string }, query: object = {}) {
  const { plan } = await activePlan(tx, input.assignmentId);
  const before = await tx.supportAction.findFirst({ where: { id: input.actionId, planId: plan.id } });
  if (!before) throw new NotFoundError("SupportAction");
  await tx.supportAction.delete({ where: { id: before.id } });
  await recordAudit(tx, actor, "support_plan.action_removed", ASSIGNMENT(input.assignmentId), { actionId: before.id, ...pick(before) }, null);
  return planResult(tx, plan.id, query);
}

/** Records a mentoring session (date, format, notes, follow-ups), or changes one (`sessionId`). */
export async function saveMentoringSession(tx: Tx, actor: Viewer, input: MentoringSessionInput, query: object = {}) {
  const { plan } = await activePlan(tx, input.assignmentId);
  const data = { date: input.date, format: input.format, notes: input.notes, followUps: input.followUps };
  if (input.sessionId) {
    const before = await tx.mentoringSession.findFirst({ where: { id: input.sessionId, planId: plan.id } });
    if (!before) throw new NotFoundError("MentoringSession");
    await tx.mentoringSession.update({ where: { id: before.id }, data });
    await recordAudit(tx, actor, "support_plan.session_changed", ASSIGNMENT(input.assignmentId), { sessionId: before.id, date: before.date, format: before.format, notes: before.notes, followUps: before.followUps }, { sessionId: before.id, ...data });
  } else {
    const created = await tx.mentoringSession.create({ data: { ...data, planId: plan.id } });
    await recordAudit(tx, actor, "support_plan.session_added", ASSIGNMENT(input.assignmentId), null, { sessionId: created.id, ...data });
  }
  return planResult(tx, plan.id, query);
}

export async function deleteMentoringSession(tx: Tx, actor: Viewer, input: { assignmentId: string; sessionId: string }, query: object = {}) {
  const { plan } = await activePlan(tx, input.assignmentId);
  const before = await tx.mentoringSession.findFirst({ where: { id: input.sessionId, planId: plan.id } });
  if (!before) throw new NotFoundError("MentoringSession");
  await tx.mentoringSession.delete({ where: { id: before.id } });
  await recordAudit(tx, actor, "support_plan.session_removed", ASSIGNMENT(input.assignmentId), { sessionId: before.id, date: before.date, format: before.format }, null);
  return planResult(tx, plan.id, query);
}

/** The mentee city's outcome survey ends the mentoring: stored on the plan, and the assignment completes. */
export async function submitOutcomeSurvey(tx: Tx, actor: Viewer, assignmentId: string, survey: OutcomeSurvey, query: object = {}) {
  const { plan } = await activePlan(tx, assignmentId);
  if (plan.surveySubmittedAt) throw new ConflictError("survey_submitted", "The outcome survey was already submitted");
  const stored = { version: OUTCOME_SURVEY_VERSION, ...survey };
  const now = new Date();
  await tx.supportPlan.update({ where: { id: plan.id }, data: { outcomeSurvey: stored, surveySubmittedAt: now } });
  const completed = await tx.mentoringAssignment.update({ ...query, where: { id: assignmentId }, data: { status: "COMPLETED", endedAt: now } });
  await recordAudit(tx, actor, "mentoring.completed", ASSIGNMENT(assignmentId), { status: "ACTIVE" }, { status: "COMPLETED", outcomeSurvey: stored });
  return completed;
}
