import {
  assignMentorSchema,
  deleteMentoringSessionSchema,
  deleteSupportActionSchema,
  mentoringSessionSchema,
  outcomeSurveySchema,
  supportActionSchema,
  supportPlanGoalsSchema,
} from "@citypeer/domain/open-call";
import { builder } from "../../builder.ts";
import { ConflictError, InputError, NotFoundError, parseInput } from "../../errors.ts";
import { inTransaction } from "../../transaction.ts";
import { UserRef } from "../identity/types.ts";
import { menteeOrganizationOf, planEditorScopes } from "./access.ts";
import {
  assignMentor,
  deleteMentoringSession,
  deleteSupportAction,
  saveMentoringSession,
  saveSupportAction,
  submitOutcomeSurvey,
  updatePlanGoals,
} from "./mentoring.ts";
import { ActionStatusEnum, MentoringAssignmentRef, MentoringFormatEnum, SupportPlanRef } from "./mentoring-types.ts";
import { CallApplicationRef } from "./types.ts";

const AssignMentorInput = builder.inputType("AssignMentorInput", {
  fields: (t) => ({
    applicationId: t.globalID({ required: true, for: CallApplicationRef }),
    mentorId: t.globalID({ required: true, for: UserRef }),
  }),
});

const UpdateSupportPlanGoalsInput = builder.inputType("UpdateSupportPlanGoalsInput", {
  fields: (t) => ({ assignmentId: t.globalID({ required: true, for: MentoringAssignmentRef }), goals: t.string({ required: true }) }),
});
const SaveSupportActionInput = builder.inputType("SaveSupportActionInput", {
  fields: (t) => ({
    assignmentId: t.globalID({ required: true, for: MentoringAssignmentRef }),
    /** Left out: a new action. */
    actionId: t.id({ required: false }),
    title: t.string({ required: true }),
    owner: t.string({ required: true }),
    /** A calendar day, YYYY-MM-DD. */
    dueDate: t.string({ required: false }),
    status: t.field({ type: ActionStatusEnum, required: false }),
  }),
});
const DeleteSupportActionInput = builder.inputType("DeleteSupportActionInput", {
  fields: (t) => ({ assignmentId: t.globalID({ required: true, for: MentoringAssignmentRef }), actionId: t.id({ required: true }) }),
});
const SaveMentoringSessionInput = builder.inputType("SaveMentoringSessionInput", {
  fields: (t) => ({
    assignmentId: t.globalID({ required: true, for: MentoringAssignmentRef }),
    /** Left out: a new session. */
    sessionId: t.id({ required: false }),
    date: t.field({ type: "DateTime", required: true }),
    format: t.field({ type: MentoringFormatEnum, required: true }),
    notes: t.string({ required: false }),
    followUps: t.string({ required: false }),
  }),
});
const DeleteMentoringSessionInput = builder.inputType("DeleteMentoringSessionInput", {
  fields: (t) => ({ assignmentId: t.globalID({ required: true, for: MentoringAssignmentRef }), sessionId: t.id({ required: true }) }),
});
const SubmitOutcomeSurveyInput = builder.inputType("SubmitOutcomeSurveyInput", {
  fields: (t) => ({
    assignmentId: t.globalID({ required: true, for: MentoringAssignmentRef }),
    goalsAchieved: t.int({ required: true }),
    mentorSupport: t.int({ required: true }),
    peerExchange: t.int({ required: true }),
    wouldRecommend: t.int({ required: true }),
    whatChanged: t.string({ required: true }),
    suggestions: t.string({ required: false }),
  }),
});

builder.mutationFields((t) => ({
  /** Pairs a selected city with a mentor (results published first); mentor and city are notified. */
  assignMentor: t.prismaField({
    type: MentoringAssignmentRef,
    args: { input: t.arg({ type: AssignMentorInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(assignMentorSchema, { applicationId: input.applicationId.id, mentorId: input.mentorId.id });
      return inTransaction(ctx, (tx) => assignMentor(tx, ctx.viewer!, data, query));
    },
  }),

  /** The mentor or a mentee city officer sets the plan's goals. */
  updateSupportPlanGoals: t.prismaField({
    type: SupportPlanRef,
    args: { input: t.arg({ type: UpdateSupportPlanGoalsInput, required: true }) },
    authScopes: (_root, { input }, ctx) => planEditorScopes(ctx, input.assignmentId.id),
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(supportPlanGoalsSchema, { assignmentId: input.assignmentId.id, goals: input.goals });
      return inTransaction(ctx, (tx) => updatePlanGoals(tx, ctx.viewer!, data, query));
    },
  }),

  saveSupportAction: t.prismaField({
    type: SupportPlanRef,
    args: { input: t.arg({ type: SaveSupportActionInput, required: true }) },
    authScopes: (_root, { input }, ctx) => planEditorScopes(ctx, input.assignmentId.id),
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(supportActionSchema, {
        assignmentId: input.assignmentId.id,
        actionId: input.actionId == null ? null : String(input.actionId),
        title: input.title,
        owner: input.owner,
        dueDate: input.dueDate || null,
        status: input.status ?? undefined,
      });
      return inTransaction(ctx, (tx) => saveSupportAction(tx, ctx.viewer!, data, query));
    },
  }),

  deleteSupportAction: t.prismaField({
    type: SupportPlanRef,
    args: { input: t.arg({ type: DeleteSupportActionInput, required: true }) },
    authScopes: (_root, { input }, ctx) => planEditorScopes(ctx, input.assignmentId.id),
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(deleteSupportActionSchema, { assignmentId: input.assignmentId.id, actionId: String(input.actionId) });
      return inTransaction(ctx, (tx) => deleteSupportAction(tx, ctx.viewer!, data, query));
    },
  }),

  saveMentoringSession: t.prismaField({
    type: SupportPlanRef,
    args: { input: t.arg({ type: SaveMentoringSessionInput, required: true }) },
    authScopes: (_root, { input }, ctx) => planEditorScopes(ctx, input.assignmentId.id),
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(mentoringSessionSchema, {
        assignmentId: input.assignmentId.id,
        sessionId: input.sessionId == null ? null : String(input.sessionId),
        date: input.date,
        format: input.format,
        notes: input.notes ?? "",
        followUps: input.followUps ?? "",
      });
      return inTransaction(ctx, (tx) => saveMentoringSession(tx, ctx.viewer!, data, query));
    },
  }),

  deleteMentoringSession: t.prismaField({
    type: SupportPlanRef,
    args: { input: t.arg({ type: DeleteMentoringSessionInput, required: true }) },
    authScopes: (_root, { input }, ctx) => planEditorScopes(ctx, input.assignmentId.id),
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(deleteMentoringSessionSchema, { assignmentId: input.assignmentId.id, sessionId: String(input.sessionId) });
      return inTransaction(ctx, (tx) => deleteMentoringSession(tx, ctx.viewer!, data, query));
    },
  }),

  /** The mentee city's officers answer the outcome survey; the mentoring completes. */
  submitOutcomeSurvey: t.prismaField({
    type: MentoringAssignmentRef,
    args: { input: t.arg({ type: SubmitOutcomeSurveyInput, required: true }) },
    authScopes: async (_root, { input }, ctx) => ({ officerOf: await menteeOrganizationOf(ctx.db, input.assignmentId.id) }),
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const { assignmentId, ...answers } = input;
      const survey = parseInput(outcomeSurveySchema, { ...answers, suggestions: answers.suggestions ?? "" });
      return inTransaction(ctx, (tx) => submitOutcomeSurvey(tx, ctx.viewer!, assignmentId.id, survey, query));
    },
  }),
}));
