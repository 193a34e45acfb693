import {
  budgetDecisionSchema,
  budgetProposalSchema,
  budgetRejectionSchema,
  expenseDecisionSchema,
  expenseDeclarationSchema,
  expenseRejectionSchema,
  grantCapSchema,
  reportAcceptanceSchema,
  reportSubmissionSchema,
  trancheActionSchema,
  tranchePlanSchema,
} from "@citypeer/domain/grants";
import { builder } from "../../builder.ts";
import { ConflictError, InputError, NotFoundError, parseInput } from "../../errors.ts";
import { inTransaction } from "../../transaction.ts";
import { AttachmentRef } from "../attachments/types.ts";
import { deadlineOrganizationId, expenseOrganizationId, grantOrganizationId, trancheOrganizationId } from "./access.ts";
import {
  acceptReport,
  approveBudget,
  approveExpense,
  approveTranche,
  declareExpense,
  markTranchePaid,
  planTranche,
  proposeBudget,
  rejectBudget,
  rejectExpense,
  requestTranche,
  setGrantCap,
  submitReport,
} from "./service.ts";
import { CostCategoryEnum, ExpenseRef, GrantRef, ReportingDeadlineRef, TrancheKindEnum, TrancheRef } from "./types.ts";

// Who may do what: a city's officers propose, request, declare and report for their own city (`officerOf`
// the grant's pilot's organisation); only project managers approve, reject, pay and set the cap.
// Money mutations take an optional `idempotencyKey`: a repeat with the same key by the same person has one effect.

const IDEMPOTENCY_KEY = "Optional: a repeat of this request with the same key by the same person has one effect and returns the same record.";
const key = (value: string | null | undefined) => value ?? undefined;

const BudgetLineInput = builder.inputType("BudgetLineInput", {
  fields: (t) => ({ category: t.field({ type: CostCategoryEnum, required: true }), plannedCents: t.int({ required: true }) }),
});

const ProposeBudgetInput = builder.inputType("ProposeBudgetInput", {
  fields: (t) => ({
    grantId: t.globalID({ required: true, for: GrantRef }),
    /** The whole budget: categories left out are planned at 0. */
    lines: t.field({ type: [BudgetLineInput], required: true }),
    idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY }),
  }),
});
const ApproveBudgetInput = builder.inputType("ApproveBudgetInput", {
  fields: (t) => ({ grantId: t.globalID({ required: true, for: GrantRef }), idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY }) }),
});
const RejectBudgetInput = builder.inputType("RejectBudgetInput", {
  fields: (t) => ({
    grantId: t.globalID({ required: true, for: GrantRef }),
    reason: t.string({ required: false, description: "Required: a missing or blank reason is an InputError on `reason`." }),
    idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY }),
  }),
});
const SetGrantCapInput = builder.inputType("SetGrantCapInput", {
  fields: (t) => ({
    grantId: t.globalID({ required: true, for: GrantRef }),
    capCents: t.int({ required: true }),
    idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY }),
  }),
});
const PlanTrancheInput = builder.inputType("PlanTrancheInput", {
  fields: (t) => ({
    grantId: t.globalID({ required: true, for: GrantRef }),
    kind: t.field({ type: TrancheKindEnum, required: true }),
    amountCents: t.int({ required: true }),
    plannedDate: t.string({ required: true, description: "YYYY-MM-DD" }),
    idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY }),
  }),
});
const trancheInput = (name: string) =>
  builder.inputType(name, {
    fields: (t) => ({ trancheId: t.globalID({ required: true, for: TrancheRef }), idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY }) }),
  });
const RequestTrancheInput = trancheInput("RequestTrancheInput");
const ApproveTrancheInput = trancheInput("ApproveTrancheInput");
const MarkTranchePaidInput = trancheInput("MarkTranchePaidInput");

