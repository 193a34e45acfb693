import { useId } from "react";
import { useIntl } from "react-intl";
import { scaleLinear } from "@visx/scale";
import { isRtl } from "@citypeer/i18n/locales";
import { formatMoney } from "./money.ts";
import type { SpendMonth } from "./spend-over-time.ts";

const WIDTH = 720;
const HEIGHT = 260;
const PAD = { top: 16, bottom: 36, start: 96, end: 24 };

/** "Mar 2026" for a YYYY-MM month in the reader's language. */
export function formatMonth(intl: ReturnType<typeof useIntl>, month: string) {
  return intl.formatDate(`${month}-01T00:00:00Z`, { month: "short", year: "numeric", timeZone: "UTC" });
}

/**
 * Cumulative approved spend (solid line with dots) against the straight-line plan (dashed line), by month.
 * The two differ in line style as well as colour; the table beside it holds the numbers.
 */
export function SpendChart({ months, titleId }: { months: readonly SpendMonth[]; titleId: string }) {
  const intl = useIntl();
  const rtl = isRtl(intl.locale);
  const descId = useId();
  const max = Math.max(1, ...months.flatMap((m) => [m.plannedCents, m.actualCents ?? 0]));
  const y = scaleLinear({ domain: [0, max], range: [HEIGHT - PAD.bottom, PAD.top], nice: true });
  const plotWidth = WIDTH - PAD.start - PAD.end;
  const xRaw = scaleLinear({ domain: [0, Math.max(1, months.length - 1)], range: [0, plotWidth] });
  const x = (i: number) => (rtl ? WIDTH - PAD.start - xRaw(i) : PAD.start + xRaw(i));
  const points = (values: (number | null)[]) =>
    values.flatMap((v, i) => (v === null ? [] : [`${x(i)},${y(v)}`])).join(" ");
  const actual = months.map((m) => m.actualCents);
  const lastActual = actual.reduce<number>((last, v, i) => (v === null ? last : i), -1);
  const ticks = y.ticks(4);
  const labelEvery = Math.max(1, Math.ceil(months.length / 8));
  const axisX = rtl ? WIDTH - PAD.start + 8 : PAD.start - 8;

  return (
    <figure className="grant-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} aria-describedby={descId} className="grant-chart-svg">
        <desc id={descId}>{intl.formatMessage({ id: "grants.spendChart.desc" })}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={rtl ? PAD.end : PAD.start} x2={rtl ? WIDTH - PAD.start : WIDTH - PAD.end} y1={y(t)} y2={y(t)} className="chart-grid" />
            <text x={axisX} y={y(t) + 4} textAnchor="end" className="chart-value">
              {formatMoney(intl, t)}
            </text>
          </g>
        ))}
        {months.map((m, i) =>
          i % labelEvery === 0 ? (
            <text key={m.month} x={x(i)} y={HEIGHT - 12} textAnchor="middle" className="chart-value">
              {formatMonth(intl, m.month)}
            </text>
          ) : null,
        )}
        <polyline points={points(months.map((m) => m.plannedCents))} className="line-plan" />
        <polyline points={points(actual)} className="line-actual" />
        {actual.map((v, i) => (v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r={3.5} className="dot-actual" />))}
        {lastActual >= 0 && (
          <text x={x(lastActual)} y={y(actual[lastActual]!) - 8} textAnchor="middle" className="chart-value chart-value-strong">
            {formatMoney(intl, actual[lastActual]!)}
          </text>
        )}
      </svg>
      <figcaption className="chart-legend">
        <span className="legend-item">
          <span className="legend-line line-actual" aria-hidden="true" />
          {intl.formatMessage({ id: "grants.legend.actual" })}
        </span>
        <span className="legend-item">
          <span className="legend-line line-plan" aria-hidden="true" />
          {intl.formatMessage({ id: "grants.legend.plan" })}
        </span>
      </figcaption>
    </figure>
  );
}
