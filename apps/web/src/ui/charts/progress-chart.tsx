import { Group } from "@visx/group";
import { scaleLinear, scalePoint } from "@visx/scale";
import { Line, LinePath } from "@visx/shape";
import { LEVEL_MAX, Marker, SERIES_STYLES } from "./scale.tsx";

export type ProgressSeries = { key: string; label: string; values: readonly (number | null)[] };

type ProgressChartProps = {
  /** The rounds, oldest first. */
  rounds: readonly { key: string; label: string }[];
  /** One line per city; the first is drawn strongest (the viewer's city). */
  series: readonly ProgressSeries[];
  titleId: string;
  summaryId: string;
  formatNumber: (n: number) => string;
  rtl?: boolean;
};

const WIDTH = 560;
const HEIGHT = 280;
const MARGIN = { top: 16, bottom: 40, side: 48, end: 130 };

/** Overall scores (0-4) across rounds: one line per city, labelled at its last point. */
export function ProgressChart({ rounds, series, titleId, summaryId, formatNumber, rtl = false }: ProgressChartProps) {
  const innerWidth = WIDTH - MARGIN.side - MARGIN.end;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = scalePoint<number>({ domain: rounds.map((_, i) => i), range: rtl ? [innerWidth, 0] : [0, innerWidth], padding: 0.5 });
  const y = scaleLinear<number>({ domain: [0, LEVEL_MAX], range: [innerHeight, 0] });
  const left = rtl ? MARGIN.end : MARGIN.side;
  const axisX = rtl ? innerWidth : 0;

  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} aria-describedby={summaryId} tabIndex={0} className="chart" direction="ltr">
      <Group left={left} top={MARGIN.top}>
        {Array.from({ length: LEVEL_MAX + 1 }, (_, level) => (
          <g key={level}>
            <Line from={{ x: 0, y: y(level) }} to={{ x: innerWidth, y: y(level) }} stroke="#e1e6eb" />
            <text x={rtl ? axisX + 8 : axisX - 8} y={y(level)} textAnchor={rtl ? "start" : "end"} dominantBaseline="middle" className="chart-tick">
              {formatNumber(level)}
            </text>
          </g>
        ))}
        {rounds.map((round, i) => (
          <text key={round.key} x={x(i) ?? 0} y={innerHeight + 24} textAnchor="middle" className="chart-axis-label">
            {round.label}
          </text>
        ))}
        {series.map((s, si) => {
          const style = SERIES_STYLES[si % SERIES_STYLES.length]!;
          const points = s.values.map((v, i) => (v === null ? null : { x: x(i) ?? 0, y: y(v), i }));
          const last = [...points].reverse().find((p) => p !== null);
          return (
            <g key={s.key}>
              <LinePath
                data={points}
                x={(p) => p?.x ?? 0}
                y={(p) => p?.y ?? 0}
                defined={(p) => p !== null}
                stroke={style.stroke}
                strokeWidth={si === 0 ? 3 : 2}
                strokeDasharray={style.dash}
              />
              {points.map((p) => p && <Marker key={p.i} x={p.x} y={p.y} style={style} />)}
              {last && (
                <text x={rtl ? last.x - 10 : last.x + 10} y={last.y} textAnchor={rtl ? "end" : "start"} dominantBaseline="middle" className={si === 0 ? "chart-row-label chart-row-label-strong" : "chart-row-label"}>
                  {s.label}
                </text>
              )}
            </g>
          );
        })}
      </Group>
    </svg>
  );
}
