import { returnSubmissionSchema, saveDraftSchema } from "@citypeer/domain/benchmarks";
import { builder } from "../../builder.ts";
import { ConflictError, InputError, NotFoundError, parseInput } from "../../errors.ts";
import { inTransaction } from "../../transaction.ts";
import { submissionOrganizationId } from "./access.ts";
import { returnSubmission, saveSubmissionDraft, submitSubmission, validateSubmission } from "./submissions.ts";
import { FrameworkRef, RoundRef, SubmissionRef } from "./types.ts";

const ScoreInput = builder.inputType("IndicatorScoreInput", {
  fields: (t) => ({
    indicatorId: t.id({ required: true }),
    level: t.int({ required: false }),
    evidenceText: t.string({ required: false }),
    evidenceLinks: t.stringList({ required: false }),
    attachmentIds: t.idList({ required: false }),
  }),
});

const SaveDraftInput = builder.inputType("SaveSubmissionDraftInput", {
  fields: (t) => ({
    roundId: t.globalID({ required: true, for: RoundRef }),
    /** The framework version the form was built from; refused when the round uses another. */
    frameworkId: t.globalID({ required: false, for: FrameworkRef }),
    /** The revision the form last loaded or saved; 0 before the first save. */
    revision: t.int({ required: true }),
    /** BCP 47 code of the language the evidence and comment are written in; a new draft defaults to the author's language. */
    contentLanguage: t.string({ required: false }),
    comment: t.string({ required: false }),
    scores: t.field({ type: [ScoreInput], required: false }),
  }),
});

const SubmissionIdInput = builder.inputType("SubmissionIdInput", {
  fields: (t) => ({ submissionId: t.globalID({ required: true, for: SubmissionRef }) }),
});

const ReturnSubmissionInput = builder.inputType("ReturnSubmissionInput", {
  fields: (t) => ({ submissionId: t.globalID({ required: true, for: SubmissionRef }), comment: t.string({ required: true }) }),
});

builder.mutationFields((t) => ({
  /** A city officer saves their own city's self-assessment as they go. */
  saveSubmissionDraft: t.prismaField({
    type: SubmissionRef,
    args: { input: t.arg({ type: SaveDraftInput, required: true }) },
    authScopes: (_root, _args, ctx) => ({ officerOf: ctx.viewer?.organizationId ?? "" }),
    errors: { types: [InputError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(saveDraftSchema, {
        roundId: input.roundId.id,
        revision: input.revision,
        contentLanguage: input.contentLanguage ?? undefined,
        comment: input.comment ?? undefined,
        scores: (input.scores ?? []).map((s) => ({
          indicatorId: String(s.indicatorId),
          level: s.level ?? null,
          evidenceText: s.evidenceText ?? "",
          evidenceLinks: s.evidenceLinks ?? [],
          attachmentIds: (s.attachmentIds ?? []).map(String),
        })),
      });
      return inTransaction(ctx, (tx) => saveSubmissionDraft(tx, ctx.viewer!, { ...data, frameworkId: input.frameworkId?.id ?? null }, query));
    },
  }),

  submitSubmission: t.prismaField({
    type: SubmissionRef,
    args: { input: t.arg({ type: SubmissionIdInput, required: true }) },
    authScopes: async (_root, { input }, ctx) => ({ officerOf: await submissionOrganizationId(ctx.db, input.submissionId.id) }),
    errors: { types: [InputError, ConflictError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => inTransaction(ctx, (tx) => submitSubmission(tx, ctx.viewer!, input.submissionId.id, query)),
  }),

  validateSubmission: t.prismaField({
    type: SubmissionRef,
    args: { input: t.arg({ type: SubmissionIdInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [ConflictError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => inTransaction(ctx, (tx) => validateSubmission(tx, ctx.viewer!, input.submissionId.id, query)),
  }),

  returnSubmission: t.prismaField({
    type: SubmissionRef,
    args: { input: t.arg({ type: ReturnSubmissionInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, ConflictError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(returnSubmissionSchema, { submissionId: input.submissionId.id, comment: input.comment });
      return inTransaction(ctx, (tx) => returnSubmission(tx, ctx.viewer!, data.submissionId, data.comment, query));
    },
  }),
}));
