import type { Tx } from "@citypeer/db";
import type { FieldIssue } from "@citypeer/domain/errors";
import {
  approvedLines,
  budgetApprovalIssues,
  budgetBackstopCents,
  budgetProposalIssues,
  canDecideBudget,
  canDecideExpense,
  canTransitionTranche,
  capChangeIssues,
  committedCents,
  dayStart,
  expenseApprovalIssues,
  expenseDeclarationIssues,
  isoDayOf,
  proposedLines,
  rejectedLines,
  trancheApprovalIssues,
  tranchePaymentIssues,
  tranchePlanIssues,
  type BudgetLineAmounts,
  type BudgetProposal,
  type ExpenseDeclaration,
  type GrantCapChange,
  type GrantMoney,
  type TranchePlan,
} from "@citypeer/domain/grants";
import type { Viewer } from "../../context.ts";
import { ConflictError, InputError, NotFoundError } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";
import { notify } from "../notifications/service.ts";
import { once } from "./idempotency.ts";

// Every money change: one transaction (the caller's), the grant row locked FOR UPDATE before anything is read
// that the decision depends on, the rule from @citypeer/domain checked, the write, the audit entry. The CHECK
// constraints on Grant are the backstop; a violation becomes an InputError, never a 500.

const GRANT = (id: string) => ({ type: "Grant", id });
const BUDGET_LINE = (id: string) => ({ type: "BudgetLine", id });
const TRANCHE = (id: string) => ({ type: "Tranche", id });
const EXPENSE = (id: string) => ({ type: "Expense", id });
const DEADLINE = (id: string) => ({ type: "ReportingDeadline", id });

type Query = object;

/** Locks the grant row and reads what the money rules look at. Concurrent changes of one grant queue here. */
async function lockGrant(tx: Tx, grantId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Grant" WHERE "id" = ${grantId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError("Grant");
  return tx.grant.findUniqueOrThrow({
    where: { id: grantId },
    include: {
      budgetLines: true,
      tranches: true,
      expenses: { select: { id: true, category: true, amountCents: true, status: true } },
      deadlines: true,
      pilot: { select: { organizationId: true } },
    },
  });
}
type LockedGrant = Awaited<ReturnType<typeof lockGrant>>;

const money = (g: LockedGrant): GrantMoney => ({ capCents: g.capCents, lines: g.budgetLines, tranches: g.tranches, expenses: g.expenses });

const grantSnapshot = (g: { capCents: number; budgetStatus: string; budgetTotalCents: number; committedCents: number; budgetApprovedAt: Date | null }) => ({
  capCents: g.capCents,
  budgetStatus: g.budgetStatus,
  budgetTotalCents: g.budgetTotalCents,
  committedCents: g.committedCents,
  budgetApprovedAt: g.budgetApprovedAt,
});
const trancheSnapshot = (t: { kind: string; amountCents: number; plannedDate: Date; status: string; requestedAt: Date | null; approvedAt: Date | null; paidAt: Date | null }) => ({
  kind: t.kind,
  amountCents: t.amountCents,
  plannedDate: isoDayOf(t.plannedDate),
  status: t.status,
  requestedAt: t.requestedAt,
  approvedAt: t.approvedAt,
  paidAt: t.paidAt,
});
const expenseSnapshot = (e: {
  category: string;
  amountCents: number;
  spentOn: Date;
  description: string;
  supplier: string;
  receiptAttachmentId: string | null;
  status: string;
  rejectionReason: string | null;
  decidedById: string | null;
  decidedAt: Date | null;
}) => ({
  category: e.category,
  amountCents: e.amountCents,
  spentOn: isoDayOf(e.spentOn),
  description: e.description,
  supplier: e.supplier,
  receiptAttachmentId: e.receiptAttachmentId,
  status: e.status,
  rejectionReason: e.rejectionReason,
  decidedById: e.decidedById,
  decidedAt: e.decidedAt,
});
const deadlineSnapshot = (d: { kind: string; dueDate: Date; submittedAt: Date | null; acceptedAt: Date | null; documentAttachmentId: string | null }) => ({
  kind: d.kind,
  dueDate: isoDayOf(d.dueDate),
  submittedAt: d.submittedAt,
  acceptedAt: d.acceptedAt,
  documentAttachmentId: d.documentAttachmentId,
});

