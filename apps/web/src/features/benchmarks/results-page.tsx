import { useId, useState } from "react";
import { FormattedMessage, useIntl, type IntlShape } from "react-intl";
import { Link, useParams } from "react-router";
import { Label, Radio, RadioGroup } from "react-aria-components";
import { useQuery } from "@apollo/client/react";
import { isRtl } from "@citypeer/i18n/locales";
import type { ResultOf } from "../../app/graphql.ts";
import { rawId } from "../../ui/global-id.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { ChartFigure, LegendItem } from "../../ui/charts/chart-figure.tsx";
import { HeatMap } from "../../ui/charts/heat-map.tsx";
import { ProgressChart } from "../../ui/charts/progress-chart.tsx";
import { RadarChart } from "../../ui/charts/radar-chart.tsx";
import { Marker, SERIES_STYLES, levelFill, levelTextColour } from "../../ui/charts/scale.tsx";
import { cityLabel } from "../communities/community-page.tsx";
import { languageName } from "../pilots/labels.ts";
import { downloadFile, fileSlug } from "../../ui/download.ts";
import { globalId } from "./ids.ts";
import { ResultsQuery } from "./operations.ts";
import { resultsCsv, shownCities } from "./results-csv.ts";
import "./benchmarks.css";

type Data = ResultOf<typeof ResultsQuery>;
type Results = Data["benchmarkResults"];
type CityResult = Results["cities"][number];
type Contacts = NonNullable<Data["benchmarkRound"]>["community"]["memberCities"];

const formatter = (intl: IntlShape) => (n: number) => intl.formatNumber(n, { maximumFractionDigits: 2 });

/**
 * A round's results: the viewer's city against the community median (radar), every city on every indicator
 * (heat map), progress across rounds, whom to learn from, and a CSV of the table. Every chart has the same
 * numbers as a table. Organisations outside the partnership see the community's figures only.
 */
export function ResultsPage() {
  const intl = useIntl();
  const { roundId = "" } = useParams();
  const { data, error, refetch } = useQuery(ResultsQuery, { variables: { roundId: globalId("BenchmarkRound", roundId) } });
  const round = data?.benchmarkRound;
  const results = data?.benchmarkResults;

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data)
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  if (!round || !results)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "rounds.notFound" })}</PageHeading>
        <Link to="/benchmarks">
          <FormattedMessage id="benchmarks.backToList" />
        </Link>
      </>
    );

  const communityPath = `/communities/${rawId(round.community.id)}`;
  const fmt = formatter(intl);
  const cities = shownCities(results);
  const hasData = (results.overall?.n ?? 0) > 0 || !!results.myCity;

  return (
    <>
      <p className="breadcrumb">
        <Link to={communityPath}>{round.community.name}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={`${communityPath}/benchmarks`}>
          <FormattedMessage id="rounds.title" />
        </Link>
      </p>
      <div className="page-header">
        <PageHeading>{intl.formatMessage({ id: "results.title" }, { round: results.roundName })}</PageHeading>
        {hasData && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => downloadFile(resultsCsv(intl, results), `${fileSlug(round.community.name)}-${fileSlug(results.roundName)}-results.csv`, "text/csv;charset=utf-8")}
          >
            <FormattedMessage id="results.exportCsv" />
          </button>
        )}
      </div>
      <dl className="facts facts-inline">
        <div>
          <dt>
            <FormattedMessage id="results.validatedCities" />
          </dt>
          <dd>{intl.formatNumber(results.overall?.n ?? 0)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="results.communityMedian" />
          </dt>
          <dd>{results.overall ? fmt(results.overall.median) : "–"}</dd>
        </div>
        {results.myCity && (
          <div>
            <dt>
              <FormattedMessage id="results.yourScore" values={{ city: cityLabel(results.myCity.organization) }} />
            </dt>
            <dd>{results.myCity.overall === null ? "–" : fmt(results.myCity.overall)}</dd>
          </div>
        )}
      </dl>
      <p className="muted">
        <FormattedMessage id="results.scaleNote" />
      </p>
      {results.myCity?.status === "SUBMITTED" && (
        <div className="notice notice-info">
          <p>
            <FormattedMessage id="results.notValidatedYet" />
          </p>
        </div>
      )}
      {!results.canSeeCities && (
        <div className="notice notice-info">
          <p>
            <FormattedMessage id="results.aggregatesOnly" />
          </p>
        </div>
      )}
      {!hasData ? (
        <p>
          <FormattedMessage id="results.empty" />
        </p>
      ) : (
        <>
          <RadarSection results={results} cities={cities} />
          {results.canSeeCities && cities.length > 0 && <HeatMapSection results={results} cities={cities} />}
          {results.canSeeCities && results.progress.length > 0 && <ProgressSection results={results} />}
          {results.canSeeCities && results.myCity && <LearnFrom results={results} contacts={round.community.memberCities} />}
        </>
      )}
    </>
  );
}

