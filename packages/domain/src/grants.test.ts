import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COST_CATEGORIES,
  DEFAULT_GRANT_CAP_CENTS,
  TRANCHE_KINDS,
  approvedLines,
  budgetApprovalIssues,
  budgetBackstopCents,
  budgetLineFigures,
  budgetProposalIssues,
  budgetProposalSchema,
  budgetTotals,
  burnRateCentsPerMonth,
  canDecideBudget,
  canDecideExpense,
  canTransitionTranche,
  capChangeIssues,
  committedCents,
  expenseApprovalIssues,
  expenseDeclarationIssues,
  expenseDeclarationSchema,
  expenseRejectionSchema,
  forecastEndBalanceCents,
  grantFigures,
  isOverrun,
  isReminderDue,
  isReportOverdue,
  paidCents,
  proposedLines,
  rejectedLines,
  reminderWindow,
  spendTotals,
  trancheApprovalIssues,
  tranchePaymentIssues,
  tranchePlanIssues,
  type BudgetLineAmounts,
  type BudgetStatus,
  type CostCategory,
  type DatedExpense,
  type GrantMoney,
  type TrancheAction,
  type TrancheAmount,
  type TrancheKind,
  type TrancheStatus,
} from "./grants.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const line = (category: CostCategory, plannedCents: number, approvedCents: number | null = plannedCents): BudgetLineAmounts => ({ category, plannedCents, approvedCents });
const expense = (category: CostCategory, amountCents: number, status: DatedExpense["status"], spentOn = "2026-01-15"): DatedExpense => ({
  category,
  amountCents,
  status,
  spentOn: day(spentOn),
});
const grant = (over: Partial<GrantMoney> = {}): GrantMoney => ({ capCents: DEFAULT_GRANT_CAP_CENTS, lines: [], tranches: [], expenses: [], ...over });
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe("budget", () => {
  it.each([
    ["a budget exactly at the cap", [{ category: "STAFF", plannedCents: 2_000_000 }, { category: "OTHER", plannedCents: 1_000_000 }], []],
    ["an empty budget", [], []],
    ["a budget one cent over the cap", [{ category: "STAFF", plannedCents: 2_000_000 }, { category: "OTHER", plannedCents: 1_000_001 }], ["budget_over_cap"]],
    ["a category twice", [{ category: "STAFF", plannedCents: 1 }, { category: "STAFF", plannedCents: 1 }], ["duplicate_category"]],
  ] as const)("%s", (_name, lines, expected) => {
    expect(codes(budgetProposalIssues(DEFAULT_GRANT_CAP_CENTS, [...lines]))).toEqual(expected);
  });

  it("names the duplicated line's category field and the lines for the total", () => {
    const issues = budgetProposalIssues(100, [{ category: "STAFF", plannedCents: 90 }, { category: "STAFF", plannedCents: 90 }]);
    expect(issues.map((i) => i.path)).toEqual([["lines", "1", "category"], ["lines"]]);
  });

  it("replaces the whole budget on a proposal, keeping the last approved amounts", () => {
    const lines = proposedLines([line("STAFF", 100, 100), line("OTHER", 50, 50)], [{ category: "STAFF", plannedCents: 120 }]);
    expect(lines).toHaveLength(COST_CATEGORIES.length);
    expect(lines.find((l) => l.category === "STAFF")).toEqual(line("STAFF", 120, 100));
    expect(lines.find((l) => l.category === "OTHER")).toEqual(line("OTHER", 0, 50));
    expect(lines.find((l) => l.category === "EQUIPMENT")).toEqual(line("EQUIPMENT", 0, null));
  });

  it("approves the planned amounts; a rejection goes back to the approved amounts, or keeps a first draft", () => {
    expect(approvedLines([line("STAFF", 120, 100)])).toEqual([line("STAFF", 120, 120)]);
    expect(rejectedLines([line("STAFF", 120, 100), line("OTHER", 5, null)])).toEqual({ lines: [line("STAFF", 100, 100), line("OTHER", 0, null)], status: "APPROVED" });
    expect(rejectedLines([line("STAFF", 120, null)])).toEqual({ lines: [line("STAFF", 120, null)], status: "NOT_PROPOSED" });
  });

  it.each([
    ["NOT_PROPOSED", false],
    ["PROPOSED", true],
    ["APPROVED", false],
  ] as const)("decides a %s budget: %s", (status, expected) => {
    expect(canDecideBudget(status)).toBe(expected);
  });

  it("keeps the larger of proposed and approved totals in the backstop column", () => {
    expect(budgetTotals([line("STAFF", 120, 100), line("OTHER", 10, null)])).toEqual({ plannedCents: 130, approvedCents: 100 });
    expect(budgetBackstopCents([line("STAFF", 50, 100)])).toBe(100);
    expect(budgetBackstopCents([line("STAFF", 150, 100)])).toBe(150);
    expect(codes(budgetApprovalIssues(100, [line("STAFF", 101, null)]))).toEqual(["budget_over_cap"]);
  });

  it("parses a proposal and refuses negative or fractional cents", () => {
    const grantId = "9b2f8a8e-6d4f-4d3a-9a57-0d7f0e6e2b11";
    expect(budgetProposalSchema.safeParse({ grantId, lines: [{ category: "STAFF", plannedCents: 10 }] }).success).toBe(true);
    expect(budgetProposalSchema.safeParse({ grantId, lines: [{ category: "STAFF", plannedCents: -1 }] }).success).toBe(false);
    expect(budgetProposalSchema.safeParse({ grantId, lines: [{ category: "STAFF", plannedCents: 1.5 }] }).success).toBe(false);
    expect(budgetProposalSchema.safeParse({ grantId, lines: [{ category: "FOOD", plannedCents: 1 }] }).success).toBe(false);
  });
});

