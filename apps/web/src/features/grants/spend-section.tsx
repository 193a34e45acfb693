import { FormattedMessage, useIntl } from "react-intl";
import { formatMoney } from "./money.ts";
import type { GrantData } from "./operations.ts";
import { formatMonth, SpendChart } from "./spend-chart.tsx";
import { spendByMonth } from "./spend-over-time.ts";

/** Cumulative approved spend by month against a straight-line plan to the final report, as a chart and a table. */
export function SpendSection({ grant }: { grant: GrantData }) {
  const intl = useIntl();
  const finalDue = grant.deadlines.find((d) => d.kind === "FINAL_REPORT")?.dueDate ?? null;
  const budget = grant.totals.budgetApprovedCents || grant.totals.budgetPlannedCents || grant.capCents;
  const months = spendByMonth({
    budgetCents: budget,
    expenses: grant.expenses,
    startCandidates: [grant.budgetApprovedAt, ...grant.tranches.map((t) => t.plannedDate)],
    finalDue,
    today: new Date().toISOString().slice(0, 10),
  });

  return (
    <section aria-labelledby="spend-heading" className="grant-section">
      <h2 id="spend-heading">
        <FormattedMessage id="grants.spend.title" />
      </h2>
      <p id="spend-chart-title" className="field-hint">
        <FormattedMessage id="grants.spend.intro" values={{ budget: formatMoney(intl, budget) }} />
      </p>
      <SpendChart months={months} titleId="spend-chart-title" />
        <div className="table-scroll" role="region" aria-labelledby="spend-caption" tabIndex={0}>
          <table className="grant-table">
            <caption id="spend-caption">
              <FormattedMessage id="grants.spend.caption" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="grants.col.month" />
                </th>
                <th scope="col" className="num">
                  <FormattedMessage id="grants.col.plan" />
                </th>
                <th scope="col" className="num">
                  <FormattedMessage id="grants.col.actual" />
                </th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{formatMonth(intl, m.month)}</th>
                  <td className="num">{formatMoney(intl, m.plannedCents)}</td>
                  <td className="num">{m.actualCents === null ? "—" : formatMoney(intl, m.actualCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
    </section>
  );
}
