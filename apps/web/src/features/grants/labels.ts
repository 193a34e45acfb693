import type { IntlShape } from "react-intl";
import type { BudgetStatus, CostCategory, ExpenseStatus, ReportKind, TrancheKind, TrancheStatus } from "@citypeer/domain/grants";

export const categoryLabel = (intl: IntlShape, c: CostCategory) => intl.formatMessage({ id: `grants.category.${c}` });
export const budgetStatusLabel = (intl: IntlShape, s: BudgetStatus) => intl.formatMessage({ id: `grants.budgetStatus.${s}` });
export const trancheKindLabel = (intl: IntlShape, k: TrancheKind) => intl.formatMessage({ id: `grants.trancheKind.${k}` });
export const trancheStatusLabel = (intl: IntlShape, s: TrancheStatus) => intl.formatMessage({ id: `grants.trancheStatus.${s}` });
export const expenseStatusLabel = (intl: IntlShape, s: ExpenseStatus) => intl.formatMessage({ id: `grants.expenseStatus.${s}` });
export const reportKindLabel = (intl: IntlShape, k: ReportKind) => intl.formatMessage({ id: `grants.reportKind.${k}` });

/** A calendar day (YYYY-MM-DD, no time zone) as a date in the reader's language, without shifting a day. */
export function formatDay(intl: IntlShape, isoDay: string): string {
  return intl.formatDate(`${isoDay.slice(0, 10)}T00:00:00Z`, { dateStyle: "medium", timeZone: "UTC" });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The Grant global ID for a route parameter: paths (and notification links) carry the raw uuid. */
export const grantNodeId = (param: string) => (UUID.test(param) ? btoa(`Grant:${param}`) : param);
