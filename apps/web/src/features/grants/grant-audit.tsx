import { FormattedMessage, useIntl, type IntlShape } from "react-intl";
import { BUDGET_STATUSES, COST_CATEGORIES, EXPENSE_STATUSES, REPORT_KINDS, TRANCHE_KINDS, TRANCHE_STATUSES } from "@citypeer/domain/grants";
import { rawId } from "../../ui/global-id.ts";
import { AuditTrail } from "../audit/audit-trail.tsx";
import { budgetStatusLabel, categoryLabel, expenseStatusLabel, formatDay, reportKindLabel, trancheKindLabel, trancheStatusLabel } from "./labels.ts";
import { formatMoney } from "./money.ts";
import type { GrantData } from "./operations.ts";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const includes = <T extends string>(list: readonly T[], value: unknown): value is T => list.includes(value as T);

/** Audit values of a grant in words: amounts as money, statuses and categories by name, days as dates. */
function describeGrantValue(intl: IntlShape, key: string, value: unknown): string | undefined {
  if (key.endsWith("Cents") && typeof value === "number") return formatMoney(intl, value);
  if (key === "budgetStatus" && includes(BUDGET_STATUSES, value)) return budgetStatusLabel(intl, value);
  if (key === "category" && includes(COST_CATEGORIES, value)) return categoryLabel(intl, value);
  if (key === "kind" && includes(TRANCHE_KINDS, value)) return trancheKindLabel(intl, value);
  if (key === "kind" && includes(REPORT_KINDS, value)) return reportKindLabel(intl, value);
  if (key === "status" && includes(TRANCHE_STATUSES, value)) return trancheStatusLabel(intl, value);
  if (key === "status" && includes(EXPENSE_STATUSES, value)) return expenseStatusLabel(intl, value);
  if (typeof value === "string" && ISO_DAY.test(value)) return formatDay(intl, value);
  if (key === "receiptAttachmentId" || key === "documentAttachmentId") return intl.formatMessage({ id: "grants.audit.fileAttached" });
  if (key === "decidedById") return intl.formatMessage({ id: "grants.audit.recorded" });
  return undefined;
}

/**
 * Who did what on this grant. The API records each step on its own record (the grant, each tranche, each
 * expense, each report), so the panel shows one trail per record; project managers only.
 */
export function GrantAudit({ grant }: { grant: GrantData }) {
  const intl = useIntl();
  const format = (key: string, value: unknown) => describeGrantValue(intl, key, value);
  const trails: { key: string; type: string; id: string; title: string }[] = [
    { key: "grant", type: "Grant", id: grant.id, title: intl.formatMessage({ id: "grants.audit.grant" }) },
    ...grant.tranches.map((t) => ({ key: t.id, type: "Tranche", id: t.id, title: trancheKindLabel(intl, t.kind) })),
    ...grant.expenses.map((e) => ({ key: e.id, type: "Expense", id: e.id, title: intl.formatMessage({ id: "grants.audit.expense" }, { description: e.description }) })),
    ...grant.deadlines.map((d) => ({ key: d.id, type: "ReportingDeadline", id: d.id, title: reportKindLabel(intl, d.kind) })),
  ];
  return (
    <section aria-labelledby="audit-heading" className="grant-section">
      <h2 id="audit-heading">
        <FormattedMessage id="grants.audit.title" />
      </h2>
      {trails.map((trail) => (
        <section key={trail.key} aria-labelledby={`audit-${trail.key}`} className="audit-group">
          <h3 id={`audit-${trail.key}`}>
            <bdi>{trail.title}</bdi>
          </h3>
          <AuditTrail entityType={trail.type} entityId={rawId(trail.id)} formatValue={format} />
        </section>
      ))}
    </section>
  );
}
