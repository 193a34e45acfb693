import type { ExpenseRow } from "./operations.ts";

export type SpendMonth = {
  /** YYYY-MM */
  month: string;
  /** Straight-line plan: the budget spread evenly from the start to the final report. */
  plannedCents: number;
  /** Approved spend up to the end of this month; null for months still to come. */
  actualCents: number | null;
};

const monthOf = (isoDay: string) => isoDay.slice(0, 7);
function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/**
 * Cumulative approved spend by month against a straight-line plan from the start month (0) to the
 * final report's month (the whole budget). The grant has no start date of its own, so the start is the
 * earliest of the budget approval, the first expense and the first tranche's planned date (else this month).
 */
export function spendByMonth(input: {
  budgetCents: number;
  expenses: readonly Pick<ExpenseRow, "spentOn" | "status" | "amountCents">[];
  startCandidates: readonly (string | null | undefined)[];
  finalDue: string | null;
  today: string;
}): SpendMonth[] {
  const starts = [...input.startCandidates, ...input.expenses.map((e) => e.spentOn)].filter((d): d is string => !!d).map(monthOf);
  const start = starts.reduce((a, b) => (b < a ? b : a), monthOf(input.today));
  const end = [monthOf(input.finalDue ?? input.today), monthOf(input.today)].reduce((a, b) => (b > a ? b : a));
  const months: string[] = [];
  for (let m = start; m <= end && months.length < 120; m = nextMonth(m)) months.push(m);
  const finalIndex = Math.max(1, months.indexOf(monthOf(input.finalDue ?? input.today)));
  const approved = input.expenses.filter((e) => e.status === "APPROVED");
  const current = monthOf(input.today);
  return months.map((month, i) => ({
    month,
    plannedCents: Math.round(input.budgetCents * Math.min(1, (i + 1) / (finalIndex + 1))),
    actualCents: month > current ? null : approved.filter((e) => monthOf(e.spentOn) <= month).reduce((s, e) => s + e.amountCents, 0),
  }));
}