const DeclareExpenseInput = builder.inputType("DeclareExpenseInput", {
  fields: (t) => ({
    grantId: t.globalID({ required: true, for: GrantRef }),
    category: t.field({ type: CostCategoryEnum, required: true }),
    amountCents: t.int({ required: true }),
    spentOn: t.string({ required: true, description: "YYYY-MM-DD" }),
    description: t.string({ required: true }),
    supplier: t.string({ required: true }),
    /** An attachment uploaded by someone of the same city. */
    receiptAttachmentId: t.globalID({ required: false, for: AttachmentRef }),
    idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY }),
  }),
});
const ApproveExpenseInput = builder.inputType("ApproveExpenseInput", {
  fields: (t) => ({ expenseId: t.globalID({ required: true, for: ExpenseRef }), idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY }) }),
});
const RejectExpenseInput = builder.inputType("RejectExpenseInput", {
  fields: (t) => ({
    expenseId: t.globalID({ required: true, for: ExpenseRef }),
    reason: t.string({ required: false, description: "Required: a missing or blank reason is an InputError on `reason`." }),
    idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY }),
  }),
});
const SubmitReportInput = builder.inputType("SubmitReportInput", {
  fields: (t) => ({
    deadlineId: t.globalID({ required: true, for: ReportingDeadlineRef }),
    /** An attachment uploaded by someone of the same city. */
    documentAttachmentId: t.globalID({ required: false, for: AttachmentRef }),
  }),
});
const AcceptReportInput = builder.inputType("AcceptReportInput", {
  fields: (t) => ({ deadlineId: t.globalID({ required: true, for: ReportingDeadlineRef }) }),
});

const manager = { projectManager: true } as const;