describe("cap", () => {
  const g = grant({
    lines: [line("STAFF", 1_500_000, 1_000_000)],
    tranches: [{ kind: "PRE_FINANCING", amountCents: 1_200_000, status: "PAID" }, { kind: "INTERIM", amountCents: 900_000, status: "REQUESTED" }],
    expenses: [expense("STAFF", 1_300_000, "APPROVED"), expense("STAFF", 500_000, "DECLARED")],
  });
  it.each([
    [1_500_000, []],
    [3_000_000, []],
    [1_499_999, ["cap_below_budget"]],
    [1_250_000, ["cap_below_budget", "cap_below_approved_spend"]],
    [1_000_000, ["cap_below_committed", "cap_below_budget", "cap_below_approved_spend"]],
  ])("a cap of %i cents: %j", (cap, expected) => {
    expect(codes(capChangeIssues(cap, g))).toEqual(expected);
  });
});

describe("tranches", () => {
  const statuses: TrancheStatus[] = ["PLANNED", "REQUESTED", "APPROVED", "PAID"];
  it.each([
    ["request", "PLANNED"],
    ["approve", "REQUESTED"],
    ["pay", "APPROVED"],
  ] as const)("allows %s only from %s", (action, from) => {
    for (const status of statuses) expect(canTransitionTranche(action, status)).toBe(status === from);
  });

  it("counts approved and paid tranches as committed", () => {
    const tranches: TrancheAmount[] = [
      { kind: "PRE_FINANCING", amountCents: 100, status: "PAID" },
      { kind: "INTERIM", amountCents: 200, status: "APPROVED" },
      { kind: "FINAL_BALANCE", amountCents: 400, status: "REQUESTED" },
    ];
    expect(committedCents(tranches)).toBe(300);
    expect(paidCents(tranches)).toBe(100);
  });

  it.each([
    ["up to the cap", 1_000_000, 2_000_000, []],
    ["one cent over the cap", 1_000_000, 2_000_001, ["grant_cap_exceeded"]],
    ["nothing committed yet", 0, 3_000_000, []],
  ])("approval with %s", (_name, committed, amount, expected) => {
    const g = grant({ tranches: committed ? [{ kind: "PRE_FINANCING", amountCents: committed, status: "APPROVED" }] : [] });
    expect(codes(trancheApprovalIssues(g, { amountCents: amount }))).toEqual(expected);
  });

  it.each([
    ["PRE_FINANCING", false, []],
    ["INTERIM", false, []],
    ["FINAL_BALANCE", false, ["final_report_not_accepted"]],
    ["FINAL_BALANCE", true, []],
  ] as const)("pays %s (final report accepted: %s)", (kind, accepted, expected) => {
    expect(codes(tranchePaymentIssues({ kind }, accepted))).toEqual(expected);
  });

  it("plans tranches within the cap and only while still planned", () => {
    const g = grant({ tranches: [{ kind: "PRE_FINANCING", amountCents: 2_000_000, status: "PLANNED" }] });
    expect(tranchePlanIssues(g, { kind: "INTERIM", amountCents: 1_000_000 })).toEqual([]);
    expect(codes(tranchePlanIssues(g, { kind: "INTERIM", amountCents: 1_000_001 }))).toEqual(["tranche_total_over_cap"]);
    expect(tranchePlanIssues(g, { kind: "PRE_FINANCING", amountCents: 3_000_000 })).toEqual([]); // re-planning replaces
    const requested = grant({ tranches: [{ kind: "PRE_FINANCING", amountCents: 1, status: "REQUESTED" }] });
    expect(codes(tranchePlanIssues(requested, { kind: "PRE_FINANCING", amountCents: 1 }))).toEqual(["tranche_not_planned"]);
  });
});

