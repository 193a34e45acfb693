import { Group } from "@visx/group";
import { scaleLinear } from "@visx/scale";
import { Line, LinePath } from "@visx/shape";
import { LEVEL_MAX, Marker, SERIES_STYLES } from "./scale.tsx";

export type RadarAxis = { key: string; label: string };
export type RadarSeries = { key: string; label: string; values: readonly (number | null)[] };

type RadarChartProps = {
  axes: readonly RadarAxis[];
  series: readonly RadarSeries[];
  titleId: string;
  summaryId: string;
  formatNumber: (n: number) => string;
  size?: number;
};

/**
 * A radar (spider) chart on the 0-4 scale: one spoke per axis, one closed line per series. visx has no radar
 * component; this is a polar layout drawn with LinePath. A missing value leaves a gap in that series' line.
 */
export function RadarChart({ axes, series, titleId, summaryId, formatNumber, size = 380 }: RadarChartProps) {
  const margin = 56;
  const radius = size / 2 - margin;
  const r = scaleLinear<number>({ domain: [0, LEVEL_MAX], range: [0, radius] });
  // first spoke points up, then clockwise
  const angle = (i: number) => (Math.PI * 2 * i) / axes.length - Math.PI / 2;
  const point = (i: number, value: number) => ({ x: r(value) * Math.cos(angle(i)), y: r(value) * Math.sin(angle(i)) });
  const rings = Array.from({ length: LEVEL_MAX }, (_, k) => k + 1);

  return (
    // direction=ltr: geometry and the Latin codes on the spokes read the same in both directions
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} role="img" aria-labelledby={titleId} aria-describedby={summaryId} tabIndex={0} className="chart" direction="ltr">
      <Group top={size / 2} left={size / 2}>
        {rings.map((level) => (
          <g key={level}>
            <LinePath
              data={[...axes.map((_, i) => point(i, level)), point(0, level)]}
              x={(d) => d.x}
              y={(d) => d.y}
              stroke="#c9d0d8"
              strokeWidth={1}
              fill="none"
            />
            <text x={4} y={-r(level) + 12} className="chart-tick">
              {formatNumber(level)}
            </text>
          </g>
        ))}
        {axes.map((axis, i) => {
          const end = point(i, LEVEL_MAX);
          const label = point(i, LEVEL_MAX + 0.55);
          const anchor = Math.abs(label.x) < 4 ? "middle" : label.x > 0 ? "start" : "end";
          return (
            <g key={axis.key}>
              <Line from={{ x: 0, y: 0 }} to={end} stroke="#c9d0d8" strokeWidth={1} />
              <text x={label.x} y={label.y} textAnchor={anchor} dominantBaseline="middle" className="chart-axis-label">
                {axis.label}
              </text>
            </g>
          );
        })}
        {series.map((s, si) => {
          const style = SERIES_STYLES[si % SERIES_STYLES.length]!;
          const points = s.values.map((v, i) => (v === null ? null : { ...point(i, v), i }));
          const closed = points[0] ? [...points, points[0]] : points;
          return (
            <g key={s.key}>
              <LinePath
                data={closed}
                x={(d) => d?.x ?? 0}
                y={(d) => d?.y ?? 0}
                defined={(d) => d !== null}
                stroke={style.stroke}
                strokeWidth={si === 0 ? 3 : 2}
                strokeDasharray={style.dash}
                fill={si === 0 ? style.stroke : "none"}
                fillOpacity={0.12}
              />
              {points.map((p) => p && <Marker key={p.i} x={p.x} y={p.y} style={style} />)}
            </g>
          );
        })}
      </Group>
    </svg>
  );
}