/** The constraint a database CHECK violation names, or null for any other error. */
export function checkViolation(error: unknown): string | null {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { code?: string; originalCode?: string; message?: string; originalMessage?: string } } } })?.meta
    ?.driverAdapterError?.cause;
  if (!cause || (cause.code !== "23514" && cause.originalCode !== "23514")) return null;
  return /constraint "([^"]+)"/.exec(cause.originalMessage ?? cause.message ?? "")?.[1] ?? "";
}

/** Runs a write that the Grant CHECKs guard; a violation (the backstop caught what the rules missed) is an InputError on `path`. */
export async function withinCap<T>(path: string[], write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = checkViolation(error);
    if (constraint === null) throw error;
    if (constraint === "Grant_budget_within_cap_check") throw InputError.field(path, "budget_over_cap", "The budget total is more than the grant cap");
    throw InputError.field(path, "grant_cap_exceeded", "This change would go beyond the grant cap");
  }
}

function throwIssues(issues: FieldIssue[]) {
  if (issues.length > 0) throw new InputError(issues);
}

async function cityOfficerIds(tx: Tx, organizationId: string): Promise<string[]> {
  const officers = await tx.user.findMany({ where: { organizationId, roles: { has: "CITY_OFFICER" }, deactivatedAt: null }, select: { id: true } });
  return officers.map((o) => o.id);
}

const grantLink = (grantId: string) => `/grants/${grantId}`;

/** An attachment uploaded by someone of the city (a receipt, a report): anything else is "not found" for the form. */
async function assertCityAttachment(tx: Tx, attachmentId: string | null | undefined, organizationId: string, path: string) {
  if (!attachmentId) return;
  const own = await tx.attachment.count({ where: { id: attachmentId, uploadedBy: { organizationId } } });
  if (own === 0) throw InputError.field([path], "attachment_not_found", "Unknown attachment");
}

// ---------------------------------------------------------------------------------------------
// Cap
// ---------------------------------------------------------------------------------------------

/** A project manager sets the cap from the grant agreement; never below what is committed, budgeted or spent. */
export async function setGrantCap(tx: Tx, actor: Viewer, input: GrantCapChange, query: Query = {}) {
  const id = await once(tx, actor, input.idempotencyKey, { name: "setGrantCap", input: { grantId: input.grantId, capCents: input.capCents } }, async () => {
    const grant = await lockGrant(tx, input.grantId);
    throwIssues(capChangeIssues(input.capCents, money(grant)));
    if (grant.capCents === input.capCents) return grant.id;
    const updated = await withinCap(["capCents"], () => tx.grant.update({ where: { id: grant.id }, data: { capCents: input.capCents } }));
    await recordAudit(tx, actor, "grant.cap_changed", GRANT(grant.id), grantSnapshot(grant), grantSnapshot(updated));
    return grant.id;
  });
  return tx.grant.findUniqueOrThrow({ ...query, where: { id } });
}

// ---------------------------------------------------------------------------------------------
// Budget
// ---------------------------------------------------------------------------------------------

/**
 * Writes the budget lines that changed, one audit entry each. Every category gets a row on the first
 * proposal (planned 0 when left out), so an approved budget has an approved amount for every category.
 */
async function writeLines(tx: Tx, actor: Viewer, grant: LockedGrant, next: BudgetLineAmounts[], action: string) {
  for (const line of next) {
    const current = grant.budgetLines.find((l) => l.category === line.category);
    const before = current ? { category: current.category, plannedCents: current.plannedCents, approvedCents: current.approvedCents } : null;
    if (current && current.plannedCents === line.plannedCents && current.approvedCents === line.approvedCents) continue;
    const data = { plannedCents: line.plannedCents, approvedCents: line.approvedCents };
    const row = current
      ? await tx.budgetLine.update({ where: { id: current.id }, data })
      : await tx.budgetLine.create({ data: { grantId: grant.id, category: line.category, ...data } });
    const after = { category: row.category, plannedCents: row.plannedCents, approvedCents: row.approvedCents };
    // a category's empty row created alongside the first proposal changes nothing worth a log entry
    if (!before && line.plannedCents === 0 && line.approvedCents === null) continue;
    await recordAudit(tx, actor, action, BUDGET_LINE(row.id), before, after);
  }
}