describe("expenses", () => {
  const g = grant({ capCents: 1_000, expenses: [expense("STAFF", 500, "APPROVED"), expense("STAFF", 300, "DECLARED"), expense("STAFF", 900, "REJECTED")] });

  it("counts approved and pending spend, never rejected", () => {
    expect(spendTotals(g.expenses)).toEqual({ approvedCents: 500, pendingCents: 300 });
  });

  it.each([
    ["what is left after pending spend", 200, "2026-01-01", []],
    ["one cent more", 201, "2026-01-01", ["over_grant_balance"]],
    ["a date in the future", 10, "2026-01-03", ["date_in_future"]],
    ["today", 10, "2026-01-02", []],
  ])("declares %s", (_name, amountCents, spentOn, expected) => {
    expect(codes(expenseDeclarationIssues(g, { amountCents, spentOn }, "2026-01-02"))).toEqual(expected);
  });

  it.each([
    [500, []],
    [501, ["grant_cap_exceeded"]],
  ])("approves %i cents when 500 are approved of 1000: %j", (amountCents, expected) => {
    expect(codes(expenseApprovalIssues(g, { amountCents }))).toEqual(expected);
  });

  it.each([
    ["DECLARED", true],
    ["APPROVED", false],
    ["REJECTED", false],
  ] as const)("decides a %s expense: %s", (status, expected) => {
    expect(canDecideExpense(status)).toBe(expected);
  });

  it("needs a reason to reject and a real date to declare", () => {
    const expenseId = "9b2f8a8e-6d4f-4d3a-9a57-0d7f0e6e2b11";
    expect(expenseRejectionSchema.safeParse({ expenseId, reason: "   " }).error?.issues[0]?.path).toEqual(["reason"]);
    const declaration = { grantId: expenseId, category: "STAFF", amountCents: 1, description: "x", supplier: "y" };
    expect(expenseDeclarationSchema.safeParse({ ...declaration, spentOn: "2026-02-30" }).success).toBe(false);
    expect(expenseDeclarationSchema.safeParse({ ...declaration, spentOn: "2026-02-28" }).success).toBe(true);
  });
});

