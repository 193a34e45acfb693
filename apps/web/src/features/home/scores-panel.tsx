import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { isRtl } from "@citypeer/i18n/locales";
import { ChartFigure, LegendItem } from "../../ui/charts/chart-figure.tsx";
import { rawId } from "../../ui/global-id.ts";
import { DashboardPart } from "./dashboard-section.tsx";
import type { OfficerDashboard } from "./operations.ts";
import { CitySample, MedianSample, ScoresChart, type ScoreRow } from "./scores-chart.tsx";

type Scores = NonNullable<OfficerDashboard["scores"]>;

/** The city's latest self-assessment against the community median: key figures, a bar chart and the same as a table. */
export function ScoresPanel({ scores, city }: { scores: Scores | null; city: string }) {
  const intl = useIntl();
  const title = intl.formatMessage({ id: "dashboard.scores.title" });
  if (!scores)
    return (
      <DashboardPart title={title}>
        <div className="dashboard-empty">
          <p>
            <FormattedMessage id="dashboard.scores.empty" />
          </p>
          <p>
            <Link to="/benchmarks">
              <FormattedMessage id="dashboard.scores.emptyLink" />
            </Link>
          </p>
        </div>
      </DashboardPart>
    );

  const fmt = (n: number) => intl.formatNumber(n, { maximumFractionDigits: 2 });
  const show = (n: number | null) => (n === null ? "–" : fmt(n));
  const rows: ScoreRow[] = scores.dimensions.map((d) => ({ key: d.dimensionId, label: d.code, score: d.score, median: d.median }));
  const compared = rows.filter((r): r is ScoreRow & { score: number; median: number } => r.score !== null && r.median !== null);
  const summary = intl.formatMessage(
    { id: "dashboard.scores.summary" },
    {
      city,
      above: compared.filter((r) => r.score > r.median).length,
      same: compared.filter((r) => r.score === r.median).length,
      below: compared.filter((r) => r.score < r.median).length,
      total: rows.length,
    },
  );
  const valueText = (r: ScoreRow) => intl.formatMessage({ id: "dashboard.scores.value" }, { score: show(r.score), median: show(r.median) });

  return (
    <DashboardPart title={title} wide>
      <p dir="auto">{intl.formatMessage({ id: "dashboard.scores.round" }, { round: scores.roundName, community: scores.communityName })}</p>
      <dl className="facts dashboard-facts">
        <div>
          <dt>
            <FormattedMessage id="dashboard.scores.overall" />
          </dt>
          <dd>{show(scores.overall)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="results.median" />
          </dt>
          <dd>{show(scores.overallMedian)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="dashboard.scores.validatedCities" />
          </dt>
          <dd>{intl.formatNumber(scores.validatedCityCount)}</dd>
        </div>
      </dl>
      {scores.status === "SUBMITTED" && (
        <p className="notice notice-info">
          <FormattedMessage id="results.notValidatedYet" />
        </p>
      )}
      <ChartFigure
        headingLevel={4}
        title={intl.formatMessage({ id: "dashboard.scores.chartTitle" })}
        summary={summary}
        legend={
          <ul className="chart-legend">
            <LegendItem sample={<CitySample />}>
              <bdi>{city}</bdi>
            </LegendItem>
            <LegendItem sample={<MedianSample />}>
              <FormattedMessage id="results.median" />
            </LegendItem>
          </ul>
        }
        chart={({ titleId, summaryId }) => <ScoresChart rows={rows} titleId={titleId} summaryId={summaryId} formatNumber={fmt} valueText={valueText} rtl={isRtl(intl.locale)} />}
        table={
          <div className="table-scroll">
            <table>
              <caption>
                <FormattedMessage id="dashboard.scores.tableCaption" />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="results.dimension" />
                  </th>
                  <th scope="col">
                    <bdi>{city}</bdi>
                  </th>
                  <th scope="col">
                    <FormattedMessage id="results.median" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {scores.dimensions.map((d) => (
                  <tr key={d.dimensionId}>
                    <th scope="row">
                      <bdi className="code">{d.code}</bdi> <span dir="auto">{d.title}</span>
                    </th>
                    <td className="number">{show(d.score)}</td>
                    <td className="number">{show(d.median)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">
                    <FormattedMessage id="dashboard.scores.overall" />
                  </th>
                  <td className="number">{show(scores.overall)}</td>
                  <td className="number">{show(scores.overallMedian)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        }
      />
      <p>
        <Link to={`/benchmarks/rounds/${rawId(scores.roundId)}/results`}>
          {intl.formatMessage({ id: "dashboard.scores.resultsLink" }, { round: scores.roundName })}
        </Link>
      </p>
    </DashboardPart>
  );
}
