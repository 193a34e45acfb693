import { useId, useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useParams, useSearchParams } from "react-router";
import { useApolloClient, useQuery } from "@apollo/client/react";
import { errorText } from "../../app/i18n.tsx";
import type { ResultOf } from "../../app/graphql.ts";
import { errorCode } from "../../ui/error-code.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { downloadFile, fileSlug } from "../../ui/download.ts";
import { FrameworkImport } from "./framework-import.tsx";
import { globalId } from "./ids.ts";
import { FrameworkExportQuery, FrameworkPageQuery } from "./operations.ts";
import "./benchmarks.css";

type Framework = NonNullable<ResultOf<typeof FrameworkPageQuery>["benchmarkFramework"]>;

/** A community's benchmark framework: dimensions, indicators with their five level descriptors and weights. */
export function FrameworkPage() {
  const intl = useIntl();
  const { communityId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const versionParam = Number(params.get("version"));
  const version = Number.isInteger(versionParam) && versionParam > 0 ? versionParam : null;
  const { data, error, refetch } = useQuery(FrameworkPageQuery, { variables: { communityId: globalId("Community", communityId), version } });
  const community = data?.community;
  const framework = data?.benchmarkFramework;
  const versionId = useId();

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data)
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  if (!community)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "community.notFound" })}</PageHeading>
        <Link to="/communities">
          <FormattedMessage id="community.backToList" />
        </Link>
      </>
    );

  const latest = data.benchmarkFrameworkVersions[0]?.version;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/communities/${communityId}`}>{community.name}</Link>
      </p>
      <PageHeading>{intl.formatMessage({ id: "framework.title" }, { community: community.name })}</PageHeading>
      {!framework ? (
        <p>
          <FormattedMessage id="framework.none" />
        </p>
      ) : (
        <>
          <div className="toolbar">
            <div className="field field-inline">
              <label htmlFor={versionId} className="field-label">
                <FormattedMessage id="framework.version" />
              </label>
              <select
                id={versionId}
                value={framework.version}
                onChange={(e) => {
                  const next = Number(e.currentTarget.value);
                  setParams(next === latest ? {} : { version: String(next) });
                }}
              >
                {data.benchmarkFrameworkVersions.map((v) => (
                  <option key={v.id} value={v.version}>
                    {intl.formatMessage(
                      { id: v.version === latest ? "framework.versionLatest" : "framework.versionOption" },
                      { version: v.version, date: intl.formatDate(v.createdAt, { dateStyle: "medium" }) },
                    )}
                  </option>
                ))}
              </select>
            </div>
            <ExportButtons framework={framework} communityName={community.name} />
          </div>
          <FrameworkView framework={framework} />
        </>
      )}
      {community.viewerCanManage && (
        <FrameworkImport
          communityId={community.id}
          onImported={(v) => {
            setParams(v === latest || !latest ? {} : { version: String(v) });
            void refetch();
          }}
        />
      )}
    </>
  );
}

function ExportButtons({ framework, communityName }: { framework: Framework; communityName: string }) {
  const intl = useIntl();
  const client = useApolloClient();
  const [busy, setBusy] = useState<"CSV" | "JSON">();
  const [failure, setFailure] = useState<string>();

  async function onExport(format: "CSV" | "JSON") {
    setBusy(format);
    setFailure(undefined);
    try {
      const { data } = await client.query({ query: FrameworkExportQuery, variables: { frameworkId: framework.id, format }, fetchPolicy: "network-only" });
      const content = data?.benchmarkFrameworkExport ?? "";
      const name = `${fileSlug(communityName)}-framework-v${framework.version}.${format.toLowerCase()}`;
      downloadFile(content, name, format === "CSV" ? "text/csv;charset=utf-8" : "application/json");
    } catch (error) {
      setFailure(errorText(intl, errorCode(error)));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <div className="link-row" role="group" aria-label={intl.formatMessage({ id: "framework.export" })}>
      <button type="button" className="button button-secondary" disabled={!!busy} onClick={() => void onExport("CSV")}>
        <FormattedMessage id="framework.exportCsv" />
      </button>
      <button type="button" className="button button-secondary" disabled={!!busy} onClick={() => void onExport("JSON")}>
        <FormattedMessage id="framework.exportJson" />
      </button>
      {failure && (
        <p role="alert" className="field-error">
          {failure}
        </p>
      )}
    </div>
  );
}

function FrameworkView({ framework }: { framework: Framework }) {
  const intl = useIntl();
  const indicatorCount = framework.dimensions.reduce((n, d) => n + d.indicators.length, 0);
  return (
    <>
      <p>
        <FormattedMessage
          id="framework.summary"
          values={{ title: <bdi>{framework.title}</bdi>, dimensions: framework.dimensions.length, indicators: indicatorCount }}
        />
      </p>
      <nav aria-label={intl.formatMessage({ id: "framework.dimensionsNav" })} className="section-nav">
        <ul>
          {framework.dimensions.map((d) => (
            <li key={d.id}>
              <a href={`#dimension-${d.id}`}>
                <bdi>{d.code}</bdi> <span dir="auto">{d.title}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {framework.dimensions.map((d) => (
        <section key={d.id} id={`dimension-${d.id}`} aria-labelledby={`dimension-${d.id}-title`} className="dimension">
          <h2 id={`dimension-${d.id}-title`}>
            <bdi className="code">{d.code}</bdi> <span dir="auto">{d.title}</span>
          </h2>
          {d.description && (
            <p dir="auto" className="muted">
              {d.description}
            </p>
          )}
          {d.indicators.map((indicator) => (
            <article key={indicator.id} className="indicator" aria-labelledby={`indicator-${indicator.id}`}>
              <h3 id={`indicator-${indicator.id}`}>
                <bdi className="code">{indicator.code}</bdi> <span dir="auto">{indicator.title}</span>
              </h3>
              <p className="badge">
                <FormattedMessage id="framework.weight" values={{ weight: indicator.weight }} />
              </p>
              {indicator.guidance && (
                <p dir="auto" className="guidance">
                  {indicator.guidance}
                </p>
              )}
              <dl className="levels">
                {indicator.levels.map((l) => (
                  <div key={l.level}>
                    <dt>
                      <FormattedMessage id="level.label" values={{ level: l.level }} />
                    </dt>
                    <dd dir="auto">{l.descriptor}</dd>
                  </div>
                ))}
              </dl>
            </article>
          ))}
        </section>
      ))}
    </>
  );
}
