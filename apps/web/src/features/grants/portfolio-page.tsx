import { useId, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useSearchParams } from "react-router";
import { useApolloClient, useQuery } from "@apollo/client/react";
import type { MessageId } from "../../app/i18n.tsx";
import { rawId } from "../../ui/global-id.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { requestFailure } from "./actions.ts";
import { downloadFile } from "../../ui/download.ts";
import { categoryLabel } from "./labels.ts";
import { formatMoney } from "./money.ts";
import { GrantPortfolioCsvQuery, GrantPortfolioQuery, type PortfolioRow } from "./operations.ts";
import "./grants.css";

type SortKey = "city" | "committed" | "paid" | "approvedSpend" | "remaining" | "burnRate" | "forecast" | "overdue" | "overrun";
type Column = { key: SortKey; label: MessageId; value: (r: PortfolioRow) => number | string; money?: boolean };

const COLUMNS: Column[] = [
  { key: "city", label: "grants.col.city", value: (r) => r.cityName ?? r.organizationName },
  { key: "committed", label: "grants.col.committed", value: (r) => r.committedCents, money: true },
  { key: "paid", label: "grants.col.paid", value: (r) => r.paidCents, money: true },
  { key: "approvedSpend", label: "grants.col.approvedSpend", value: (r) => r.approvedSpendCents, money: true },
  { key: "remaining", label: "grants.col.remaining", value: (r) => r.remainingCents, money: true },
  { key: "burnRate", label: "grants.col.burnRate", value: (r) => r.burnRateCentsPerMonth, money: true },
  { key: "forecast", label: "grants.col.forecast", value: (r) => r.forecastEndBalanceCents, money: true },
  { key: "overdue", label: "grants.col.overdue", value: (r) => r.overdueReportCount },
  { key: "overrun", label: "grants.col.overrun", value: (r) => r.overrunCategories.length },
];
const isSortKey = (v: string | null): v is SortKey => COLUMNS.some((c) => c.key === v);
const hasAlert = (r: PortfolioRow) => r.overdueReportCount > 0 || r.overrunCategories.length > 0 || r.forecastEndBalanceCents < 0;

/**
 * The project team's view of every grant. Sorting and filters live in the address, so a view can be
 * reloaded and shared; the CSV export is the API's, so it matches what finance reads.
 */