describe("balances and overruns", () => {
  it.each([
    ["within the line", 1_000, 900, false],
    ["20% over (tolerated)", 1_000, 1_200, false],
    ["one cent beyond 20% over", 1_000, 1_201, true],
    ["any spend on a line approved at 0", 0, 1, true],
    ["any spend on a line never approved", null, 1, true],
    ["no spend on a line never approved", null, 0, false],
  ])("%s", (_name, approved, spend, expected) => {
    expect(isOverrun(approved, spend)).toBe(expected);
  });

  it("gives every category its planned, approved, spent, remaining and available amounts", () => {
    const lines = [line("STAFF", 1_200, 1_000), line("TRAVEL_SUBSISTENCE", 500, 500)];
    const expenses = [
      expense("STAFF", 1_100, "APPROVED"),
      expense("STAFF", 150, "APPROVED"),
      expense("STAFF", 100, "DECLARED"),
      expense("TRAVEL_SUBSISTENCE", 200, "DECLARED"),
      expense("TRAVEL_SUBSISTENCE", 300, "REJECTED"),
    ];
    const figures = budgetLineFigures(lines, expenses);
    expect(figures.map((f) => f.category)).toEqual([...COST_CATEGORIES]);
    expect(figures[0]).toEqual({
      category: "STAFF",
      plannedCents: 1_200,
      approvedCents: 1_000,
      approvedSpendCents: 1_250,
      pendingSpendCents: 100,
      remainingCents: -250,
      availableCents: -350,
      overrunCents: 250,
      isOverrun: true,
    });
    expect(figures[1]).toMatchObject({ approvedSpendCents: 0, pendingSpendCents: 200, remainingCents: 500, availableCents: 300, overrunCents: 0, isOverrun: false });
    expect(figures[2]).toMatchObject({ category: "EQUIPMENT", plannedCents: 0, approvedCents: null, remainingCents: 0, isOverrun: false });
  });

  it("burns approved spend per month since the first approved expense, at least one month", () => {
    const now = day("2026-07-01");
    expect(burnRateCentsPerMonth([], now)).toBe(0);
    expect(burnRateCentsPerMonth([expense("STAFF", 600_000, "APPROVED", "2026-06-25")], now)).toBe(600_000);
    // 2026-01-01 .. 2026-07-01 is 181 days = 5.9466 months
    expect(burnRateCentsPerMonth([expense("STAFF", 600_000, "APPROVED", "2026-01-01"), expense("STAFF", 999_999, "DECLARED", "2025-01-01")], now)).toBe(100_898);
  });

  it("forecasts the end balance from the burn rate and the months until the final report", () => {
    const now = day("2026-07-01");
    const g = { ...grant({ capCents: 3_000_000 }), expenses: [expense("STAFF", 600_000, "APPROVED", "2026-01-01")] };
    // 3,000,000 − 600,000 − 100,898 × (184 days / 30.4375) = 2,400,000 − 609,946
    expect(forecastEndBalanceCents(g, day("2027-01-01"), now)).toBe(1_790_054);
    expect(forecastEndBalanceCents(g, day("2026-01-01"), now)).toBe(2_400_000); // past due: nothing more to burn
    expect(forecastEndBalanceCents(g, null, now)).toBe(2_400_000);
  });
});

describe("reports", () => {
  const now = new Date("2026-05-10T15:00:00Z");
  it.each([
    ["due yesterday, not submitted", "2026-05-09", null, true],
    ["due today, not submitted", "2026-05-10", null, false],
    ["due yesterday, submitted", "2026-05-09", new Date("2026-05-09T10:00:00Z"), false],
  ])("%s: overdue %s", (_name, due, submittedAt, expected) => {
    expect(isReportOverdue({ dueDate: day(due), submittedAt }, now)).toBe(expected);
  });

  it.each([
    ["due today", "2026-05-10", null, null, true],
    ["due in exactly a week", "2026-05-17", null, null, true],
    ["due in eight days", "2026-05-18", null, null, false],
    ["already past", "2026-05-09", null, null, false],
    ["already submitted", "2026-05-12", new Date(), null, false],
    ["already reminded", "2026-05-12", null, new Date(), false],
  ])("reminds of a report %s: %s", (_name, due, submittedAt, reminderSentAt, expected) => {
    expect(isReminderDue({ dueDate: day(due), submittedAt, reminderSentAt }, now)).toBe(expected);
  });

  it("looks at the due days from today to a week ahead", () => {
    expect(reminderWindow(now)).toEqual({ from: day("2026-05-10"), to: day("2026-05-17") });
  });
});

// ---------------------------------------------------------------------------------------------
// Property: random sequences of money operations, each applied only when the rules allow it,
// never break the invariants. The model applies changes the way the service does.
// ---------------------------------------------------------------------------------------------

type Model = {
  capCents: number;
  budgetStatus: BudgetStatus;
  lines: BudgetLineAmounts[];
  tranches: TrancheAmount[];
  expenses: DatedExpense[];
  finalReportAccepted: boolean;
  finalBalancePaidBeforeAcceptance: boolean;
};

