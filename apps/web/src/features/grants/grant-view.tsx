import { useState, type ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useQuery } from "@apollo/client/react";
import type { MessageId } from "../../app/i18n.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { useViewer } from "../identity/use-viewer.ts";
import { BudgetSection } from "./budget-section.tsx";
import { DeadlinesSection } from "./deadlines-section.tsx";
import { ExpensesSection } from "./expenses-section.tsx";
import { GrantAudit } from "./grant-audit.tsx";
import { budgetStatusLabel } from "./labels.ts";
import { formatMoney } from "./money.ts";
import { GrantQuery, type GrantData } from "./operations.ts";
import { SpendSection } from "./spend-section.tsx";
import { TranchesSection } from "./tranches-section.tsx";
import "./grants.css";

/**
 * One grant: money at a glance, budget and spend per category, spend over time, tranches, expenses,
 * reports and (for project managers) the audit trail. What a person may do follows their role; the API
 * decides again on every action.
 */
export function GrantView({ id }: { id: string }) {
  const intl = useIntl();
  const { viewer } = useViewer();
  const { data, error, loading, refetch } = useQuery(GrantQuery, { variables: { id }, fetchPolicy: "cache-and-network" });
  const [status, setStatus] = useState<ReactNode>();
  const [failure, setFailure] = useState<string>();
  const roles = viewer?.roles ?? [];
  const isManager = roles.includes("PROJECT_MANAGER");
  // a project manager who is also an officer acts as the manager here
  const isOfficer = !isManager && roles.includes("CITY_OFFICER");

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (loading && !data)
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  const grant = data?.grant;
  if (!grant)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "grants.notFound.title" })}</PageHeading>
        <p>
          <FormattedMessage id="grants.notFound.body" />
        </p>
      </>
    );

  const onStatus = (next: ReactNode) => {
    setFailure(undefined);
    setStatus(next);
  };
  const onFailure = (message: string) => {
    setStatus(undefined);
    setFailure(message);
  };
  const shared = { grant, isManager, isOfficer, onStatus, onFailure };

  return (
    <>
      {isManager && (
        <p className="breadcrumb">
          <Link to="/grants">
            <FormattedMessage id="grants.backToPortfolio" />
          </Link>
        </p>
      )}
      <PageHeading>{intl.formatMessage({ id: "grants.page.title" }, { city: grant.pilot.organization.cityName ?? grant.pilot.organization.name })}</PageHeading>
      <p className="muted">
        <FormattedMessage id="grants.page.pilot" values={{ title: <bdi>{grant.pilot.title}</bdi>, organization: <bdi>{grant.pilot.organization.name}</bdi> }} />
      </p>
      <StatusMessage>{status}</StatusMessage>
      <div role="alert" className={failure ? "notice notice-error" : undefined}>
        {failure && <p>{failure}</p>}
      </div>
      <GrantFacts grant={grant} />
      <BudgetSection grant={grant} canDecide={isManager} canPropose={isOfficer} onStatus={onStatus} onFailure={onFailure} />
      <SpendSection grant={grant} />
      <TranchesSection {...shared} />
      <ExpensesSection {...shared} />
      <DeadlinesSection {...shared} />
      {isManager && <GrantAudit grant={grant} />}
    </>
  );
}

function GrantFacts({ grant }: { grant: GrantData }) {
  const intl = useIntl();
  const t = grant.totals;
  const facts: [MessageId, ReactNode][] = [
    ["grants.fact.cap", formatMoney(intl, t.capCents)],
    ["grants.fact.budgetStatus", budgetStatusLabel(intl, grant.budgetStatus)],
    ["grants.fact.committed", formatMoney(intl, t.committedCents)],
    ["grants.fact.paid", formatMoney(intl, t.paidCents)],
    ["grants.fact.approvedSpend", formatMoney(intl, t.approvedSpendCents)],
    ["grants.fact.pendingSpend", formatMoney(intl, t.pendingSpendCents)],
    ["grants.fact.remaining", formatMoney(intl, t.remainingCents)],
    ["grants.fact.available", formatMoney(intl, t.availableCents)],
    ["grants.fact.burnRate", intl.formatMessage({ id: "grants.perMonth" }, { amount: formatMoney(intl, t.burnRateCentsPerMonth) })],
    ["grants.fact.forecast", formatMoney(intl, t.forecastEndBalanceCents)],
  ];
  return (
    <section aria-labelledby="facts-heading" className="grant-section">
      <h2 id="facts-heading" className="visually-hidden">
        <FormattedMessage id="grants.facts.title" />
      </h2>
      <dl className="facts grant-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{intl.formatMessage({ id: label })}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {(t.overdueReportCount > 0 || t.overrunCategories.length > 0 || t.forecastEndBalanceCents < 0) && (
        <ul className="alert-list">
          {t.overdueReportCount > 0 && (
            <li>
              <FormattedMessage id="grants.alert.overdue" values={{ count: t.overdueReportCount }} />
            </li>
          )}
          {t.overrunCategories.length > 0 && (
            <li>
              <FormattedMessage
                id="grants.alert.overrun"
                values={{ categories: intl.formatList(t.overrunCategories.map((c) => intl.formatMessage({ id: `grants.category.${c}` }))) }}
              />
            </li>
          )}
          {t.forecastEndBalanceCents < 0 && (
            <li>
              <FormattedMessage id="grants.alert.forecast" />
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
