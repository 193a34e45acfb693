import type { Client, Tx } from "@citypeer/db";
import {
  applicationOutcome,
  canSeeOtherScores,
  rankApplications,
  scoreIssues,
  selectionConflict,
  type DecideApplication,
  type ScoreApplication,
} from "@citypeer/domain/open-call";
import type { Viewer } from "../../context.ts";
import { ConflictError, InputError, NotFoundError } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";
import { notify } from "../notifications/service.ts";
import { CALL } from "./calls.ts";

const APPLICATION = (id: string) => ({ type: "CallApplication", id });

async function lockCall(tx: Tx, callId: string) {
  // decisions and publication of one call run one at a time: the count of selected cities stays true
  await tx.$executeRaw`SELECT 1 FROM "OpenCall" WHERE "id" = ${callId}::uuid FOR UPDATE`;
}

/**
 * An evaluator (project manager) scores every criterion of an application, 0-5, independently of the others;
 * they may change their scores until the results are published.
 */
export async function scoreApplication(tx: Tx, actor: Viewer, input: ScoreApplication, query: object = {}) {
  const application = await tx.callApplication.findUnique({
    where: { id: input.applicationId },
    include: { call: { include: { criteria: { select: { id: true } } } } },
  });
  if (!application) throw new NotFoundError("CallApplication");
  if (application.call.status === "RESULTS_PUBLISHED") throw new ConflictError("results_published", "The results are published; scores no longer change");
  if (application.status === "WITHDRAWN") throw new ConflictError("withdrawn", "This application was withdrawn");
  const issues = scoreIssues(application.call.criteria.map((c) => c.id), input.scores);
  if (issues.length) throw new InputError(issues);

  const key = { applicationId: application.id, evaluatorId: actor.id };
  const before = await tx.applicationScore.findMany({ where: key, select: { criterionId: true, score: true, comment: true }, orderBy: { criterionId: "asc" } });
  for (const s of input.scores) {
    await tx.applicationScore.upsert({
      where: { applicationId_criterionId_evaluatorId: { ...key, criterionId: s.criterionId } },
      create: { ...key, criterionId: s.criterionId, score: s.score, comment: s.comment },
      update: { score: s.score, comment: s.comment },
    });
  }
  const after = [...input.scores].sort((a, b) => a.criterionId.localeCompare(b.criterionId));
  await recordAudit(tx, actor, "call.application_scored", APPLICATION(application.id), before.length ? { evaluatorId: actor.id, scores: before } : null, {
    evaluatorId: actor.id,
    scores: after,
  });
  return tx.callApplication.findUniqueOrThrow({ ...query, where: { id: application.id } });
}

export type RankingEntry = { applicationId: string; rank: number | null; weightedScore: number | null; evaluatorCount: number; isScoreHidden: boolean };

/**
 * The ranking of a call from the weighted scores (mean over evaluators of Σ weight × score / Σ weight).
 * Until the results are published, an evaluator sees the score and place of an application only once they have
 * scored it themselves (so the ranking cannot tell them what the others gave); the rest follow, unranked.
 * Two statements whatever the number of applications.
 */
