import { spreadsheetSafe } from "@citypeer/domain/spreadsheet";
import { stringify } from "csv-stringify/sync";
import type { Client } from "@citypeer/db";
import { grantFigures, type BudgetStatus, type GrantFigures } from "@citypeer/domain/grants";

export interface PortfolioRow extends GrantFigures {
  grantId: string;
  organizationName: string;
  cityName: string | null;
  pilotTitle: string;
  budgetStatus: BudgetStatus;
}

/**
 * One row per grant with its figures, for the project team. One query with its relations (a fixed number
 * of SQL statements however many grants and expenses there are); the figures come from the same domain
 * rules as each grant's own view, so the two always agree.
 */
export async function grantPortfolio(db: Client, now = new Date()): Promise<PortfolioRow[]> {
  const grants = await db.grant.findMany({
    orderBy: [{ pilot: { organization: { name: "asc" } } }, { id: "asc" }],
    select: {
      id: true,
      capCents: true,
      budgetStatus: true,
      pilot: { select: { title: true, organization: { select: { name: true, cityName: true } } } },
      budgetLines: { select: { category: true, plannedCents: true, approvedCents: true } },
      tranches: { select: { kind: true, amountCents: true, status: true } },
      expenses: { select: { category: true, amountCents: true, status: true, spentOn: true } },
      deadlines: { select: { kind: true, dueDate: true, submittedAt: true } },
    },
  });
  return grants.map((g) => ({
    grantId: g.id,
    organizationName: g.pilot.organization.name,
    cityName: g.pilot.organization.cityName,
    pilotTitle: g.pilot.title,
    budgetStatus: g.budgetStatus,
    ...grantFigures({ ...g, lines: g.budgetLines }, now),
  }));
}

/** The CSV columns, in order: amounts in integer cents like everywhere else (the reader formats them). */
export const PORTFOLIO_CSV_COLUMNS = [
  "city",
  "organization",
  "pilot",
  "budget_status",
  "cap_cents",
  "budget_planned_cents",
  "budget_approved_cents",
  "committed_cents",
  "paid_cents",
  "approved_spend_cents",
  "pending_spend_cents",
  "remaining_cents",
  "available_cents",
  "burn_rate_cents_per_month",
  "forecast_end_balance_cents",
  "overdue_reports",
  "overrun_categories",
] as const;

/** The portfolio as CSV with a BOM and CRLF line ends, so spreadsheet programs open it with the right encoding. */
export function portfolioCsv(rows: PortfolioRow[]): string {
  return stringify(
    rows.map((r) => [
      spreadsheetSafe(r.cityName ?? ""),
      spreadsheetSafe(r.organizationName),
      spreadsheetSafe(r.pilotTitle),
      r.budgetStatus,
      r.capCents,
      r.budgetPlannedCents,
      r.budgetApprovedCents,
      r.committedCents,
      r.paidCents,
      r.approvedSpendCents,
      r.pendingSpendCents,
      r.remainingCents,
      r.availableCents,
      r.burnRateCentsPerMonth,
      r.forecastEndBalanceCents,
      r.overdueReportCount,
      r.overrunCategories.join(";"),
    ]),
    { bom: true, header: true, columns: [...PORTFOLIO_CSV_COLUMNS], record_delimiter: "windows" },
  );
}
