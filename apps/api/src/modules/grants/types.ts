import { BudgetStatus, CostCategory, ExpenseStatus, ReportKind, TrancheKind, TrancheStatus } from "@citypeer/db/client";
import { budgetLineFigures, grantFigures, isReportOverdue, type BudgetLineFigures, type GrantFigures } from "@citypeer/domain/grants";
import { builder } from "../../builder.ts";
import { visibleGrants } from "./access.ts";

export const CostCategoryEnum = builder.enumType(CostCategory, { name: "CostCategory" });
export const BudgetStatusEnum = builder.enumType(BudgetStatus, { name: "BudgetStatus" });
export const TrancheKindEnum = builder.enumType(TrancheKind, { name: "TrancheKind" });
export const TrancheStatusEnum = builder.enumType(TrancheStatus, { name: "TrancheStatus" });
export const ExpenseStatusEnum = builder.enumType(ExpenseStatus, { name: "ExpenseStatus" });
export const ReportKindEnum = builder.enumType(ReportKind, { name: "ReportKind" });

// The list fields and the computed figures load the same relations with the same ordering, so Pothos plans
// them into one query per relation (a different ordering would load the relation a second time).
const EXPENSE_ORDER = [{ spentOn: "desc" as const }, { createdAt: "desc" as const }, { id: "desc" as const }];
const TRANCHE_ORDER = [{ kind: "asc" as const }];
const DEADLINE_ORDER = [{ dueDate: "asc" as const }];

const lineSelect = { select: { category: true, plannedCents: true, approvedCents: true } } as const;
const expenseSelect = { select: { category: true, amountCents: true, status: true, spentOn: true }, orderBy: EXPENSE_ORDER };
const trancheSelect = { select: { kind: true, amountCents: true, status: true }, orderBy: TRANCHE_ORDER };
const deadlineSelect = { select: { kind: true, dueDate: true, submittedAt: true }, orderBy: DEADLINE_ORDER };

const BudgetLineFiguresRef = builder.objectRef<BudgetLineFigures>("BudgetLine").implement({
  description: "One cost category of a grant's budget with what was spent against it. Amounts in cents.",
  fields: (t) => ({
    category: t.field({ type: CostCategoryEnum, resolve: (l) => l.category }),
    plannedCents: t.exposeInt("plannedCents", { description: "The amount last proposed by the city." }),
    approvedCents: t.exposeInt("approvedCents", {
      nullable: true,
      description: "The amount last approved by a project manager (what spending is measured against); null before the first approval.",
    }),
    approvedSpendCents: t.exposeInt("approvedSpendCents"),
    pendingSpendCents: t.exposeInt("pendingSpendCents", { description: "Declared expenses waiting for a decision." }),
    remainingCents: t.exposeInt("remainingCents", { description: "Approved line − approved spend; negative when overspent." }),
    availableCents: t.exposeInt("availableCents", { description: "What the city may still spend: approved line − approved and pending spend." }),
    overrunCents: t.exposeInt("overrunCents"),
    isOverrun: t.exposeBoolean("isOverrun", { description: "Approved spend is more than 20% above the approved line." }),
  }),
});

export const GrantTotalsRef = builder.objectRef<GrantFigures>("GrantTotals").implement({
  description: "A grant's money at a glance. Amounts in cents.",
  fields: (t) => ({
    capCents: t.exposeInt("capCents"),
    committedCents: t.exposeInt("committedCents", { description: "Approved and paid tranches." }),
    paidCents: t.exposeInt("paidCents"),
    budgetPlannedCents: t.exposeInt("budgetPlannedCents"),
    budgetApprovedCents: t.exposeInt("budgetApprovedCents"),
    approvedSpendCents: t.exposeInt("approvedSpendCents"),
    pendingSpendCents: t.exposeInt("pendingSpendCents"),
    remainingCents: t.exposeInt("remainingCents", { description: "Cap − approved spend." }),
    availableCents: t.exposeInt("availableCents", { description: "Cap − approved and pending spend: what the city may still declare." }),
    burnRateCentsPerMonth: t.exposeInt("burnRateCentsPerMonth", { description: "Approved spend per month since the first approved expense." }),
    forecastEndBalanceCents: t.exposeInt("forecastEndBalanceCents", {
      description: "Cap − approved spend − burn rate × months left until the final report is due.",
    }),
    overdueReportCount: t.exposeInt("overdueReportCount"),
    overrunCategories: t.field({ type: [CostCategoryEnum], resolve: (f) => f.overrunCategories }),
  }),
});

