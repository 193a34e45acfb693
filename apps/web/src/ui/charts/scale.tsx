/** The 0-4 maturity scale. */
export const LEVEL_MAX = 4;

/**
 * Cell colours for levels 0-4 (light to dark blue) and the text colour readable on each (>= 4.5:1).
 * Colour is never the only cue: every cell also prints its level.
 */
const LEVEL_FILLS = ["#f1f5fb", "#c6dbef", "#6baed6", "#2171b5", "#08306b"] as const;
const LEVEL_TEXT = ["#1b1f24", "#1b1f24", "#1b1f24", "#ffffff", "#ffffff"] as const;

export function levelFill(level: number | null): string {
  if (level === null) return "#ffffff";
  return LEVEL_FILLS[Math.max(0, Math.min(LEVEL_MAX, Math.round(level)))]!;
}

export function levelTextColour(level: number | null): string {
  if (level === null) return "#4a5360";
  return LEVEL_TEXT[Math.max(0, Math.min(LEVEL_MAX, Math.round(level)))]!;
}

/** Series styles: colour plus a dash pattern and a marker shape, so lines differ without colour. */
export const SERIES_STYLES = [
  { stroke: "#1d4e89", dash: undefined, marker: "circle" },
  { stroke: "#b35c00", dash: "6 4", marker: "square" },
  { stroke: "#2f7d4f", dash: "2 3", marker: "triangle" },
  { stroke: "#7b3f98", dash: "10 3 2 3", marker: "diamond" },
  { stroke: "#4a5360", dash: "1 3", marker: "circle" },
] as const;
export type SeriesStyle = (typeof SERIES_STYLES)[number];

/** A marker shape centred on (x, y). */
export function Marker({ x, y, style, size = 4 }: { x: number; y: number; style: SeriesStyle; size?: number }) {
  const common = { fill: "#ffffff", stroke: style.stroke, strokeWidth: 2 };
  switch (style.marker) {
    case "square":
      return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} {...common} />;
    case "triangle":
      return <polygon points={`${x},${y - size - 1} ${x + size + 1},${y + size} ${x - size - 1},${y + size}`} {...common} />;
    case "diamond":
      return <polygon points={`${x},${y - size - 1} ${x + size + 1},${y} ${x},${y + size + 1} ${x - size - 1},${y}`} {...common} />;
    default:
      return <circle cx={x} cy={y} r={size} {...common} />;
  }
}