export function PortfolioPage() {
  const intl = useIntl();
  const client = useApolloClient();
  const { data, error, loading, refetch } = useQuery(GrantPortfolioQuery, { fetchPolicy: "cache-and-network" });
  const [params, setParams] = useSearchParams();
  const sortParam = params.get("sort");
  const sort: SortKey = isSortKey(sortParam) ? sortParam : "city";
  const descending = params.get("dir") === "desc";
  const search = params.get("q") ?? "";
  const onlyAlerts = params.get("alerts") === "1";
  const [exporting, setExporting] = useState(false);
  const [exportStatus, setExportStatus] = useState<string>();
  const [exportFailure, setExportFailure] = useState<string>();
  const searchId = useId();
  const alertsId = useId();

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  }

  async function onExport() {
    setExporting(true);
    setExportStatus(undefined);
    setExportFailure(undefined);
    try {
      const result = await client.query({ query: GrantPortfolioCsvQuery, fetchPolicy: "network-only" });
      if (!result.data) throw result.error ?? new Error("no data");
      downloadFile(result.data.grantPortfolioCsv, `grant-portfolio-${new Date().toISOString().slice(0, 10)}.csv`, "text/csv;charset=utf-8");
      setExportStatus(intl.formatMessage({ id: "grants.portfolio.exported" }));
    } catch (e) {
      setExportFailure(requestFailure(intl, e));
    } finally {
      setExporting(false);
    }
  }

  const collator = new Intl.Collator(intl.locale);
  const column = COLUMNS.find((c) => c.key === sort)!;
  const needle = search.trim().toLocaleLowerCase(intl.locale);
  const rows = (data?.grantPortfolio ?? [])
    .filter((r) => !onlyAlerts || hasAlert(r))
    .filter((r) => !needle || `${r.cityName ?? ""} ${r.organizationName}`.toLocaleLowerCase(intl.locale).includes(needle))
    .sort((a, b) => {
      const [x, y] = [column.value(a), column.value(b)];
      const order = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
      return descending ? -order : order;
    });

  return (
    <>
      <div className="page-header">
        <PageHeading>{intl.formatMessage({ id: "grants.portfolio.title" })}</PageHeading>
        <button type="button" className="button" disabled={exporting || !data} onClick={() => void onExport()}>
          <FormattedMessage id="grants.portfolio.export" />
        </button>
      </div>
      <p>
        <FormattedMessage id="grants.portfolio.intro" />
      </p>
      <StatusMessage>{exportStatus}</StatusMessage>
      {exportFailure && (
        <div role="alert" className="notice notice-error">
          <p>{exportFailure}</p>
        </div>
      )}
      <form role="search" aria-label={intl.formatMessage({ id: "grants.portfolio.filters" })} className="filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={searchId} className="field-label">
            <FormattedMessage id="grants.portfolio.search" />
          </label>
          <input id={searchId} type="search" className="input" value={search} onChange={(e) => update({ q: e.currentTarget.value || null })} />
        </div>
        <div className="choice">
          <input id={alertsId} type="checkbox" checked={onlyAlerts} onChange={(e) => update({ alerts: e.currentTarget.checked ? "1" : null })} />
          <label htmlFor={alertsId}>
            <FormattedMessage id="grants.portfolio.onlyAlerts" />
          </label>
        </div>
      </form>

      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : (
        <>
          <p role="status" className="muted">
            <FormattedMessage id="grants.portfolio.count" values={{ count: rows.length, total: data?.grantPortfolio.length ?? 0 }} />
          </p>
          {rows.length === 0 ? (
            <p>
              <FormattedMessage id="grants.portfolio.empty" />
            </p>
          ) : (
            <div className="table-scroll" role="region" aria-labelledby="portfolio-caption" tabIndex={0}>
              <table className="grant-table portfolio-table">
                <caption id="portfolio-caption">
                  <FormattedMessage id="grants.portfolio.caption" />
                </caption>
                <thead>
                  <tr>
                    {COLUMNS.map((c) => {
                      const active = c.key === sort;
                      return (
                        <th
                          key={c.key}
                          scope="col"
                          className={c.key === "city" ? undefined : "num"}
                          aria-sort={active ? (descending ? "descending" : "ascending") : undefined}
                        >
                          <button
                            type="button"
                            className="sort-button"
                            onClick={() => update({ sort: c.key, dir: active && !descending ? "desc" : null })}
                          >
                            <FormattedMessage id={c.label} />
                            <span aria-hidden="true" className="sort-mark">
                              {active ? (descending ? " ▼" : " ▲") : " ↕"}
                            </span>
                          </button>
                        </th>
                      );
                    })}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.grantId}>
                      <th scope="row">
                        <Link to={`/grants/${rawId(r.grantId)}`}>
                          <bdi>{r.cityName ?? r.organizationName}</bdi>
                        </Link>
                        {hasAlert(r) && (
                          <>
                            {" "}
                            <span className="badge badge-alert">
                              <FormattedMessage id="grants.portfolio.alert" />
                            </span>
                          </>
                        )}
                      </th>
                      {COLUMNS.slice(1, 7).map((c) => (
                        <td key={c.key} className={c.key === "forecast" && r.forecastEndBalanceCents < 0 ? "num negative" : "num"}>
                          {formatMoney(intl, c.value(r) as number)}
                        </td>
                      ))}
                      <td className="num">{intl.formatNumber(r.overdueReportCount)}</td>
                      <td>
                        {r.overrunCategories.length === 0 ? (
                          <FormattedMessage id="grants.portfolio.noOverrun" />
                        ) : (
                          intl.formatList(r.overrunCategories.map((cat) => categoryLabel(intl, cat)))
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
