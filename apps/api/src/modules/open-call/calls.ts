import type { Tx } from "@citypeer/db";
import { callEditConflict, type CallCriterionInput, type CreateCall, type UpdateCall } from "@citypeer/domain/open-call";
import type { Viewer } from "../../context.ts";
import { ConflictError, InputError, NotFoundError } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";

export const CALL = (id: string) => ({ type: "OpenCall", id });

/** The call as the audit log keeps it. */
async function callState(tx: Tx, callId: string) {
  const call = await tx.openCall.findUnique({
    where: { id: callId },
    include: { themes: { select: { communityId: true } }, criteria: { orderBy: { position: "asc" } } },
  });
  if (!call) return null;
  return {
    title: call.title,
    description: call.description,
    eligibility: call.eligibility,
    deadline: call.deadline,
    places: call.places,
    status: call.status,
    communityIds: call.themes.map((t) => t.communityId).sort(),
    criteria: call.criteria.map((c) => ({ title: c.title, description: c.description, weight: c.weight })),
  };
}

async function assertCommunities(tx: Tx, communityIds: string[]) {
  const found = await tx.community.findMany({ where: { id: { in: communityIds } }, select: { id: true } });
  const known = new Set(found.map((c) => c.id));
  const issues = communityIds.flatMap((id, i) => (known.has(id) ? [] : [{ path: ["communityIds", String(i)], code: "not_found", message: "Unknown community" }]));
  if (issues.length) throw new InputError(issues);
}

const sameCriteria = (a: CallCriterionInput[], b: CallCriterionInput[]) =>
  a.length === b.length && a.every((c, i) => c.title === b[i]!.title && c.description === b[i]!.description && c.weight === b[i]!.weight);

/** A project manager drafts a call; it stays invisible outside the project team until published. */
export async function createCall(tx: Tx, actor: Viewer, input: CreateCall, query: object = {}) {
  await assertCommunities(tx, input.communityIds);
  const call = await tx.openCall.create({
    data: {
      title: input.title,
      description: input.description,
      eligibility: input.eligibility,
      deadline: input.deadline,
      places: input.places,
      themes: { create: input.communityIds.map((communityId) => ({ communityId })) },
      criteria: { create: input.criteria.map((c, position) => ({ ...c, position })) },
    },
  });
  await recordAudit(tx, actor, "call.created", CALL(call.id), null, await callState(tx, call.id));
  return tx.openCall.findUniqueOrThrow({ ...query, where: { id: call.id } });
}

/**
 * Saves the whole form. Allowed until the results are published; once an evaluator has scored, the criteria
 * stay as they are (a changed weight would re-rank scores given under the old one).
 */
export async function updateCall(tx: Tx, actor: Viewer, input: UpdateCall, query: object = {}) {
  await tx.$executeRaw`SELECT 1 FROM "OpenCall" WHERE "id" = ${input.callId}::uuid FOR UPDATE`;
  const before = await callState(tx, input.callId);
  if (!before) throw new NotFoundError("OpenCall");
  const hasScores = (await tx.applicationScore.count({ where: { application: { callId: input.callId } } })) > 0;
  const conflict = callEditConflict(before.status, hasScores, !sameCriteria(before.criteria, input.criteria));
  if (conflict === "results_published") throw new ConflictError(conflict, "The results of this call are published; it can no longer change");
  if (conflict === "evaluation_started") throw new ConflictError(conflict, "Evaluators have scored applications: the criteria can no longer change");
  await assertCommunities(tx, input.communityIds);
  const removedThemes = before.communityIds.filter((id) => !input.communityIds.includes(id));
  if (removedThemes.length && (await tx.callApplication.count({ where: { callId: input.callId, communityId: { in: removedThemes } } })) > 0) {
    throw InputError.field(["communityIds"], "theme_has_applications", "Cities have applied under a theme you removed");
  }

  await tx.openCall.update({
    where: { id: input.callId },
    data: { title: input.title, description: input.description, eligibility: input.eligibility, deadline: input.deadline, places: input.places },
  });
  await tx.callTheme.deleteMany({ where: { callId: input.callId, communityId: { notIn: input.communityIds } } });
  await tx.callTheme.createMany({ data: input.communityIds.map((communityId) => ({ callId: input.callId, communityId })), skipDuplicates: true });
  if (!hasScores && !sameCriteria(before.criteria, input.criteria)) {
    await tx.callCriterion.deleteMany({ where: { callId: input.callId } });
    await tx.callCriterion.createMany({ data: input.criteria.map((c, position) => ({ ...c, callId: input.callId, position })) });
  }
  await recordAudit(tx, actor, "call.updated", CALL(input.callId), before, await callState(tx, input.callId));
  return tx.openCall.findUniqueOrThrow({ ...query, where: { id: input.callId } });
}

/** Publishing opens the public form until the deadline. */
export async function publishCall(tx: Tx, actor: Viewer, callId: string, query: object = {}) {
  await tx.$executeRaw`SELECT 1 FROM "OpenCall" WHERE "id" = ${callId}::uuid FOR UPDATE`;
  const call = await tx.openCall.findUnique({ where: { id: callId } });
  if (!call) throw new NotFoundError("OpenCall");
  if (call.status !== "DRAFT") throw new ConflictError("already_published", "This call is already published");
  if (call.deadline.getTime() <= Date.now()) throw new ConflictError("deadline_passed", "Move the deadline into the future before publishing");
  const published = await tx.openCall.update({ ...query, where: { id: callId }, data: { status: "PUBLISHED", publishedAt: new Date() } });
  await recordAudit(tx, actor, "call.published", CALL(callId), { status: call.status }, { status: "PUBLISHED" });
  return published;
}
