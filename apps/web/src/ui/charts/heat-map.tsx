import { Group } from "@visx/group";
import { scaleBand } from "@visx/scale";
import { levelFill, levelTextColour } from "./scale.tsx";

export type HeatMapRow = { key: string; label: string; values: readonly (number | null)[]; isHighlighted?: boolean };

type HeatMapProps = {
  columns: readonly { key: string; label: string }[];
  rows: readonly HeatMapRow[];
  titleId: string;
  summaryId: string;
  formatNumber: (n: number) => string;
  /** Right to left: row labels on the right, first column at the right. */
  rtl?: boolean;
};

const CELL = 40;
const LABEL_WIDTH = 150;
const HEADER = 64;

/**
 * Cities by indicators: one cell per level, coloured light (0) to dark (4) AND labelled with the level,
 * so nothing depends on telling colours apart. An empty cell (no level) shows a dash.
 */
export function HeatMap({ columns, rows, titleId, summaryId, formatNumber, rtl = false }: HeatMapProps) {
  const width = LABEL_WIDTH + columns.length * CELL + 8;
  const height = HEADER + rows.length * CELL + 4;
  const x = scaleBand<number>({ domain: columns.map((_, i) => i), range: [0, columns.length * CELL], padding: 0 });
  const y = scaleBand<number>({ domain: rows.map((_, i) => i), range: [0, rows.length * CELL], padding: 0 });
  const gridLeft = rtl ? 4 : LABEL_WIDTH;
  const cellX = (i: number) => (rtl ? columns.length * CELL - (x(i) ?? 0) - CELL : (x(i) ?? 0));

  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} aria-describedby={summaryId} tabIndex={0} className="chart" direction="ltr">
      <Group left={gridLeft} top={HEADER}>
        {columns.map((c, i) => (
          <text
            key={c.key}
            transform={`translate(${cellX(i) + CELL / 2}, -8) rotate(-45)`}
            className="chart-axis-label"
            textAnchor="start"
          >
            {c.label}
          </text>
        ))}
        {rows.map((row, ri) => (
          <g key={row.key} transform={`translate(0, ${y(ri) ?? 0})`}>
            <text
              x={rtl ? columns.length * CELL + 8 : -8}
              y={CELL / 2}
              textAnchor={rtl ? "start" : "end"}
              dominantBaseline="middle"
              className={row.isHighlighted ? "chart-row-label chart-row-label-strong" : "chart-row-label"}
            >
              {row.label}
            </text>
            {row.values.map((value, ci) => (
              <g key={columns[ci]?.key ?? ci} transform={`translate(${cellX(ci)}, 0)`}>
                <rect width={CELL - 2} height={CELL - 2} x={1} y={1} fill={levelFill(value)} stroke={row.isHighlighted ? "#1b1f24" : "#c9d0d8"} strokeWidth={row.isHighlighted ? 2 : 1} />
                <text x={CELL / 2} y={CELL / 2} textAnchor="middle" dominantBaseline="central" fill={levelTextColour(value)} className="chart-cell-label">
                  {value === null ? "–" : formatNumber(value)}
                </text>
              </g>
            ))}
          </g>
        ))}
      </Group>
    </svg>
  );
}