/** The city proposes its budget by category (again after approval: back to PROPOSED, approved amounts kept). */
export async function proposeBudget(tx: Tx, actor: Viewer, input: BudgetProposal, query: Query = {}) {
  const id = await once(tx, actor, input.idempotencyKey, { name: "proposeBudget", input: { grantId: input.grantId, lines: input.lines } }, async () => {
    const grant = await lockGrant(tx, input.grantId);
    throwIssues(budgetProposalIssues(grant.capCents, input.lines));
    const next = proposedLines(grant.budgetLines, input.lines);
    await writeLines(tx, actor, grant, next, "budget_line.proposed");
    const updated = await withinCap(["lines"], () =>
      tx.grant.update({ where: { id: grant.id }, data: { budgetStatus: "PROPOSED", budgetTotalCents: budgetBackstopCents(next) } }),
    );
    await recordAudit(tx, actor, "budget.proposed", GRANT(grant.id), grantSnapshot(grant), grantSnapshot(updated));
    return grant.id;
  });
  return tx.grant.findUniqueOrThrow({ ...query, where: { id } });
}

/** A project manager approves the proposed budget: approved = planned on every line. */
export async function approveBudget(tx: Tx, actor: Viewer, input: { grantId: string; idempotencyKey?: string | undefined }, query: Query = {}) {
  const id = await once(tx, actor, input.idempotencyKey, { name: "approveBudget", input: { grantId: input.grantId } }, async () => {
    const grant = await lockGrant(tx, input.grantId);
    if (!canDecideBudget(grant.budgetStatus)) throw new ConflictError("budget_not_proposed", "Only a proposed budget can be approved");
    throwIssues(budgetApprovalIssues(grant.capCents, grant.budgetLines));
    const next = approvedLines(grant.budgetLines);
    await writeLines(tx, actor, grant, next, "budget_line.approved");
    const updated = await withinCap(["grantId"], () =>
      tx.grant.update({ where: { id: grant.id }, data: { budgetStatus: "APPROVED", budgetApprovedAt: new Date(), budgetTotalCents: budgetBackstopCents(next) } }),
    );
    await recordAudit(tx, actor, "budget.approved", GRANT(grant.id), grantSnapshot(grant), grantSnapshot(updated));
    await notify(tx, await cityOfficerIds(tx, grant.pilot.organizationId), "grant.budget_decided", { decision: "APPROVED" }, grantLink(grant.id));
    return grant.id;
  });
  return tx.grant.findUniqueOrThrow({ ...query, where: { id } });
}

/** A project manager rejects the proposal with a reason; an earlier approved budget stays in force. */
export async function rejectBudget(tx: Tx, actor: Viewer, input: { grantId: string; reason: string; idempotencyKey?: string | undefined }, query: Query = {}) {
  const id = await once(tx, actor, input.idempotencyKey, { name: "rejectBudget", input: { grantId: input.grantId, reason: input.reason } }, async () => {
    const grant = await lockGrant(tx, input.grantId);
    if (!canDecideBudget(grant.budgetStatus)) throw new ConflictError("budget_not_proposed", "Only a proposed budget can be rejected");
    const rejected = rejectedLines(grant.budgetLines);
    await writeLines(tx, actor, grant, rejected.lines, "budget_line.rejected");
    const updated = await withinCap(["grantId"], () =>
      tx.grant.update({ where: { id: grant.id }, data: { budgetStatus: rejected.status, budgetTotalCents: budgetBackstopCents(rejected.lines) } }),
    );
    await recordAudit(tx, actor, "budget.rejected", GRANT(grant.id), grantSnapshot(grant), { ...grantSnapshot(updated), reason: input.reason });
    await notify(tx, await cityOfficerIds(tx, grant.pilot.organizationId), "grant.budget_decided", { decision: "REJECTED", reason: input.reason }, grantLink(grant.id));
    return grant.id;
  });
  return tx.grant.findUniqueOrThrow({ ...query, where: { id } });
}

