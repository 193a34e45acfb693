import { PILOT_STATUSES, pilotPlanSchema } from "@citypeer/domain/pilots";
import { builder } from "../../builder.ts";
import { ConflictError, InputError, NotFoundError, parseInput } from "../../errors.ts";
import { inTransaction } from "../../transaction.ts";
import { pilotOrganizationId } from "./access.ts";
import { changePilotStatus, updatePilotPlan } from "./service.ts";
import { CoDesignFormatEnum, MilestoneStatusEnum, PilotRef, PilotStatusEnum, TargetGroupEnum } from "./types.ts";

const ObjectiveInput = builder.inputType("PilotObjectiveInput", {
  fields: (t) => ({ text: t.string({ required: true }), answersRecommendationId: t.id({ required: false }) }),
});
const CoDesignInput = builder.inputType("CoDesignActivityInput", {
  fields: (t) => ({
    date: t.string({ required: true }),
    format: t.field({ type: CoDesignFormatEnum, required: true }),
    description: t.string({ required: false }),
    participantCount: t.int({ required: true }),
    migrantOrganisations: t.stringList({ required: false }),
  }),
});
const MilestoneInput = builder.inputType("MilestoneInput", {
  fields: (t) => ({ title: t.string({ required: true }), dueDate: t.string({ required: true }), status: t.field({ type: MilestoneStatusEnum, required: true }) }),
});
const UpdatePilotPlanInput = builder.inputType("UpdatePilotPlanInput", {
  fields: (t) => ({
    pilotId: t.globalID({ required: true, for: PilotRef }),
    title: t.string({ required: true }),
    problemStatement: t.string({ required: true }),
    plannedActivities: t.string({ required: true }),
    contentLanguage: t.string({ required: true }),
    targetGroups: t.field({ type: [TargetGroupEnum], required: true }),
    objectives: t.field({ type: [ObjectiveInput], required: true }),
    coDesignActivities: t.field({ type: [CoDesignInput], required: true }),
    milestones: t.field({ type: [MilestoneInput], required: true }),
    indicatorIds: t.idList({ required: false }),
  }),
});
const ChangePilotStatusInput = builder.inputType("ChangePilotStatusInput", {
  fields: (t) => ({ pilotId: t.globalID({ required: true, for: PilotRef }), status: t.field({ type: PilotStatusEnum, required: true }) }),
});

builder.mutationFields((t) => ({
  /** The city's officers edit their own pilot's plan. */
  updatePilotPlan: t.prismaField({
    type: PilotRef,
    args: { input: t.arg({ type: UpdatePilotPlanInput, required: true }) },
    authScopes: async (_root, { input }, ctx) => ({ officerOf: await pilotOrganizationId(ctx.db, input.pilotId.id) }),
    errors: { types: [InputError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const plan = parseInput(pilotPlanSchema, {
        ...input,
        pilotId: input.pilotId.id,
        objectives: input.objectives.map((o) => ({ text: o.text, answersRecommendationId: o.answersRecommendationId ? String(o.answersRecommendationId) : null })),
        coDesignActivities: input.coDesignActivities.map((a) => ({ ...a, description: a.description ?? "", migrantOrganisations: a.migrantOrganisations ?? [] })),
        indicatorIds: (input.indicatorIds ?? []).map(String),
      });
      return inTransaction(ctx, (tx) => updatePilotPlan(tx, ctx.viewer!, plan, query));
    },
  }),

  /** Project managers move a pilot through draft, planned, in implementation, completed. */
  changePilotStatus: t.prismaField({
    type: PilotRef,
    args: { input: t.arg({ type: ChangePilotStatusInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [ConflictError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      if (!PILOT_STATUSES.includes(input.status)) throw new ConflictError("invalid_status_change", "Unknown status");
      return inTransaction(ctx, (tx) => changePilotStatus(tx, ctx.viewer!, input.pilotId.id, input.status, query));
    },
  }),
}));