type Op =
  | { op: "propose"; lines: { category: CostCategory; plannedCents: number }[] }
  | { op: "approveBudget" }
  | { op: "rejectBudget" }
  | { op: "setCap"; capCents: number }
  | { op: "planTranche"; kind: TrancheKind; amountCents: number }
  | { op: "tranche"; action: TrancheAction; kind: TrancheKind }
  /** The next step of a tranche's life, whatever it is (random actions rarely line up). */
  | { op: "advance"; kind: TrancheKind }
  | { op: "acceptFinalReport" }
  | { op: "declare"; category: CostCategory; amountCents: number }
  | { op: "decide"; index: number; approve: boolean };

const TODAY = "2026-06-01";
const NOW = new Date(`${TODAY}T12:00:00Z`);

function apply(m: Model, o: Op): Model {
  switch (o.op) {
    case "propose":
      if (budgetProposalIssues(m.capCents, o.lines).length) return m;
      return { ...m, lines: proposedLines(m.lines, o.lines), budgetStatus: "PROPOSED" };
    case "approveBudget":
      if (!canDecideBudget(m.budgetStatus) || budgetApprovalIssues(m.capCents, m.lines).length) return m;
      return { ...m, lines: approvedLines(m.lines), budgetStatus: "APPROVED" };
    case "rejectBudget": {
      if (!canDecideBudget(m.budgetStatus)) return m;
      const rejected = rejectedLines(m.lines);
      return { ...m, lines: rejected.lines, budgetStatus: rejected.status };
    }
    case "setCap":
      return capChangeIssues(o.capCents, m).length ? m : { ...m, capCents: o.capCents };
    case "planTranche": {
      if (tranchePlanIssues(m, o).length) return m;
      const others = m.tranches.filter((t) => t.kind !== o.kind);
      return { ...m, tranches: [...others, { kind: o.kind, amountCents: o.amountCents, status: "PLANNED" }] };
    }
    case "advance": {
      const status = m.tranches.find((x) => x.kind === o.kind)?.status;
      const action = ({ PLANNED: "request", REQUESTED: "approve", APPROVED: "pay" } as const)[status as "PLANNED"];
      return action ? apply(m, { op: "tranche", action, kind: o.kind }) : m;
    }
    case "tranche": {
      const t = m.tranches.find((x) => x.kind === o.kind);
      if (!t || !canTransitionTranche(o.action, t.status)) return m;
      if (o.action === "approve" && trancheApprovalIssues(m, t).length) return m;
      if (o.action === "pay" && tranchePaymentIssues(t, m.finalReportAccepted).length) return m;
      const next = { request: "REQUESTED", approve: "APPROVED", pay: "PAID" } as const;
      return {
        ...m,
        tranches: m.tranches.map((x) => (x === t ? { ...x, status: next[o.action] } : x)),
        finalBalancePaidBeforeAcceptance: m.finalBalancePaidBeforeAcceptance || (o.action === "pay" && t.kind === "FINAL_BALANCE" && !m.finalReportAccepted),
      };
    }
    case "acceptFinalReport":
      return { ...m, finalReportAccepted: true };
    case "declare": {
      const e = { category: o.category, amountCents: o.amountCents, spentOn: TODAY };
      if (expenseDeclarationIssues(m, e, TODAY).length) return m;
      return { ...m, expenses: [expense(o.category, o.amountCents, "DECLARED", "2026-01-10"), ...m.expenses] };
    }
    case "decide": {
      const e = m.expenses[o.index % Math.max(1, m.expenses.length)];
      if (!e || !canDecideExpense(e.status)) return m;
      if (o.approve && expenseApprovalIssues(m, e).length) return m;
      return { ...m, expenses: m.expenses.map((x) => (x === e ? { ...x, status: o.approve ? "APPROVED" : "REJECTED" } : x)) };
    }
  }
}

