import type { Tx } from "@citypeer/db";
import { canChangePilotStatus, type PilotPlan, type PilotStatus } from "@citypeer/domain/pilots";
import type { FieldIssue } from "@citypeer/domain/errors";
import type { Viewer } from "../../context.ts";
import { ConflictError, InputError, NotFoundError } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Replaces the pilot's plan in one transaction; objectives may cite recommendations of this pilot's reviews only. */
export async function updatePilotPlan(tx: Tx, actor: Viewer, plan: PilotPlan, query: object = {}) {
  const before = await tx.pilot.findUnique({
    where: { id: plan.pilotId },
    include: { objectives: true, coDesignActivities: true, milestones: true, indicators: true },
  });
  if (!before) throw new NotFoundError("Pilot");

  const issues: FieldIssue[] = [];
  const cited = plan.objectives.map((o) => o.answersRecommendationId).filter((id): id is string => !!id);
  if (cited.length) {
    const own = await tx.reviewRecommendation.findMany({ where: { id: { in: cited }, review: { pilotId: plan.pilotId } }, select: { id: true } });
    const ownIds = new Set(own.map((r) => r.id));
    plan.objectives.forEach((o, i) => {
      if (o.answersRecommendationId && !ownIds.has(o.answersRecommendationId))
        issues.push({ path: ["objectives", String(i), "answersRecommendationId"], code: "not_found", message: "Not a recommendation of this pilot's reviews" });
    });
  }
  if (plan.indicatorIds.length) {
    const valid = await tx.benchmarkIndicator.count({ where: { id: { in: plan.indicatorIds }, framework: { communityId: before.communityId } } });
    if (valid !== new Set(plan.indicatorIds).size) issues.push({ path: ["indicatorIds"], code: "unknown_indicator", message: "Indicators must come from the pilot's community" });
  }
  if (issues.length) throw new InputError(issues);

  await tx.pilotObjective.deleteMany({ where: { pilotId: plan.pilotId } });
  await tx.coDesignActivity.deleteMany({ where: { pilotId: plan.pilotId } });
  await tx.milestone.deleteMany({ where: { pilotId: plan.pilotId } });
  await tx.pilotIndicator.deleteMany({ where: { pilotId: plan.pilotId } });
  const after = await tx.pilot.update({
    ...query,
    where: { id: plan.pilotId },
    data: {
      title: plan.title,
      problemStatement: plan.problemStatement,
      plannedActivities: plan.plannedActivities,
      contentLanguage: plan.contentLanguage,
      targetGroups: plan.targetGroups,
      objectives: { create: plan.objectives.map((o, position) => ({ text: o.text, position, answersRecommendationId: o.answersRecommendationId })) },
      coDesignActivities: {
        create: plan.coDesignActivities.map((a) => ({ ...a, date: day(a.date) })),
      },
      milestones: {
        create: plan.milestones.map((m) => ({ ...m, dueDate: day(m.dueDate), completedAt: m.status === "DONE" ? new Date() : null })),
      },
      indicators: { create: [...new Set(plan.indicatorIds)].map((indicatorId) => ({ indicatorId })) },
    },
  });
  const { pilotId: _id, ...planData } = plan;
  await recordAudit(tx, actor, "pilot.plan_updated", { type: "Pilot", id: plan.pilotId }, summary(before), planData);
  return after;
}

function summary(p: { title: string; status: string; targetGroups: string[]; objectives: { text: string }[]; milestones: { title: string }[] }) {
  return { title: p.title, status: p.status, targetGroups: p.targetGroups, objectives: p.objectives.map((o) => o.text), milestones: p.milestones.map((m) => m.title) };
}

export async function changePilotStatus(tx: Tx, actor: Viewer, pilotId: string, status: PilotStatus, query: object = {}) {
  const before = await tx.pilot.findUnique({ where: { id: pilotId } });
  if (!before) throw new NotFoundError("Pilot");
  if (!canChangePilotStatus(before.status as PilotStatus, status)) {
    throw new ConflictError("invalid_status_change", `A pilot moves one step at a time, not from ${before.status} to ${status}`);
  }
  const after = await tx.pilot.update({ ...query, where: { id: pilotId }, data: { status } });
  await recordAudit(tx, actor, "pilot.status_changed", { type: "Pilot", id: pilotId }, { status: before.status }, { status });
  return after;
}