builder.mutationFields((t) => ({
  proposeBudget: t.prismaField({
    type: GrantRef,
    args: { input: t.arg({ type: ProposeBudgetInput, required: true }) },
    authScopes: async (_root, { input }, ctx) => ({ officerOf: await grantOrganizationId(ctx.db, input.grantId.id) }),
    errors: { types: [InputError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(budgetProposalSchema, { grantId: input.grantId.id, lines: input.lines, idempotencyKey: key(input.idempotencyKey) });
      return inTransaction(ctx, (tx) => proposeBudget(tx, ctx.viewer!, data, query));
    },
  }),

  approveBudget: t.prismaField({
    type: GrantRef,
    args: { input: t.arg({ type: ApproveBudgetInput, required: true }) },
    authScopes: manager,
    errors: { types: [InputError, ConflictError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(budgetDecisionSchema, { grantId: input.grantId.id, idempotencyKey: key(input.idempotencyKey) });
      return inTransaction(ctx, (tx) => approveBudget(tx, ctx.viewer!, data, query));
    },
  }),

  rejectBudget: t.prismaField({
    type: GrantRef,
    args: { input: t.arg({ type: RejectBudgetInput, required: true }) },
    authScopes: manager,
    errors: { types: [InputError, ConflictError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(budgetRejectionSchema, { grantId: input.grantId.id, reason: input.reason ?? "", idempotencyKey: key(input.idempotencyKey) });
      return inTransaction(ctx, (tx) => rejectBudget(tx, ctx.viewer!, data, query));
    },
  }),

  setGrantCap: t.prismaField({
    type: GrantRef,
    args: { input: t.arg({ type: SetGrantCapInput, required: true }) },
    authScopes: manager,
    errors: { types: [InputError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(grantCapSchema, { grantId: input.grantId.id, capCents: input.capCents, idempotencyKey: key(input.idempotencyKey) });
      return inTransaction(ctx, (tx) => setGrantCap(tx, ctx.viewer!, data, query));
    },
  }),

  planTranche: t.prismaField({
    type: TrancheRef,
    args: { input: t.arg({ type: PlanTrancheInput, required: true }) },
    authScopes: manager,
    errors: { types: [InputError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(tranchePlanSchema, { ...input, grantId: input.grantId.id, idempotencyKey: key(input.idempotencyKey) });
      return inTransaction(ctx, (tx) => planTranche(tx, ctx.viewer!, data, query));
    },
  }),

  requestTranche: t.prismaField({
    type: TrancheRef,
    args: { input: t.arg({ type: RequestTrancheInput, required: true }) },
    authScopes: async (_root, { input }, ctx) => ({ officerOf: await trancheOrganizationId(ctx.db, input.trancheId.id) }),
    errors: { types: [InputError, ConflictError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(trancheActionSchema, { trancheId: input.trancheId.id, idempotencyKey: key(input.idempotencyKey) });
      return inTransaction(ctx, (tx) => requestTranche(tx, ctx.viewer!, data, query));
    },
  }),

  approveTranche: t.prismaField({
    type: TrancheRef,
    args: { input: t.arg({ type: ApproveTrancheInput, required: true }) },
    authScopes: manager,
    errors: { types: [InputError, ConflictError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(trancheActionSchema, { trancheId: input.trancheId.id, idempotencyKey: key(input.idempotencyKey) });
      return inTransaction(ctx, (tx) => approveTranche(tx, ctx.viewer!, data, query));
    },
  }),

  markTranchePaid: t.prismaField({
    type: TrancheRef,
    args: { input: t.arg({ type: MarkTranchePaidInput, required: true }) },
    authScopes: manager,
    errors: { types: [InputError, ConflictError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(trancheActionSchema, { trancheId: input.trancheId.id, idempotencyKey: key(input.idempotencyKey) });
      return inTransaction(ctx, (tx) => markTranchePaid(tx, ctx.viewer!, data, query));
    },
  }),

  declareExpense: t.prismaField({
    type: ExpenseRef,
    args: { input: t.arg({ type: DeclareExpenseInput, required: true }) },
    authScopes: async (_root, { input }, ctx) => ({ officerOf: await grantOrganizationId(ctx.db, input.grantId.id) }),
    errors: { types: [InputError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(expenseDeclarationSchema, {
        ...input,
        grantId: input.grantId.id,
        receiptAttachmentId: input.receiptAttachmentId?.id ?? null,
        idempotencyKey: key(input.idempotencyKey),
      });
      return inTransaction(ctx, (tx) => declareExpense(tx, ctx.viewer!, data, query));
    },
  }),

  approveExpense: t.prismaField({
    type: ExpenseRef,
    args: { input: t.arg({ type: ApproveExpenseInput, required: true }) },
    authScopes: manager,
    errors: { types: [InputError, ConflictError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(expenseDecisionSchema, { expenseId: input.expenseId.id, idempotencyKey: key(input.idempotencyKey) });
      return inTransaction(ctx, (tx) => approveExpense(tx, ctx.viewer!, data, query));
    },
  }),

  rejectExpense: t.prismaField({
    type: ExpenseRef,
    args: { input: t.arg({ type: RejectExpenseInput, required: true }) },
    authScopes: manager,
    errors: { types: [InputError, ConflictError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(expenseRejectionSchema, { expenseId: input.expenseId.id, reason: input.reason ?? "", idempotencyKey: key(input.idempotencyKey) });
      return inTransaction(ctx, (tx) => rejectExpense(tx, ctx.viewer!, data, query));
    },
  }),

  submitReport: t.prismaField({
    type: ReportingDeadlineRef,
    args: { input: t.arg({ type: SubmitReportInput, required: true }) },
    authScopes: async (_root, { input }, ctx) => ({ officerOf: await deadlineOrganizationId(ctx.db, input.deadlineId.id) }),
    errors: { types: [InputError, ConflictError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(reportSubmissionSchema, { deadlineId: input.deadlineId.id, documentAttachmentId: input.documentAttachmentId?.id ?? null });
      return inTransaction(ctx, (tx) => submitReport(tx, ctx.viewer!, data, query));
    },
  }),

  acceptReport: t.prismaField({
    type: ReportingDeadlineRef,
    args: { input: t.arg({ type: AcceptReportInput, required: true }) },
    authScopes: manager,
    errors: { types: [InputError, ConflictError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(reportAcceptanceSchema, { deadlineId: input.deadlineId.id });
      return inTransaction(ctx, (tx) => acceptReport(tx, ctx.viewer!, data, query));
    },
  }),
}));
