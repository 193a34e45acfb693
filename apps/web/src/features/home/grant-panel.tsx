import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { rawId } from "../../ui/global-id.ts";
import { formatMoney } from "../grants/money.ts";
import { DashboardPart } from "./dashboard-section.tsx";
import { GrantAlerts } from "./grant-alerts.tsx";
import type { OfficerDashboard } from "./operations.ts";

type Grant = NonNullable<OfficerDashboard["grant"]>;

/** The city's grant: what is left of it, what may still be declared, and its alerts. */
export function GrantPanel({ grant }: { grant: Grant | null }) {
  const intl = useIntl();
  const title = intl.formatMessage({ id: "dashboard.grant.title" });
  if (!grant)
    return (
      <DashboardPart title={title}>
        <p className="dashboard-empty">
          <FormattedMessage id="dashboard.grant.none" />
        </p>
      </DashboardPart>
    );
  const t = grant.totals;
  return (
    <DashboardPart title={title}>
      <p className="dashboard-figure">
        <span className="dashboard-figure-label">
          <FormattedMessage id="dashboard.grant.remaining" />
        </span>
        <span className="dashboard-figure-value">{formatMoney(intl, t.remainingCents)}</span>
        <span className="muted">{intl.formatMessage({ id: "dashboard.grant.ofCap" }, { cap: formatMoney(intl, t.capCents) })}</span>
      </p>
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage id="grants.fact.available" />
          </dt>
          <dd>{formatMoney(intl, t.availableCents)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="grants.fact.pendingSpend" />
          </dt>
          <dd>{formatMoney(intl, t.pendingSpendCents)}</dd>
        </div>
      </dl>
      <GrantAlerts alerts={grant.alerts} />
      <p>
        <Link to={`/grants/${rawId(grant.grantId)}`}>
          <FormattedMessage id="dashboard.grant.link" />
        </Link>
      </p>
    </DashboardPart>
  );
}
