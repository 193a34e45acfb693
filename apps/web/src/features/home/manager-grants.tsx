import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { rawId } from "../../ui/global-id.ts";
import { formatMoney } from "../grants/money.ts";
import { DashboardPart } from "./dashboard-section.tsx";
import { Flag } from "./flag.tsx";
import { GrantAlerts } from "./grant-alerts.tsx";
import type { ManagerDashboard } from "./operations.ts";

/** The grants portfolio in figures, and the grants with an alert or a decision waiting. */
export function ManagerGrants({ grants }: { grants: ManagerDashboard["grants"] }) {
  const intl = useIntl();
  const facts: [string, string][] = [
    [intl.formatMessage({ id: "dashboard.grants.count" }), intl.formatNumber(grants.grantCount)],
    [intl.formatMessage({ id: "dashboard.grants.cap" }), formatMoney(intl, grants.capCents)],
    [intl.formatMessage({ id: "grants.fact.approvedSpend" }), formatMoney(intl, grants.approvedSpendCents)],
    [intl.formatMessage({ id: "grants.fact.pendingSpend" }), formatMoney(intl, grants.pendingSpendCents)],
    [intl.formatMessage({ id: "grants.fact.remaining" }), formatMoney(intl, grants.remainingCents)],
  ];
  return (
    <DashboardPart title={intl.formatMessage({ id: "dashboard.grants.title" })} wide>
      <dl className="facts dashboard-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {grants.attention.length === 0 ? (
        <p className="dashboard-empty">
          <FormattedMessage id="dashboard.grants.allClear" />
        </p>
      ) : (
        <ul className="dashboard-list">
          {grants.attention.map((g) => (
            <li key={g.grantId}>
              <Link to={`/grants/${rawId(g.grantId)}`}>{intl.formatMessage({ id: "dashboard.grants.grantOf" }, { city: g.cityName ?? g.organizationName })}</Link>
              <GrantAlerts alerts={g.alerts} />
              {(g.budgetAwaitingApproval || g.pendingSpendCents > 0) && (
                <ul className="flag-list">
                  {g.budgetAwaitingApproval && (
                    <li>
                      <Flag tone="info">
                        <FormattedMessage id="dashboard.grants.budgetWaiting" />
                      </Flag>
                    </li>
                  )}
                  {g.pendingSpendCents > 0 && (
                    <li>
                      <Flag tone="info">{intl.formatMessage({ id: "dashboard.grants.expensesWaiting" }, { amount: formatMoney(intl, g.pendingSpendCents) })}</Flag>
                    </li>
                  )}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {grants.attentionCount > grants.attention.length && (
        <p>{intl.formatMessage({ id: "dashboard.grants.more" }, { count: grants.attentionCount - grants.attention.length })}</p>
      )}
      <p>
        <Link to="/grants">
          <FormattedMessage id="dashboard.grants.portfolioLink" />
        </Link>
      </p>
    </DashboardPart>
  );
}
