import {
  applyToCallSchema,
  createCallSchema,
  decideApplicationSchema,
  honeypotFilled,
  scoreApplicationSchema,
  updateCallSchema,
} from "@citypeer/domain/open-call";
import { DEFAULT_LOCALE, isSupportedLocale } from "@citypeer/i18n/locales";
import { builder } from "../../builder.ts";
import { ConflictError, ErrorInterface, InputError, NotFoundError, parseInput } from "../../errors.ts";
import { inTransaction } from "../../transaction.ts";
import { CommunityRef } from "../communities/types.ts";
import {
  ApplicationRefusedError,
  applicationUniqueError,
  applyToCall,
  assertUnderApplyLimit,
  type ApplicationReceipt,
} from "./apply.ts";
import { createCall, publishCall, updateCall } from "./calls.ts";
import { decideApplication, publishCallResults, scoreApplication } from "./evaluation.ts";
import { ApplicationDecisionEnum, CallApplicationRef, OpenCallRef } from "./types.ts";

builder.objectType(ApplicationRefusedError, {
  name: "ApplicationRefusedError",
  description: "The public form refused an application: honeypot, rate_limited, call_closed or deadline_passed.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ApplicationRefusedError,
  fields: (t) => ({
    code: t.exposeString("code"),
    retryAfterSeconds: t.exposeInt("retryAfterSeconds", { nullable: true }),
  }),
});

const ApplicationReceiptRef = builder.objectRef<ApplicationReceipt>("ApplicationReceipt").implement({
  description: "What the applicant sees after applying (they have no account to read the application with yet).",
  fields: (t) => ({
    callTitle: t.exposeString("callTitle"),
    cityName: t.exposeString("cityName"),
    contactEmail: t.exposeString("contactEmail"),
    submittedAt: t.expose("submittedAt", { type: "DateTime" }),
    /** Whether an activation link went out (not when the contact has a password already). */
    activationEmailSent: t.exposeBoolean("activationEmailSent"),
  }),
});

const CriterionInput = builder.inputType("OpenCallCriterionInput", {
  fields: (t) => ({
    title: t.string({ required: true }),
    description: t.string({ required: false }),
    weight: t.int({ required: true }),
  }),
});

const callFields = (t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0]) => ({
  title: t.string({ required: true }),
  description: t.string({ required: true }),
  eligibility: t.string({ required: false }),
  deadline: t.field({ type: "DateTime", required: true }),
  places: t.int({ required: true }),
  /** The themes: communities of practice whose mentors take part. */
  communityIds: t.globalIDList({ required: true, for: CommunityRef }),
  criteria: t.field({ type: [CriterionInput], required: true }),
});

const CreateOpenCallInput = builder.inputType("CreateOpenCallInput", { fields: (t) => callFields(t) });
const UpdateOpenCallInput = builder.inputType("UpdateOpenCallInput", {
  fields: (t) => ({ callId: t.globalID({ required: true, for: OpenCallRef }), ...callFields(t) }),
});
const OpenCallIdInput = builder.inputType("OpenCallIdInput", {
  fields: (t) => ({ callId: t.globalID({ required: true, for: OpenCallRef }) }),
});

const ApplyToOpenCallInput = builder.inputType("ApplyToOpenCallInput", {
  fields: (t) => ({
    callId: t.globalID({ required: true, for: OpenCallRef }),
    cityName: t.string({ required: true }),
    /** ISO 3166-1 alpha-2. */
    country: t.string({ required: true }),
    contactName: t.string({ required: true }),
    contactEmail: t.string({ required: true }),
    /** One of the call's themes (`OpenCall.themes.communityId`). */
    communityId: t.globalID({ required: true, for: CommunityRef }),
    currentSituation: t.string({ required: true }),
    needs: t.string({ required: true }),
    motivation: t.string({ required: true }),
    /** BCP 47 codes. */
    workingLanguages: t.stringList({ required: true }),
    /** Honeypot: the form hides this field from people; anything in it refuses the application. */
    website: t.string({ required: false }),
    /** The language the contact used the form in: their account and e-mails speak it. */
    locale: t.string({ required: false }),
  }),
});