// ---------------------------------------------------------------------------------------------
// Tranches
// ---------------------------------------------------------------------------------------------

/** A project manager plans a tranche (amount, date) from the grant agreement; re-planning is possible until it is requested. */
export async function planTranche(tx: Tx, actor: Viewer, input: TranchePlan, query: Query = {}) {
  const { idempotencyKey, ...plan } = input;
  const id = await once(tx, actor, idempotencyKey, { name: "planTranche", input: plan }, async () => {
    const grant = await lockGrant(tx, plan.grantId);
    throwIssues(tranchePlanIssues(money(grant), plan));
    const current = grant.tranches.find((t) => t.kind === plan.kind);
    const data = { amountCents: plan.amountCents, plannedDate: dayStart(plan.plannedDate) };
    const tranche = current
      ? await tx.tranche.update({ where: { id: current.id }, data })
      : await tx.tranche.create({ data: { grantId: grant.id, kind: plan.kind, ...data } });
    await recordAudit(tx, actor, "tranche.planned", TRANCHE(tranche.id), current ? trancheSnapshot(current) : null, trancheSnapshot(tranche));
    return tranche.id;
  });
  return tx.tranche.findUniqueOrThrow({ ...query, where: { id } });
}

async function lockTranche(tx: Tx, trancheId: string) {
  const row = await tx.tranche.findUnique({ where: { id: trancheId }, select: { grantId: true } });
  if (!row) throw new NotFoundError("Tranche");
  const grant = await lockGrant(tx, row.grantId);
  return { grant, tranche: grant.tranches.find((t) => t.id === trancheId)! };
}

const TRANCHE_CONFLICT = {
  request: ["tranche_not_planned", "Only a planned tranche can be requested"],
  approve: ["tranche_not_requested", "Only a requested tranche can be approved"],
  pay: ["tranche_not_approved", "Only an approved tranche can be paid"],
} as const;

/** The city asks for a planned tranche. */
export async function requestTranche(tx: Tx, actor: Viewer, input: { trancheId: string; idempotencyKey?: string | undefined }, query: Query = {}) {
  const id = await once(tx, actor, input.idempotencyKey, { name: "requestTranche", input: { trancheId: input.trancheId } }, async () => {
    const { tranche } = await lockTranche(tx, input.trancheId);
    if (!canTransitionTranche("request", tranche.status)) throw new ConflictError(...TRANCHE_CONFLICT.request);
    const updated = await tx.tranche.update({ where: { id: tranche.id }, data: { status: "REQUESTED", requestedAt: new Date() } });
    await recordAudit(tx, actor, "tranche.requested", TRANCHE(tranche.id), trancheSnapshot(tranche), trancheSnapshot(updated));
    return tranche.id;
  });
  return tx.tranche.findUniqueOrThrow({ ...query, where: { id } });
}

/** A project manager approves a requested tranche: it is committed, and approved + paid tranches stay within the cap. */
export async function approveTranche(tx: Tx, actor: Viewer, input: { trancheId: string; idempotencyKey?: string | undefined }, query: Query = {}) {
  const id = await once(tx, actor, input.idempotencyKey, { name: "approveTranche", input: { trancheId: input.trancheId } }, async () => {
    const { grant, tranche } = await lockTranche(tx, input.trancheId);
    if (!canTransitionTranche("approve", tranche.status)) throw new ConflictError(...TRANCHE_CONFLICT.approve);
    throwIssues(trancheApprovalIssues(money(grant), tranche));
    const updated = await tx.tranche.update({ where: { id: tranche.id }, data: { status: "APPROVED", approvedAt: new Date() } });
    const committed = committedCents(grant.tranches.map((t) => (t.id === tranche.id ? updated : t)));
    const grantAfter = await withinCap(["trancheId"], () => tx.grant.update({ where: { id: grant.id }, data: { committedCents: committed } }));
    await recordAudit(tx, actor, "tranche.approved", TRANCHE(tranche.id), trancheSnapshot(tranche), trancheSnapshot(updated));
    await recordAudit(tx, actor, "grant.committed_changed", GRANT(grant.id), grantSnapshot(grant), grantSnapshot(grantAfter));
    return tranche.id;
  });
  return tx.tranche.findUniqueOrThrow({ ...query, where: { id } });
}