/** Project managers see every grant, a city's officers their own; `node(id:)` applies the same filter. */
export const GrantRef = builder.prismaNode("Grant", {
  id: { field: "id" },
  authScopes: { signedIn: true },
  findUnique: (id, ctx) => ({ id, AND: [visibleGrants(ctx.viewer)] }),
  // a grant the viewer may not see is null in `node(id:)`, exactly like one that does not exist
  nullable: true,
  fields: (t) => ({
    capCents: t.exposeInt("capCents"),
    budgetStatus: t.expose("budgetStatus", { type: BudgetStatusEnum }),
    budgetApprovedAt: t.expose("budgetApprovedAt", { type: "DateTime", nullable: true }),
    committedCents: t.exposeInt("committedCents"),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    pilot: t.relation("pilot"),
    /** Every cost category, in a fixed order, with its spend and balance. */
    budgetLines: t.field({
      type: [BudgetLineFiguresRef],
      select: { budgetLines: lineSelect, expenses: expenseSelect },
      resolve: (g) => budgetLineFigures(g.budgetLines, g.expenses),
    }),
    tranches: t.relation("tranches", { query: { orderBy: TRANCHE_ORDER } }),
    /** Newest first. */
    expenses: t.relation("expenses", { query: { orderBy: EXPENSE_ORDER } }),
    deadlines: t.relation("deadlines", { query: { orderBy: DEADLINE_ORDER } }),
    totals: t.field({
      type: GrantTotalsRef,
      select: { capCents: true, budgetLines: lineSelect, tranches: trancheSelect, expenses: expenseSelect, deadlines: deadlineSelect },
      resolve: (g) => grantFigures({ ...g, lines: g.budgetLines }, new Date()),
    }),
  }),
});

export const TrancheRef = builder.prismaNode("Tranche", {
  id: { field: "id" },
  authScopes: { signedIn: true },
  findUnique: (id, ctx) => ({ id, grant: visibleGrants(ctx.viewer) }),
  nullable: true,
  fields: (t) => ({
    kind: t.expose("kind", { type: TrancheKindEnum }),
    amountCents: t.exposeInt("amountCents"),
    plannedDate: t.expose("plannedDate", { type: "Date" }),
    status: t.expose("status", { type: TrancheStatusEnum }),
    requestedAt: t.expose("requestedAt", { type: "DateTime", nullable: true }),
    approvedAt: t.expose("approvedAt", { type: "DateTime", nullable: true }),
    paidAt: t.expose("paidAt", { type: "DateTime", nullable: true }),
    grant: t.relation("grant"),
  }),
});

export const ExpenseRef = builder.prismaNode("Expense", {
  id: { field: "id" },
  authScopes: { signedIn: true },
  findUnique: (id, ctx) => ({ id, grant: visibleGrants(ctx.viewer) }),
  nullable: true,
  fields: (t) => ({
    category: t.expose("category", { type: CostCategoryEnum }),
    amountCents: t.exposeInt("amountCents"),
    spentOn: t.expose("spentOn", { type: "Date" }),
    description: t.exposeString("description"),
    supplier: t.exposeString("supplier"),
    status: t.expose("status", { type: ExpenseStatusEnum }),
    rejectionReason: t.exposeString("rejectionReason", { nullable: true }),
    receipt: t.relation("receipt", { nullable: true }),
    declaredBy: t.relation("declaredBy"),
    decidedBy: t.relation("decidedBy", { nullable: true }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    grant: t.relation("grant"),
  }),
});

export const ReportingDeadlineRef = builder.prismaNode("ReportingDeadline", {
  id: { field: "id" },
  authScopes: { signedIn: true },
  findUnique: (id, ctx) => ({ id, grant: visibleGrants(ctx.viewer) }),
  nullable: true,
  fields: (t) => ({
    kind: t.expose("kind", { type: ReportKindEnum }),
    dueDate: t.expose("dueDate", { type: "Date" }),
    submittedAt: t.expose("submittedAt", { type: "DateTime", nullable: true }),
    acceptedAt: t.expose("acceptedAt", { type: "DateTime", nullable: true }),
    reminderSentAt: t.expose("reminderSentAt", { type: "DateTime", nullable: true }),
    /** Not submitted and the due day has passed. */
    isOverdue: t.boolean({ resolve: (d) => isReportOverdue(d, new Date()) }),
    document: t.relation("document", { nullable: true }),
    grant: t.relation("grant"),
  }),
});
