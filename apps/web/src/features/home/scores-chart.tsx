import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar, Line } from "@visx/shape";
import { LEVEL_MAX, Marker, SERIES_STYLES } from "../../ui/charts/scale.tsx";

export type ScoreRow = { key: string; label: string; score: number | null; median: number | null };

type ScoresChartProps = {
  rows: readonly ScoreRow[];
  titleId: string;
  summaryId: string;
  formatNumber: (n: number) => string;
  /** "2.5 · median 3": the numbers printed at the end of each row. */
  valueText: (row: ScoreRow) => string;
  rtl?: boolean;
};

const WIDTH = 640;
const LABEL = 190;
const VALUE = 150;
const ROW = 34;
const TOP = 22;
const CITY = SERIES_STYLES[0];
const MEDIAN = SERIES_STYLES[1];

/**
 * The city's score per dimension as a filled bar, the community median as a dashed tick with a square
 * marker: two shapes, not two colours. Each row also prints both numbers. Mirrored in right-to-left languages.
 */
export function ScoresChart({ rows, titleId, summaryId, formatNumber, valueText, rtl = false }: ScoresChartProps) {
  const plot = WIDTH - LABEL - VALUE;
  const height = TOP + rows.length * ROW + 8;
  const x = scaleLinear<number>({ domain: [0, LEVEL_MAX], range: rtl ? [plot, 0] : [0, plot] });
  const y = scaleBand<number>({ domain: rows.map((_, i) => i), range: [0, rows.length * ROW], padding: 0.3 });
  const plotLeft = rtl ? VALUE : LABEL;
  const band = y.bandwidth();

  return (
    <svg width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={titleId} aria-describedby={summaryId} tabIndex={0} className="chart" direction="ltr">
      <Group left={plotLeft} top={TOP}>
        {Array.from({ length: LEVEL_MAX + 1 }, (_, level) => (
          <g key={level}>
            <Line from={{ x: x(level), y: -4 }} to={{ x: x(level), y: rows.length * ROW }} stroke="#e1e6eb" />
            <text x={x(level)} y={-8} textAnchor="middle" className="chart-tick">
              {formatNumber(level)}
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const top = y(i) ?? 0;
          const from = x(0);
          const to = row.score === null ? from : x(row.score);
          const median = row.median === null ? null : x(row.median);
          return (
            <g key={row.key}>
              <text x={rtl ? plot + 8 : -8} y={top + band / 2} textAnchor={rtl ? "start" : "end"} dominantBaseline="middle" className="chart-row-label">
                {row.label}
              </text>
              {row.score !== null && <Bar x={Math.min(from, to)} y={top} width={Math.max(Math.abs(to - from), 1)} height={band} fill={CITY.stroke} />}
              {median !== null && (
                <g>
                  <Line from={{ x: median, y: top - 5 }} to={{ x: median, y: top + band + 5 }} stroke={MEDIAN.stroke} strokeWidth={3} strokeDasharray="4 2" />
                  <Marker x={median} y={top + band / 2} style={MEDIAN} />
                </g>
              )}
              <text x={rtl ? -8 : plot + 8} y={top + band / 2} textAnchor={rtl ? "end" : "start"} dominantBaseline="middle" className="chart-row-label">
                {valueText(row)}
              </text>
            </g>
          );
        })}
      </Group>
    </svg>
  );
}

/** Legend samples drawn as in the chart. */
export const CitySample = () => <rect x="2" y="2" width="32" height="10" fill={CITY.stroke} />;
export const MedianSample = () => (
  <>
    <line x1="18" y1="0" x2="18" y2="14" stroke={MEDIAN.stroke} strokeWidth={3} strokeDasharray="4 2" />
    <Marker x={18} y={7} style={MEDIAN} />
  </>
);