type Axis = { key: string; code: string; title: string; median: number | null; q1: number | null; q3: number | null; n: number; value: (c: CityResult) => number | null };

function RadarSection({ results, cities }: { results: Results; cities: CityResult[] }) {
  const intl = useIntl();
  const fmt = formatter(intl);
  const selectId = useId();
  const [by, setBy] = useState<"indicators" | "dimensions">("indicators");
  const [cityId, setCityId] = useState<string | undefined>(results.myCity?.organization.id ?? (results.canSeeCities ? cities[0]?.organization.id : undefined));
  const city = cities.find((c) => c.organization.id === cityId) ?? null;

  const axes: Axis[] =
    by === "indicators"
      ? results.indicators.map((i) => ({
          key: i.id,
          code: i.code,
          title: i.title,
          median: i.stats?.median ?? null,
          q1: i.stats?.q1 ?? null,
          q3: i.stats?.q3 ?? null,
          n: i.stats?.n ?? 0,
          value: (c) => c.indicators.find((x) => x.indicatorId === i.id)?.level ?? null,
        }))
      : results.dimensions.map((d) => ({
          key: d.id,
          code: d.code,
          title: d.title,
          median: d.stats?.median ?? null,
          q1: d.stats?.q1 ?? null,
          q3: d.stats?.q3 ?? null,
          n: d.stats?.n ?? 0,
          value: (c) => c.dimensions.find((x) => x.dimensionId === d.id)?.score ?? null,
        }));
  const cityName = city ? cityLabel(city.organization) : "";
  const series = [
    ...(city ? [{ key: "city", label: cityName, values: axes.map((a) => a.value(city)) }] : []),
    { key: "median", label: intl.formatMessage({ id: "results.median" }), values: axes.map((a) => a.median) },
  ];
  const compared = city ? axes.map((a) => ({ v: a.value(city), m: a.median })).filter((x): x is { v: number; m: number } => x.v !== null && x.m !== null) : [];
  const summary = city
    ? intl.formatMessage(
        { id: "results.radarSummary" },
        {
          city: cityName,
          above: compared.filter((x) => x.v > x.m).length,
          same: compared.filter((x) => x.v === x.m).length,
          below: compared.filter((x) => x.v < x.m).length,
          total: axes.length,
        },
      )
    : intl.formatMessage({ id: "results.radarSummaryMedianOnly" }, { total: axes.length });

  return (
    <div className="results-section">
      <div className="chart-controls">
        <RadioGroup className="field" value={by} onChange={(v) => setBy(v === "dimensions" ? "dimensions" : "indicators")} orientation="horizontal">
          <Label className="field-label">
            <FormattedMessage id="results.compareBy" />
          </Label>
          <div className="choice-list">
            <Radio value="indicators" className="choice">
              <span className="choice-box choice-round" aria-hidden="true" />
              <FormattedMessage id="results.byIndicator" />
            </Radio>
            <Radio value="dimensions" className="choice">
              <span className="choice-box choice-round" aria-hidden="true" />
              <FormattedMessage id="results.byDimension" />
            </Radio>
          </div>
        </RadioGroup>
        {results.canSeeCities && cities.length > 1 && (
          <div className="field">
            <label htmlFor={selectId} className="field-label">
              <FormattedMessage id="results.compareCity" />
            </label>
            <select id={selectId} value={cityId} onChange={(e) => setCityId(e.currentTarget.value)}>
              {cities.map((c) => (
                <option key={c.organization.id} value={c.organization.id}>
                  {cityLabel(c.organization)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <ChartFigure
        title={city ? intl.formatMessage({ id: "results.radarTitleCity" }, { city: cityName }) : intl.formatMessage({ id: "results.radarTitle" })}
        summary={summary}
        legend={
          <ul className="chart-legend">
            {series.map((s, i) => {
              const style = SERIES_STYLES[i]!;
              return (
                <LegendItem
                  key={s.key}
                  sample={
                    <>
                      <line x1="2" y1="7" x2="34" y2="7" stroke={style.stroke} strokeWidth={i === 0 && city ? 3 : 2} strokeDasharray={style.dash} />
                      <Marker x={18} y={7} style={style} />
                    </>
                  }
                >
                  <bdi>{s.label}</bdi>
                </LegendItem>
              );
            })}
          </ul>
        }
        chart={({ titleId, summaryId }) => (
          <RadarChart axes={axes.map((a) => ({ key: a.key, label: a.code }))} series={series} titleId={titleId} summaryId={summaryId} formatNumber={fmt} />
        )}
        table={
          <div className="table-scroll" role="region" aria-labelledby="radar-table-caption" tabIndex={0}>
            <table>
              <caption id="radar-table-caption">
                <FormattedMessage id={by === "indicators" ? "results.radarTableIndicators" : "results.radarTableDimensions"} />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id={by === "indicators" ? "results.indicator" : "results.dimension"} />
                  </th>
                  {city && (
                    <th scope="col">
                      <bdi>{cityName}</bdi>
                    </th>
                  )}
                  <th scope="col">
                    <FormattedMessage id="results.median" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="results.middleHalf" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="results.n" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {axes.map((a) => {
                  const v = city ? a.value(city) : null;
                  return (
                    <tr key={a.key}>
                      <th scope="row">
                        <bdi className="code">{a.code}</bdi> <span dir="auto">{a.title}</span>
                      </th>
                      {city && <td className="number">{v === null ? "–" : fmt(v)}</td>}
                      <td className="number">{a.median === null ? "–" : fmt(a.median)}</td>
                      <td className="number">
                        {a.q1 === null || a.q3 === null ? "–" : intl.formatMessage({ id: "results.range" }, { from: fmt(a.q1), to: fmt(a.q3) })}
                      </td>
                      <td className="number">{intl.formatNumber(a.n)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        }
      />
    </div>
  );
}

function HeatMapSection({ results, cities }: { results: Results; cities: CityResult[] }) {
  const intl = useIntl();
  const fmt = formatter(intl);
  const mine = results.myCity?.organization.id;
  const collator = new Intl.Collator(intl.locale);
  const sorted = [...cities].sort((a, b) => collator.compare(cityLabel(a.organization), cityLabel(b.organization)));
  const rows = sorted.map((c) => ({
    key: c.organization.id,
    label: cityLabel(c.organization),
    isHighlighted: c.organization.id === mine,
    values: results.indicators.map((i) => c.indicators.find((x) => x.indicatorId === i.id)?.level ?? null),
  }));

  return (
    <ChartFigure
      title={intl.formatMessage({ id: "results.heatMapTitle" })}
      summary={intl.formatMessage({ id: "results.heatMapSummary" }, { cities: rows.length, indicators: results.indicators.length })}
      legend={
        <ul className="level-scale" aria-label={intl.formatMessage({ id: "results.levelScale" })}>
          {[0, 1, 2, 3, 4].map((level) => (
            <li key={level} style={{ background: levelFill(level), color: levelTextColour(level) }}>
              {fmt(level)}
            </li>
          ))}
        </ul>
      }
      chart={({ titleId, summaryId }) => (
        <HeatMap columns={results.indicators.map((i) => ({ key: i.id, label: i.code }))} rows={rows} titleId={titleId} summaryId={summaryId} formatNumber={fmt} rtl={isRtl(intl.locale)} />
      )}
      table={
        <div className="table-scroll" role="region" aria-labelledby="heat-table-caption" tabIndex={0}>
          <table className="heat-table">
            <caption id="heat-table-caption">
              <FormattedMessage id="results.heatTableCaption" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="results.city" />
                </th>
                {results.indicators.map((i) => (
                  <th key={i.id} scope="col">
                    <abbr title={i.title}>
                      <bdi>{i.code}</bdi>
                    </abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">
                    <bdi>{row.label}</bdi>
                    {row.isHighlighted && (
                      <span className="visually-hidden">
                        {" "}
                        <FormattedMessage id="results.yourCityMark" />
                      </span>
                    )}
                  </th>
                  {row.values.map((v, i) => (
                    <td key={results.indicators[i]!.id} className="number">
                      {v === null ? "–" : fmt(v)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    />
  );
}

function ProgressSection({ results }: { results: Results }) {
  const intl = useIntl();
  const fmt = formatter(intl);
  const mine = results.myCity?.organization.id;
  const rounds = new Map<string, { key: string; label: string; opensAt: string }>();
  for (const p of results.progress) for (const point of p.points) rounds.set(point.roundId, { key: point.roundId, label: point.roundName, opensAt: point.opensAt });
  const ordered = [...rounds.values()].sort((a, b) => a.opensAt.localeCompare(b.opensAt));
  const collator = new Intl.Collator(intl.locale);
  // the viewer's city first (drawn strongest), then the others by name
  const progress = [...results.progress].sort(
    (a, b) => Number(b.organization.id === mine) - Number(a.organization.id === mine) || collator.compare(cityLabel(a.organization), cityLabel(b.organization)),
  );
  const series = progress.map((p) => ({
    key: p.organization.id,
    label: cityLabel(p.organization),
    values: ordered.map((r) => p.points.find((x) => x.roundId === r.key)?.overall ?? null),
  }));

  return (
    <ChartFigure
      title={intl.formatMessage({ id: "results.progressTitle" })}
      summary={intl.formatMessage({ id: ordered.length < 2 ? "results.progressSummaryOne" : "results.progressSummary" }, { cities: series.length, rounds: ordered.length })}
      legend={
        <ul className="chart-legend">
          {series.map((s, i) => {
            const style = SERIES_STYLES[i % SERIES_STYLES.length]!;
            return (
              <LegendItem
                key={s.key}
                sample={
                  <>
                    <line x1="2" y1="7" x2="34" y2="7" stroke={style.stroke} strokeWidth={2} strokeDasharray={style.dash} />
                    <Marker x={18} y={7} style={style} />
                  </>
                }
              >
                <bdi>{s.label}</bdi>
              </LegendItem>
            );
          })}
        </ul>
      }
      chart={({ titleId, summaryId }) => (
        <ProgressChart rounds={ordered} series={series} titleId={titleId} summaryId={summaryId} formatNumber={fmt} rtl={isRtl(intl.locale)} />
      )}
      table={
        <div className="table-scroll" role="region" aria-labelledby="progress-table-caption" tabIndex={0}>
          <table>
            <caption id="progress-table-caption">
              <FormattedMessage id="results.progressTableCaption" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="results.city" />
                </th>
                {ordered.map((r) => (
                  <th key={r.key} scope="col" dir="auto">
                    {r.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.map((s) => (
                <tr key={s.key}>
                  <th scope="row">
                    <bdi>{s.label}</bdi>
                  </th>
                  {s.values.map((v, i) => (
                    <td key={ordered[i]!.key} className="number">
                      {v === null ? "–" : fmt(v)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      }
    />
  );
}

/** For each indicator where the city is weak: the member cities to ask, strongest first, with their evidence. */
function LearnFrom({ results, contacts }: { results: Results; contacts: Contacts }) {
  const intl = useIntl();
  const contactsOf = new Map(contacts.map((c) => [rawId(c.id), c.contacts]));
  return (
    <section aria-labelledby="learn-from" className="results-section">
      <h2 id="learn-from">
        <FormattedMessage id="results.learnFromTitle" />
      </h2>
      <p>
        <FormattedMessage id="results.learnFromIntro" />
      </p>
      {results.learnFrom.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="results.learnFromEmpty" />
        </p>
      ) : (
        <ol className="learn-list">
          {results.learnFrom.map((s) => (
            <li key={s.indicatorId} className="learn-item">
              <h3>
                <bdi className="code">{s.indicatorCode}</bdi> <span dir="auto">{s.indicatorTitle}</span>
              </h3>
              <p>
                <FormattedMessage id="results.learnYourLevel" values={{ level: s.myLevel }} />
              </p>
              <ul className="peer-list">
                {s.peers.map((peer) => {
                  const people = contactsOf.get(peer.organization.id) ?? [];
                  return (
                    <li key={peer.organization.id} className="peer">
                      <p className="peer-name">
                        <strong>
                          <bdi>{cityLabel(peer.organization)}</bdi>
                        </strong>
                        {": "}
                        <FormattedMessage id="results.peerLevel" values={{ level: peer.level, gap: peer.gap }} />
                      </p>
                      {people.length > 0 && (
                        <p>
                          <FormattedMessage
                            id="results.askContact"
                            values={{
                              people: (
                                <>
                                  {people.map((p, i) => (
                                    <span key={p.id}>
                                      {i > 0 && ", "}
                                      <bdi>{p.name}</bdi> (<a href={`mailto:${p.email}`}>{p.email}</a>)
                                    </span>
                                  ))}
                                </>
                              ),
                            }}
                          />
                        </p>
                      )}
                      {peer.evidenceText && (
                        <>
                          <p className="muted written-in">
                            <FormattedMessage id="submission.writtenIn" values={{ language: languageName(intl, peer.contentLanguage) }} />
                          </p>
                          <blockquote lang={peer.contentLanguage} dir="auto" className="peer-evidence">
                            {peer.evidenceText}
                          </blockquote>
                        </>
                      )}
                      {peer.evidenceLinks.length > 0 && (
                        <ul className="plain-list">
                          {peer.evidenceLinks.map((link) => (
                            <li key={link}>
                              <a href={link} rel="noreferrer" target="_blank" dir="ltr">
                                {link}
                              </a>
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