export async function callRanking(db: Client, viewer: Viewer, callId: string): Promise<RankingEntry[]> {
  const call = await db.openCall.findUnique({ where: { id: callId }, include: { criteria: { select: { id: true, weight: true } } } });
  if (!call) throw new NotFoundError("OpenCall");
  const applications = await db.callApplication.findMany({
    where: { callId, status: { not: "WITHDRAWN" } },
    select: { id: true, submittedAt: true, scores: { select: { evaluatorId: true, criterionId: true, score: true } } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
  });
  const criterionIds = call.criteria.map((c) => c.id);
  const published = call.resultsPublishedAt !== null;
  const visible = new Set(applications.filter((a) => published || canSeeOtherScores(viewer.id, criterionIds, a.scores)).map((a) => a.id));
  const ranked = rankApplications(call.criteria, applications.filter((a) => visible.has(a.id)));
  return [
    ...ranked.map((r) => ({ applicationId: r.applicationId, rank: r.rank, weightedScore: r.score, evaluatorCount: r.evaluatorCount, isScoreHidden: false })),
    ...applications
      .filter((a) => !visible.has(a.id))
      .map((a) => ({ applicationId: a.id, rank: null, weightedScore: null, evaluatorCount: 0, isScoreHidden: true })),
  ];
}

/**
 * Selects or rejects an application (SUBMITTED takes a decision back). Never more selected cities than the
 * call has places; decisions stay internal until the results are published.
 */
export async function decideApplication(tx: Tx, actor: Viewer, input: DecideApplication, query: object = {}) {
  const found = await tx.callApplication.findUnique({ where: { id: input.applicationId }, select: { callId: true } });
  if (!found) throw new NotFoundError("CallApplication");
  await lockCall(tx, found.callId);
  const application = await tx.callApplication.findUniqueOrThrow({ where: { id: input.applicationId }, include: { call: true } });
  if (application.call.status === "RESULTS_PUBLISHED") throw new ConflictError("results_published", "The results are published; decisions no longer change");
  if (application.status === "WITHDRAWN") throw new ConflictError("withdrawn", "This application was withdrawn");
  const selected = await tx.callApplication.count({ where: { callId: application.callId, status: "SELECTED" } });
  if (selectionConflict(input.decision, application.status, selected, application.call.places)) {
    throw new ConflictError("no_places_left", `All ${application.call.places} places are taken; un-select a city first`);
  }
  const updated = await tx.callApplication.update({
    ...query,
    where: { id: application.id },
    data: { status: input.decision, decidedAt: input.decision === "SUBMITTED" ? null : new Date() },
  });
  await recordAudit(tx, actor, "call.application_decided", APPLICATION(application.id), { status: application.status }, { status: input.decision });
  return updated;
}

/** The people who hear about an application: its contact and the city's active officers. */
export async function applicantRecipients(tx: Tx, applications: { organizationId: string; contactUserId: string }[]): Promise<Map<string, string[]>> {
  const officers = await tx.user.findMany({
    where: { organizationId: { in: [...new Set(applications.map((a) => a.organizationId))] }, roles: { has: "CITY_OFFICER" }, deactivatedAt: null },
    select: { id: true, organizationId: true },
  });
  const byOrg = new Map<string, string[]>();
  for (const a of applications) {
    byOrg.set(a.organizationId, [...new Set([a.contactUserId, ...officers.filter((o) => o.organizationId === a.organizationId).map((o) => o.id)])]);
  }
  return byOrg;
}

/**
 * Publishes the results once the deadline has passed: every application not selected is rejected, and each
 * applicant city hears its result (SELECTED / NOT_SELECTED, worded by the reader's catalogue).
 */
export async function publishCallResults(tx: Tx, actor: Viewer, callId: string, query: object = {}) {
  await lockCall(tx, callId);
  const call = await tx.openCall.findUnique({ where: { id: callId } });
  if (!call) throw new NotFoundError("OpenCall");
  if (call.status === "RESULTS_PUBLISHED") throw new ConflictError("results_published", "The results are already published");
  if (call.status === "DRAFT") throw new ConflictError("not_published", "This call was never published");
  if (call.deadline.getTime() > Date.now()) throw new ConflictError("deadline_not_passed", "Cities can still apply: publish the results after the deadline");

  const now = new Date();
  await tx.callApplication.updateMany({ where: { callId, status: "SUBMITTED" }, data: { status: "REJECTED", decidedAt: now } });
  const updated = await tx.openCall.update({ ...query, where: { id: callId }, data: { status: "RESULTS_PUBLISHED", resultsPublishedAt: now } });
  const applications = await tx.callApplication.findMany({
    where: { callId, status: { in: ["SELECTED", "REJECTED"] } },
    select: { id: true, status: true, organizationId: true, contactUserId: true },
  });
  const recipients = await applicantRecipients(tx, applications);
  for (const status of ["SELECTED", "REJECTED"] as const) {
    const ids = applications.filter((a) => a.status === status).flatMap((a) => recipients.get(a.organizationId) ?? []);
    if (ids.length) await notify(tx, ids, "call.results_published", { call: call.title, result: applicationOutcome(status, now)! }, `/open-calls/${callId}/my-application`);
  }
  await recordAudit(tx, actor, "call.results_published", CALL(callId), { status: call.status }, {
    status: "RESULTS_PUBLISHED",
    selected: applications.filter((a) => a.status === "SELECTED").map((a) => a.id).sort(),
    rejected: applications.filter((a) => a.status === "REJECTED").map((a) => a.id).sort(),
  });
  return updated;
}