/** A project manager records the payment; the final balance only after the final report is accepted. */
export async function markTranchePaid(tx: Tx, actor: Viewer, input: { trancheId: string; idempotencyKey?: string | undefined }, query: Query = {}) {
  const id = await once(tx, actor, input.idempotencyKey, { name: "markTranchePaid", input: { trancheId: input.trancheId } }, async () => {
    const { grant, tranche } = await lockTranche(tx, input.trancheId);
    if (!canTransitionTranche("pay", tranche.status)) throw new ConflictError(...TRANCHE_CONFLICT.pay);
    const finalReportAccepted = grant.deadlines.some((d) => d.kind === "FINAL_REPORT" && d.acceptedAt !== null);
    throwIssues(tranchePaymentIssues(tranche, finalReportAccepted));
    const updated = await tx.tranche.update({ where: { id: tranche.id }, data: { status: "PAID", paidAt: new Date() } });
    await recordAudit(tx, actor, "tranche.paid", TRANCHE(tranche.id), trancheSnapshot(tranche), trancheSnapshot(updated));
    await notify(tx, await cityOfficerIds(tx, grant.pilot.organizationId), "grant.tranche_paid", { tranche: tranche.kind }, grantLink(grant.id));
    return tranche.id;
  });
  return tx.tranche.findUniqueOrThrow({ ...query, where: { id } });
}

// ---------------------------------------------------------------------------------------------
// Expenses
// ---------------------------------------------------------------------------------------------

/** The latest calendar day anywhere in Europe and beyond (UTC+14): "today" in the city is never refused as future. */
const latestToday = () => isoDayOf(new Date(Date.now() + 14 * 3_600_000));

/** The city declares an expense with its receipt; it waits for a project manager's decision. */
export async function declareExpense(tx: Tx, actor: Viewer, input: ExpenseDeclaration, query: Query = {}) {
  const { idempotencyKey, ...declaration } = input;
  const id = await once(tx, actor, idempotencyKey, { name: "declareExpense", input: declaration }, async () => {
    const grant = await lockGrant(tx, declaration.grantId);
    throwIssues(expenseDeclarationIssues(money(grant), declaration, latestToday()));
    await assertCityAttachment(tx, declaration.receiptAttachmentId, grant.pilot.organizationId, "receiptAttachmentId");
    const expense = await tx.expense.create({
      data: {
        grantId: grant.id,
        category: declaration.category,
        amountCents: declaration.amountCents,
        spentOn: dayStart(declaration.spentOn),
        description: declaration.description,
        supplier: declaration.supplier,
        receiptAttachmentId: declaration.receiptAttachmentId ?? null,
        declaredById: actor.id,
      },
    });
    await recordAudit(tx, actor, "expense.declared", EXPENSE(expense.id), null, expenseSnapshot(expense));
    return expense.id;
  });
  return tx.expense.findUniqueOrThrow({ ...query, where: { id } });
}

async function lockExpense(tx: Tx, expenseId: string) {
  const row = await tx.expense.findUnique({ where: { id: expenseId }, select: { grantId: true } });
  if (!row) throw new NotFoundError("Expense");
  const grant = await lockGrant(tx, row.grantId);
  // read again under the lock: a concurrent decision on the same expense has committed by now
  const expense = await tx.expense.findUniqueOrThrow({ where: { id: expenseId } });
  if (!canDecideExpense(expense.status)) throw new ConflictError("expense_already_decided", "This expense was already decided");
  return { grant, expense };
}