const CriterionScoreInput = builder.inputType("CriterionScoreInput", {
  fields: (t) => ({ criterionId: t.id({ required: true }), score: t.int({ required: true }), comment: t.string({ required: false }) }),
});
const ScoreApplicationInput = builder.inputType("ScoreApplicationInput", {
  fields: (t) => ({
    applicationId: t.globalID({ required: true, for: CallApplicationRef }),
    /** Every criterion of the call, once. */
    scores: t.field({ type: [CriterionScoreInput], required: true }),
  }),
});
const DecideApplicationInput = builder.inputType("DecideApplicationInput", {
  fields: (t) => ({
    applicationId: t.globalID({ required: true, for: CallApplicationRef }),
    decision: t.field({ type: ApplicationDecisionEnum, required: true }),
  }),
});

const callData = (input: {
  title: string;
  description: string;
  eligibility?: string | null;
  deadline: Date;
  places: number;
  communityIds: { id: string }[];
  criteria: { title: string; description?: string | null; weight: number }[];
}) => ({
  title: input.title,
  description: input.description,
  eligibility: input.eligibility ?? "",
  deadline: input.deadline,
  places: input.places,
  communityIds: input.communityIds.map((c) => c.id),
  criteria: input.criteria.map((c) => ({ title: c.title, description: c.description ?? "", weight: c.weight })),
});

builder.mutationFields((t) => ({
  createOpenCall: t.prismaField({
    type: OpenCallRef,
    args: { input: t.arg({ type: CreateOpenCallInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(createCallSchema, callData(input));
      return inTransaction(ctx, (tx) => createCall(tx, ctx.viewer!, data, query));
    },
  }),

  updateOpenCall: t.prismaField({
    type: OpenCallRef,
    args: { input: t.arg({ type: UpdateOpenCallInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(updateCallSchema, { callId: input.callId.id, ...callData(input) });
      return inTransaction(ctx, (tx) => updateCall(tx, ctx.viewer!, data, query));
    },
  }),

  publishOpenCall: t.prismaField({
    type: OpenCallRef,
    args: { input: t.arg({ type: OpenCallIdInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => inTransaction(ctx, (tx) => publishCall(tx, ctx.viewer!, input.callId.id, query)),
  }),

  /**
   * Public: an outside city applies without an account. Refused with a code (ApplicationRefusedError) when the
   * honeypot is filled, the address sent too many applications, or the call is closed; the same city twice is an
   * InputError on cityName. A refusal writes nothing.
   */
  applyToOpenCall: t.field({
    type: ApplicationReceiptRef,
    args: { input: t.arg({ type: ApplyToOpenCallInput, required: true }) },
    // public on purpose: the applicant has no account yet (abuse protection: honeypot and rate limit below)
    authScopes: () => true,
    errors: { types: [ApplicationRefusedError, InputError, NotFoundError] },
    resolve: async (_root, { input }, ctx) => {
      if (honeypotFilled(input.website)) throw new ApplicationRefusedError("honeypot", "This form was filled in automatically");
      await assertUnderApplyLimit(ctx.db, ctx.ip);
      const data = parseInput(applyToCallSchema, { ...input, callId: input.callId.id, communityId: input.communityId.id });
      const locale = input.locale && isSupportedLocale(input.locale) ? input.locale : DEFAULT_LOCALE;
      try {
        return await inTransaction(ctx, (tx) => applyToCall(tx, ctx.ip, locale, data));
      } catch (error) {
        throw applicationUniqueError(error) ?? error;
      }
    },
  }),

  /** An evaluator's own scores for every criterion of an application (they can change them until results are out). */
  scoreApplication: t.prismaField({
    type: CallApplicationRef,
    args: { input: t.arg({ type: ScoreApplicationInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(scoreApplicationSchema, {
        applicationId: input.applicationId.id,
        scores: input.scores.map((s) => ({ criterionId: String(s.criterionId), score: s.score, comment: s.comment ?? "" })),
      });
      return inTransaction(ctx, (tx) => scoreApplication(tx, ctx.viewer!, data, query));
    },
  }),

  /** Select or reject one application (never more selected than places); applicants learn nothing before publication. */
  decideApplication: t.prismaField({
    type: CallApplicationRef,
    args: { input: t.arg({ type: DecideApplicationInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(decideApplicationSchema, { applicationId: input.applicationId.id, decision: input.decision });
      return inTransaction(ctx, (tx) => decideApplication(tx, ctx.viewer!, data, query));
    },
  }),

  /** After the deadline: the rest are rejected and every applicant city is notified of its result. */
  publishCallResults: t.prismaField({
    type: OpenCallRef,
    args: { input: t.arg({ type: OpenCallIdInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => inTransaction(ctx, (tx) => publishCallResults(tx, ctx.viewer!, input.callId.id, query)),
  }),
}));