function invariantsHold(m: Model): void {
  const budget = budgetTotals(m.lines);
  const spend = spendTotals(m.expenses);
  const figures = grantFigures({ ...m, deadlines: [{ kind: "FINAL_REPORT", dueDate: day("2027-01-01"), submittedAt: null }] }, NOW);
  const lines = budgetLineFigures(m.lines, m.expenses);

  expect(m.capCents).toBeGreaterThan(0);
  expect(committedCents(m.tranches)).toBeLessThanOrEqual(m.capCents);
  expect(paidCents(m.tranches)).toBeLessThanOrEqual(committedCents(m.tranches));
  expect(budget.plannedCents).toBeLessThanOrEqual(m.capCents);
  expect(budget.approvedCents).toBeLessThanOrEqual(m.capCents);
  expect(budgetBackstopCents(m.lines)).toBeLessThanOrEqual(m.capCents);
  expect(spend.approvedCents).toBeLessThanOrEqual(m.capCents);
  expect(figures.remainingCents).toBe(m.capCents - spend.approvedCents);
  expect(figures.availableCents).toBe(m.capCents - spend.approvedCents - spend.pendingCents);
  expect(figures.forecastEndBalanceCents).toBeLessThanOrEqual(figures.remainingCents);
  expect(lines.reduce((s, l) => s + l.approvedSpendCents, 0)).toBe(spend.approvedCents);
  expect(lines.reduce((s, l) => s + l.pendingSpendCents, 0)).toBe(spend.pendingCents);
  expect(lines.every((l) => l.remainingCents === (l.approvedCents ?? 0) - l.approvedSpendCents)).toBe(true);
  expect(lines.every((l) => l.overrunCents >= 0 && l.isOverrun === isOverrun(l.approvedCents, l.approvedSpendCents))).toBe(true);
  expect(m.finalBalancePaidBeforeAcceptance).toBe(false);
  // a budget that was approved once keeps approved amounts on every line
  if (m.budgetStatus === "APPROVED") expect(m.lines.every((l) => l.approvedCents !== null)).toBe(true);
}

const category = fc.constantFrom(...COST_CATEGORIES);
const kind = fc.constantFrom(...TRANCHE_KINDS);
const amount = fc.integer({ min: 1, max: 2_000_000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant("propose" as const), lines: fc.uniqueArray(fc.record({ category, plannedCents: fc.integer({ min: 0, max: 1_000_000 }) }), { selector: (l) => l.category, maxLength: 6 }) }),
  fc.constant({ op: "approveBudget" as const }),
  fc.constant({ op: "rejectBudget" as const }),
  fc.record({ op: fc.constant("setCap" as const), capCents: fc.integer({ min: 1, max: 5_000_000 }) }),
  { arbitrary: fc.record({ op: fc.constant("planTranche" as const), kind, amountCents: amount }), weight: 2 },
  fc.record({ op: fc.constant("tranche" as const), action: fc.constantFrom<TrancheAction>("request", "approve", "pay"), kind }),
  { arbitrary: fc.record({ op: fc.constant("advance" as const), kind }), weight: 4 },
  fc.constant({ op: "acceptFinalReport" as const }),
  { arbitrary: fc.record({ op: fc.constant("declare" as const), category, amountCents: fc.integer({ min: 1, max: 1_000_000 }) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant("decide" as const), index: fc.nat(30), approve: fc.boolean() }), weight: 3 },
);

describe("money invariants (property)", () => {
  it("hold after any sequence of allowed operations", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000, max: 5_000_000 }), fc.array(op, { minLength: 10, maxLength: 80, size: "max" }), (capCents, ops) => {
        let m: Model = { capCents, budgetStatus: "NOT_PROPOSED", lines: [], tranches: [], expenses: [], finalReportAccepted: false, finalBalancePaidBeforeAcceptance: false };
        invariantsHold(m);
        for (const o of ops) {
          m = apply(m, o);
          invariantsHold(m);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("never lets two approvals pass the cap together, whatever their order", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3_000_000 }), fc.array(amount, { minLength: 2, maxLength: 10 }), (capCents, amounts) => {
        let g: GrantMoney = { ...grant({ capCents }), expenses: amounts.map((a) => expense("STAFF", a, "DECLARED")) };
        for (const e of g.expenses) {
          if (expenseApprovalIssues(g, e).length === 0) g = { ...g, expenses: g.expenses.map((x) => (x === e ? { ...x, status: "APPROVED" as const } : x)) };
        }
        expect(spendTotals(g.expenses).approvedCents).toBeLessThanOrEqual(capCents);
      }),
    );
  });
});