/** A project manager approves a declared expense; approved spend never passes the cap. */
export async function approveExpense(tx: Tx, actor: Viewer, input: { expenseId: string; idempotencyKey?: string | undefined }, query: Query = {}) {
  const id = await once(tx, actor, input.idempotencyKey, { name: "approveExpense", input: { expenseId: input.expenseId } }, async () => {
    const { grant, expense } = await lockExpense(tx, input.expenseId);
    throwIssues(expenseApprovalIssues(money(grant), expense));
    const updated = await tx.expense.update({ where: { id: expense.id }, data: { status: "APPROVED", decidedById: actor.id, decidedAt: new Date() } });
    await recordAudit(tx, actor, "expense.approved", EXPENSE(expense.id), expenseSnapshot(expense), expenseSnapshot(updated));
    await notify(tx, [expense.declaredById], "grant.expense_decided", { description: expense.description, decision: "APPROVED" }, grantLink(grant.id));
    return expense.id;
  });
  return tx.expense.findUniqueOrThrow({ ...query, where: { id } });
}

/** A project manager rejects a declared expense, always with a reason the city sees. */
export async function rejectExpense(tx: Tx, actor: Viewer, input: { expenseId: string; reason: string; idempotencyKey?: string | undefined }, query: Query = {}) {
  const id = await once(tx, actor, input.idempotencyKey, { name: "rejectExpense", input: { expenseId: input.expenseId, reason: input.reason } }, async () => {
    const { grant, expense } = await lockExpense(tx, input.expenseId);
    const updated = await tx.expense.update({
      where: { id: expense.id },
      data: { status: "REJECTED", rejectionReason: input.reason, decidedById: actor.id, decidedAt: new Date() },
    });
    await recordAudit(tx, actor, "expense.rejected", EXPENSE(expense.id), expenseSnapshot(expense), expenseSnapshot(updated));
    await notify(tx, [expense.declaredById], "grant.expense_decided", { description: expense.description, decision: "REJECTED", reason: input.reason }, grantLink(grant.id));
    return expense.id;
  });
  return tx.expense.findUniqueOrThrow({ ...query, where: { id } });
}

// ---------------------------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------------------------

async function lockDeadline(tx: Tx, deadlineId: string) {
  const row = await tx.reportingDeadline.findUnique({ where: { id: deadlineId }, select: { grantId: true } });
  if (!row) throw new NotFoundError("ReportingDeadline");
  // the same lock as the payments: accepting the final report and paying the final balance do not interleave
  const grant = await lockGrant(tx, row.grantId);
  return { grant, deadline: grant.deadlines.find((d) => d.id === deadlineId)! };
}

/** The city submits its interim or final report (again, until it is accepted), optionally with the document. */
export async function submitReport(tx: Tx, actor: Viewer, input: { deadlineId: string; documentAttachmentId?: string | null | undefined }, query: Query = {}) {
  const { grant, deadline } = await lockDeadline(tx, input.deadlineId);
  if (deadline.acceptedAt) throw new ConflictError("report_already_accepted", "This report was already accepted");
  await assertCityAttachment(tx, input.documentAttachmentId, grant.pilot.organizationId, "documentAttachmentId");
  const updated = await tx.reportingDeadline.update({
    where: { id: deadline.id },
    data: { submittedAt: new Date(), ...(input.documentAttachmentId ? { documentAttachmentId: input.documentAttachmentId } : {}) },
  });
  await recordAudit(tx, actor, "report.submitted", DEADLINE(deadline.id), deadlineSnapshot(deadline), deadlineSnapshot(updated));
  return tx.reportingDeadline.findUniqueOrThrow({ ...query, where: { id: deadline.id } });
}

/** A project manager accepts a submitted report (the final one unlocks the final balance). */
export async function acceptReport(tx: Tx, actor: Viewer, input: { deadlineId: string }, query: Query = {}) {
  const { deadline } = await lockDeadline(tx, input.deadlineId);
  if (!deadline.submittedAt) throw new ConflictError("report_not_submitted", "Only a submitted report can be accepted");
  if (deadline.acceptedAt) throw new ConflictError("report_already_accepted", "This report was already accepted");
  const updated = await tx.reportingDeadline.update({ where: { id: deadline.id }, data: { acceptedAt: new Date() } });
  await recordAudit(tx, actor, "report.accepted", DEADLINE(deadline.id), deadlineSnapshot(deadline), deadlineSnapshot(updated));
  return tx.reportingDeadline.findUniqueOrThrow({ ...query, where: { id: deadline.id } });
}

