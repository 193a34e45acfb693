import { z } from "zod";
import type { FieldIssue } from "./errors.ts";

// Pilot grants: a budget by cost category, tranches paid out against it, expenses declared by the city,
// and the interim and final reports. Money is always integer cents; nothing here rounds except the forecast.

/** Cap from the grant agreement: EUR 30,000 per pilot unless the agreement says otherwise. */
export const DEFAULT_GRANT_CAP_CENTS = 3_000_000;
/** Upper bound for any amount we accept (EUR 10 million): far above any pilot, well inside a 32-bit column. */
export const MAX_AMOUNT_CENTS = 1_000_000_000;
/** An approved budget line may be overspent by up to 20% before the category is flagged (grant agreement flexibility rule). */
export const OVERRUN_TOLERANCE_PERCENT = 20;
/** Reminders go out a week before a report is due. */
export const REMINDER_DAYS_AHEAD = 7;

export const COST_CATEGORIES = ["STAFF", "TRAVEL_SUBSISTENCE", "EQUIPMENT", "EXTERNAL_SERVICES", "CO_DESIGN_PARTICIPATION", "OTHER"] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];
export const BUDGET_STATUSES = ["NOT_PROPOSED", "PROPOSED", "APPROVED"] as const;
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];
export const TRANCHE_KINDS = ["PRE_FINANCING", "INTERIM", "FINAL_BALANCE"] as const;
export type TrancheKind = (typeof TRANCHE_KINDS)[number];
export const TRANCHE_STATUSES = ["PLANNED", "REQUESTED", "APPROVED", "PAID"] as const;
export type TrancheStatus = (typeof TRANCHE_STATUSES)[number];
export const EXPENSE_STATUSES = ["DECLARED", "APPROVED", "REJECTED"] as const;
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];
export const REPORT_KINDS = ["INTERIM_REPORT", "FINAL_REPORT"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

// ---------------------------------------------------------------------------------------------
// Plain data the rules read (what the database holds, without ids)
// ---------------------------------------------------------------------------------------------

export type BudgetLineAmounts = { category: CostCategory; plannedCents: number; approvedCents: number | null };
export type TrancheAmount = { kind: TrancheKind; amountCents: number; status: TrancheStatus };
export type ExpenseAmount = { category: CostCategory; amountCents: number; status: ExpenseStatus };
export type DatedExpense = ExpenseAmount & { spentOn: Date };
export type DeadlineDates = { kind: ReportKind; dueDate: Date; submittedAt: Date | null };

/** What the money rules of one grant look at. */
export interface GrantMoney {
  capCents: number;
  lines: readonly BudgetLineAmounts[];
  tranches: readonly TrancheAmount[];
  expenses: readonly ExpenseAmount[];
}

// ---------------------------------------------------------------------------------------------
// Zod schemas (the web forms use the same ones)
// ---------------------------------------------------------------------------------------------

const id = z.uuid();
const cents = z.number().int().min(0).max(MAX_AMOUNT_CENTS);
const positiveCents = z.number().int().min(1).max(MAX_AMOUNT_CENTS);
const isoDay = z.iso.date("Use a date like 2026-03-01");
const reason = z.string().trim().min(1).max(2000);
/** Sent by the client with a money change; a repeat with the same key has one effect. */
export const idempotencyKeySchema = z.string().trim().min(1).max(200);

export const budgetProposalSchema = z.object({
  grantId: id,
  lines: z.array(z.object({ category: z.enum(COST_CATEGORIES), plannedCents: cents })).max(COST_CATEGORIES.length),
  idempotencyKey: idempotencyKeySchema.optional(),
});
export type BudgetProposal = z.infer<typeof budgetProposalSchema>;

export const budgetDecisionSchema = z.object({ grantId: id, idempotencyKey: idempotencyKeySchema.optional() });
export const budgetRejectionSchema = z.object({ grantId: id, reason, idempotencyKey: idempotencyKeySchema.optional() });

export const grantCapSchema = z.object({ grantId: id, capCents: positiveCents, idempotencyKey: idempotencyKeySchema.optional() });
export type GrantCapChange = z.infer<typeof grantCapSchema>;

export const tranchePlanSchema = z.object({
  grantId: id,
  kind: z.enum(TRANCHE_KINDS),
  amountCents: positiveCents,
  plannedDate: isoDay,
  idempotencyKey: idempotencyKeySchema.optional(),
});
export type TranchePlan = z.infer<typeof tranchePlanSchema>;

export const trancheActionSchema = z.object({ trancheId: id, idempotencyKey: idempotencyKeySchema.optional() });

export const expenseDeclarationSchema = z.object({
  grantId: id,
  category: z.enum(COST_CATEGORIES),
  amountCents: positiveCents,
  spentOn: isoDay,
  description: z.string().trim().min(1).max(500),
  supplier: z.string().trim().min(1).max(200),
  receiptAttachmentId: id.nullish(),
  idempotencyKey: idempotencyKeySchema.optional(),
});
export type ExpenseDeclaration = z.infer<typeof expenseDeclarationSchema>;

export const expenseDecisionSchema = z.object({ expenseId: id, idempotencyKey: idempotencyKeySchema.optional() });
export const expenseRejectionSchema = z.object({ expenseId: id, reason, idempotencyKey: idempotencyKeySchema.optional() });

export const reportSubmissionSchema = z.object({ deadlineId: id, documentAttachmentId: id.nullish() });
export const reportAcceptanceSchema = z.object({ deadlineId: id });

// ---------------------------------------------------------------------------------------------
// Sums
// ---------------------------------------------------------------------------------------------

const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/** The budget's proposed (planned) and approved totals; lines never approved count 0 in the approved total. */
export function budgetTotals(lines: readonly BudgetLineAmounts[]): { plannedCents: number; approvedCents: number } {
  return { plannedCents: sum(lines.map((l) => l.plannedCents)), approvedCents: sum(lines.map((l) => l.approvedCents ?? 0)) };
}

/**
 * The value kept in `Grant.budgetTotalCents`: the larger of the proposed and the approved total, so the
 * database CHECK (`budgetTotalCents <= capCents`) guards both while a change waits for approval.
 */
export function budgetBackstopCents(lines: readonly BudgetLineAmounts[]): number {
  const t = budgetTotals(lines);
  return Math.max(t.plannedCents, t.approvedCents);
}

/** Money committed to the city: approved and paid tranches together (kept in `Grant.committedCents`). */
export function committedCents(tranches: readonly TrancheAmount[]): number {
  return sum(tranches.filter((t) => t.status === "APPROVED" || t.status === "PAID").map((t) => t.amountCents));
}

export function paidCents(tranches: readonly TrancheAmount[]): number {
  return sum(tranches.filter((t) => t.status === "PAID").map((t) => t.amountCents));
}

/** Approved spend counts against the grant; pending (declared, not yet decided) spend is reserved; rejected counts nowhere. */
export function spendTotals(expenses: readonly ExpenseAmount[]): { approvedCents: number; pendingCents: number } {
  return {
    approvedCents: sum(expenses.filter((e) => e.status === "APPROVED").map((e) => e.amountCents)),
    pendingCents: sum(expenses.filter((e) => e.status === "DECLARED").map((e) => e.amountCents)),
  };
}

// ---------------------------------------------------------------------------------------------
// Budget
// ---------------------------------------------------------------------------------------------

/** A proposal replaces the whole budget: categories it leaves out are planned at 0. */
export function proposedLines(current: readonly BudgetLineAmounts[], proposal: BudgetProposal["lines"]): BudgetLineAmounts[] {
  return COST_CATEGORIES.map((category) => ({
    category,
    plannedCents: proposal.find((p) => p.category === category)?.plannedCents ?? 0,
    approvedCents: current.find((l) => l.category === category)?.approvedCents ?? null,
  }));
}

/** Approval makes the proposal the measure of spending: approved = planned on every line. */
export function approvedLines(current: readonly BudgetLineAmounts[]): BudgetLineAmounts[] {
  return current.map((l) => ({ ...l, approvedCents: l.plannedCents }));
}

/**
 * A rejected proposal: a budget approved before goes back to its approved amounts (status APPROVED);
 * a first proposal stays as the city's draft (status NOT_PROPOSED).
 */
export function rejectedLines(current: readonly BudgetLineAmounts[]): { lines: BudgetLineAmounts[]; status: BudgetStatus } {
  const wasApproved = current.some((l) => l.approvedCents !== null);
  return wasApproved
    ? { lines: current.map((l) => ({ ...l, plannedCents: l.approvedCents ?? 0 })), status: "APPROVED" }
    : { lines: current.map((l) => ({ ...l })), status: "NOT_PROPOSED" };
}

/** Problems with a proposed budget: one line per category, and the total within the cap. */
export function budgetProposalIssues(capCents: number, proposal: BudgetProposal["lines"]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  proposal.forEach((line, i) => {
    if (seen.has(line.category)) {
      issues.push({ path: ["lines", String(i), "category"], code: "duplicate_category", message: "Each category appears once" });
    }
    seen.add(line.category);
  });
  const total = sum(proposal.map((l) => l.plannedCents));
  if (total > capCents) {
    issues.push({ path: ["lines"], code: "budget_over_cap", message: "The budget total is more than the grant cap" });
  }
  return issues;
}

/** Only a proposed budget can be approved or rejected. */
export function canDecideBudget(status: BudgetStatus): boolean {
  return status === "PROPOSED";
}

/** Approving re-checks the cap: the proposal must still fit (the cap may have changed since). */
export function budgetApprovalIssues(capCents: number, lines: readonly BudgetLineAmounts[]): FieldIssue[] {
  return budgetTotals(lines).plannedCents > capCents
    ? [{ path: ["grantId"], code: "budget_over_cap", message: "The budget total is more than the grant cap" }]
    : [];
}

// ---------------------------------------------------------------------------------------------
// Cap
// ---------------------------------------------------------------------------------------------

/** A new cap may never fall below money already committed, budgeted (proposed or approved) or spent. */
export function capChangeIssues(newCapCents: number, grant: GrantMoney): FieldIssue[] {
  const path = ["capCents"];
  const budget = budgetTotals(grant.lines);
  const issues: FieldIssue[] = [];
  if (newCapCents < committedCents(grant.tranches)) {
    issues.push({ path, code: "cap_below_committed", message: "The cap is lower than the tranches already approved or paid" });
  }
  if (newCapCents < Math.max(budget.plannedCents, budget.approvedCents)) {
    issues.push({ path, code: "cap_below_budget", message: "The cap is lower than the budget" });
  }
  if (newCapCents < spendTotals(grant.expenses).approvedCents) {
    issues.push({ path, code: "cap_below_approved_spend", message: "The cap is lower than the expenses already approved" });
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Tranches
// ---------------------------------------------------------------------------------------------

/** The life of a tranche, and who moves it: the city requests, a project manager approves and pays. */
export const TRANCHE_TRANSITIONS = {
  request: { from: "PLANNED", to: "REQUESTED", by: "officer" },
  approve: { from: "REQUESTED", to: "APPROVED", by: "manager" },
  pay: { from: "APPROVED", to: "PAID", by: "manager" },
} as const satisfies Record<string, { from: TrancheStatus; to: TrancheStatus; by: "officer" | "manager" }>;
export type TrancheAction = keyof typeof TRANCHE_TRANSITIONS;

export function canTransitionTranche(action: TrancheAction, status: TrancheStatus): boolean {
  return TRANCHE_TRANSITIONS[action].from === status;
}

/** A tranche is planned (or re-planned while still PLANNED); all planned tranches together stay within the cap. */
export function tranchePlanIssues(grant: GrantMoney, plan: { kind: TrancheKind; amountCents: number }): FieldIssue[] {
  const existing = grant.tranches.find((t) => t.kind === plan.kind);
  if (existing && existing.status !== "PLANNED") {
    return [{ path: ["kind"], code: "tranche_not_planned", message: "This tranche was already requested; it cannot be re-planned" }];
  }
  const others = sum(grant.tranches.filter((t) => t.kind !== plan.kind).map((t) => t.amountCents));
  return others + plan.amountCents > grant.capCents
    ? [{ path: ["amountCents"], code: "tranche_total_over_cap", message: "All tranches together would be more than the grant cap" }]
    : [];
}

/** Approved and paid tranches together can never exceed the cap. */
export function trancheApprovalIssues(grant: GrantMoney, tranche: { amountCents: number }): FieldIssue[] {
  return committedCents(grant.tranches) + tranche.amountCents > grant.capCents
    ? [{ path: ["trancheId"], code: "grant_cap_exceeded", message: "Approving this tranche would commit more than the grant cap" }]
    : [];
}

/** The final balance is paid only after the final report is accepted. */
export function tranchePaymentIssues(tranche: { kind: TrancheKind }, finalReportAccepted: boolean): FieldIssue[] {
  return tranche.kind === "FINAL_BALANCE" && !finalReportAccepted
    ? [{ path: ["trancheId"], code: "final_report_not_accepted", message: "The final balance is paid after the final report is accepted" }]
    : [];
}

// ---------------------------------------------------------------------------------------------
// Expenses
// ---------------------------------------------------------------------------------------------

/** Only a declared expense is decided, once. */
export function canDecideExpense(status: ExpenseStatus): boolean {
  return status === "DECLARED";
}

/**
 * A declaration must fit in what is left of the grant once pending declarations are counted
 * (cap − approved − pending spend), and cannot be dated in the future. Overrunning one category is
 * allowed, and flagged (see `isOverrun`).
 */
export function expenseDeclarationIssues(grant: GrantMoney, e: { amountCents: number; spentOn: string }, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (e.spentOn > today) issues.push({ path: ["spentOn"], code: "date_in_future", message: "An expense cannot be dated in the future" });
  if (e.amountCents > grantAvailableCents(grant)) {
    issues.push({ path: ["amountCents"], code: "over_grant_balance", message: "More than what is left of the grant" });
  }
  return issues;
}

/** Approved spend never exceeds the cap: the grant pays no more than its cap. */
export function expenseApprovalIssues(grant: GrantMoney, expense: { amountCents: number }): FieldIssue[] {
  return spendTotals(grant.expenses).approvedCents + expense.amountCents > grant.capCents
    ? [{ path: ["expenseId"], code: "grant_cap_exceeded", message: "Approving this expense would spend more than the grant cap" }]
    : [];
}

// ---------------------------------------------------------------------------------------------
// Balances
// ---------------------------------------------------------------------------------------------

/** What is left of the grant: cap − approved spend. */
export function grantRemainingCents(grant: GrantMoney): number {
  return grant.capCents - spendTotals(grant.expenses).approvedCents;
}

/** What the city may still declare: cap − approved − pending spend. */
export function grantAvailableCents(grant: GrantMoney): number {
  const spend = spendTotals(grant.expenses);
  return grant.capCents - spend.approvedCents - spend.pendingCents;
}

/**
 * A category is overrun when its approved spend is more than 20% above its approved line
 * (any spend on a line approved at 0, or never approved, is an overrun).
 */
export function isOverrun(approvedLineCents: number | null, approvedSpendCents: number): boolean {
  return approvedSpendCents * 100 > (approvedLineCents ?? 0) * (100 + OVERRUN_TOLERANCE_PERCENT);
}

export interface BudgetLineFigures {
  category: CostCategory;
  plannedCents: number;
  /** Null until a project manager first approves the budget. */
  approvedCents: number | null;
  approvedSpendCents: number;
  pendingSpendCents: number;
  /** Approved line − approved spend (negative when overspent). */
  remainingCents: number;
  /** What the city may still spend on the line: approved line − approved and pending spend. */
  availableCents: number;
  /** How much approved spend is above the approved line (0 when within it). */
  overrunCents: number;
  /** More than 20% above the approved line. */
  isOverrun: boolean;
}

/** One row per cost category, in the fixed category order; categories without a line count as planned 0. */
export function budgetLineFigures(lines: readonly BudgetLineAmounts[], expenses: readonly ExpenseAmount[]): BudgetLineFigures[] {
  return COST_CATEGORIES.map((category) => {
    const line = lines.find((l) => l.category === category);
    const spend = spendTotals(expenses.filter((e) => e.category === category));
    const approved = line?.approvedCents ?? null;
    const remainingCents = (approved ?? 0) - spend.approvedCents;
    return {
      category,
      plannedCents: line?.plannedCents ?? 0,
      approvedCents: approved,
      approvedSpendCents: spend.approvedCents,
      pendingSpendCents: spend.pendingCents,
      remainingCents,
      availableCents: remainingCents - spend.pendingCents,
      overrunCents: Math.max(0, -remainingCents),
      isOverrun: isOverrun(approved, spend.approvedCents),
    };
  });
}

export function overrunCategories(lines: readonly BudgetLineAmounts[], expenses: readonly ExpenseAmount[]): CostCategory[] {
  return budgetLineFigures(lines, expenses)
    .filter((l) => l.isOverrun)
    .map((l) => l.category);
}

// ---------------------------------------------------------------------------------------------
// Burn rate and forecast
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
/** An average calendar month (365.25 / 12 days). */
const MONTH_MS = 30.4375 * DAY_MS;

/** The calendar day (UTC) of a moment, as YYYY-MM-DD. */
export function isoDayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Midnight UTC of a YYYY-MM-DD day, as the database stores a DATE. */
export function dayStart(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00Z`);
}

/**
 * Approved spend per month since the first approved expense (at least one month, so a first receipt
 * does not read as a month's burn in a day). 0 before anything is approved.
 */
export function burnRateCentsPerMonth(expenses: readonly DatedExpense[], now: Date): number {
  const approved = expenses.filter((e) => e.status === "APPROVED");
  if (approved.length === 0) return 0;
  const first = Math.min(...approved.map((e) => e.spentOn.getTime()));
  // whole days: every view of the grant shows the same figure all day long
  const months = Math.max(1, (dayStart(isoDayOf(now)).getTime() - first) / MONTH_MS);
  return Math.round(sum(approved.map((e) => e.amountCents)) / months);
}

/** Whole and partial months from now until a date (0 once it has passed). */
export function monthsUntil(date: Date | null, now: Date): number {
  return date ? Math.max(0, (date.getTime() - dayStart(isoDayOf(now)).getTime()) / MONTH_MS) : 0;
}

/** Forecast balance at the end: cap − approved spend − burn rate × months left until the final report is due. */
export function forecastEndBalanceCents(grant: GrantMoney & { expenses: readonly DatedExpense[] }, finalReportDue: Date | null, now: Date): number {
  const burn = burnRateCentsPerMonth(grant.expenses, now);
  return grantRemainingCents(grant) - Math.round(burn * monthsUntil(finalReportDue, now));
}

// ---------------------------------------------------------------------------------------------
// Reports
// ---------------------------------------------------------------------------------------------

/** A report is overdue when it was not submitted and its due day has passed. */
export function isReportOverdue(deadline: { dueDate: Date; submittedAt: Date | null }, now: Date): boolean {
  return deadline.submittedAt === null && isoDayOf(deadline.dueDate) < isoDayOf(now);
}

/** The due days a reminder run looks at: from today to a week ahead, inclusive. */
export function reminderWindow(now: Date): { from: Date; to: Date } {
  const from = dayStart(isoDayOf(now));
  return { from, to: new Date(from.getTime() + REMINDER_DAYS_AHEAD * DAY_MS) };
}

/** A reminder is due once: the report is due within a week, not submitted, and not reminded yet. */
export function isReminderDue(deadline: { dueDate: Date; submittedAt: Date | null; reminderSentAt: Date | null }, now: Date): boolean {
  const { from, to } = reminderWindow(now);
  return deadline.submittedAt === null && deadline.reminderSentAt === null && deadline.dueDate >= from && deadline.dueDate <= to;
}

// ---------------------------------------------------------------------------------------------
// All figures of one grant
// ---------------------------------------------------------------------------------------------

export interface GrantFigures {
  capCents: number;
  committedCents: number;
  paidCents: number;
  budgetPlannedCents: number;
  budgetApprovedCents: number;
  approvedSpendCents: number;
  pendingSpendCents: number;
  /** Cap − approved spend. */
  remainingCents: number;
  /** Cap − approved − pending spend: what the city may still declare. */
  availableCents: number;
  burnRateCentsPerMonth: number;
  forecastEndBalanceCents: number;
  overdueReportCount: number;
  overrunCategories: CostCategory[];
}

/** The totals of a grant's views and of the portfolio, from its rows. */
export function grantFigures(
  grant: { capCents: number; lines: readonly BudgetLineAmounts[]; tranches: readonly TrancheAmount[]; expenses: readonly DatedExpense[]; deadlines: readonly DeadlineDates[] },
  now: Date,
): GrantFigures {
  const budget = budgetTotals(grant.lines);
  const spend = spendTotals(grant.expenses);
  const finalDue = grant.deadlines.find((d) => d.kind === "FINAL_REPORT")?.dueDate ?? null;
  return {
    capCents: grant.capCents,
    committedCents: committedCents(grant.tranches),
    paidCents: paidCents(grant.tranches),
    budgetPlannedCents: budget.plannedCents,
    budgetApprovedCents: budget.approvedCents,
    approvedSpendCents: spend.approvedCents,
    pendingSpendCents: spend.pendingCents,
    remainingCents: grant.capCents - spend.approvedCents,
    availableCents: grant.capCents - spend.approvedCents - spend.pendingCents,
    burnRateCentsPerMonth: burnRateCentsPerMonth(grant.expenses, now),
    forecastEndBalanceCents: forecastEndBalanceCents(grant, finalDue, now),
    overdueReportCount: grant.deadlines.filter((d) => isReportOverdue(d, now)).length,
    overrunCategories: overrunCategories(grant.lines, grant.expenses),
  };
}
