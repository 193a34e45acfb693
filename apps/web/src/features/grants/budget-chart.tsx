import { useId } from "react";
import { useIntl } from "react-intl";
import { scaleLinear } from "@visx/scale";
import { isRtl } from "@citypeer/i18n/locales";
import { categoryLabel } from "./labels.ts";
import { formatMoney } from "./money.ts";
import type { BudgetLineRow } from "./operations.ts";

const WIDTH = 720;
const LABEL_WIDTH = 200;
const VALUE_WIDTH = 150;
const BAR = 14;
const ROW = 3 * BAR + 14;

/**
 * Budget against approved spend per category as horizontal bars. Each bar prints its amount and the two
 * bars differ in shape (outline vs filled), not only in colour; the table next to it is the full text version.
 * In a right-to-left language the bars grow from the right.
 */
export function BudgetChart({ lines, titleId }: { lines: readonly BudgetLineRow[]; titleId: string }) {
  const intl = useIntl();
  const rtl = isRtl(intl.locale);
  const descId = useId();
  const budgetOf = (l: BudgetLineRow) => l.approvedCents ?? l.plannedCents;
  const max = Math.max(1, ...lines.flatMap((l) => [budgetOf(l), l.approvedSpendCents + l.pendingSpendCents]));
  const scale = scaleLinear({ domain: [0, max], range: [0, WIDTH - LABEL_WIDTH - VALUE_WIDTH] });
  const height = lines.length * ROW + 8;
  // x of a bar's start and of text, mirrored for right-to-left reading
  const x = (offset: number, length = 0) => (rtl ? WIDTH - offset - length : offset);
  // SVG text inherits the page's direction, so "start" is the reading start in both directions
  const anchor = "start";

  return (
    <figure className="grant-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        className="grant-chart-svg"
        preserveAspectRatio="xMinYMin meet"
      >
        <desc id={descId}>{intl.formatMessage({ id: "grants.budgetChart.desc" })}</desc>
        {lines.map((line, i) => {
          const top = i * ROW + 4;
          const budget = budgetOf(line);
          const spend = line.approvedSpendCents;
          const budgetWidth = scale(budget);
          const spendWidth = scale(spend);
          const pendingWidth = scale(line.pendingSpendCents);
          return (
            <g key={line.category}>
              <text x={x(0)} y={top + BAR + 2} textAnchor={anchor} className="chart-label">
                {categoryLabel(intl, line.category)}
              </text>
              <rect x={x(LABEL_WIDTH, budgetWidth)} y={top} width={Math.max(budgetWidth, 1)} height={BAR} className="bar-budget" />
              <text x={x(LABEL_WIDTH + budgetWidth + 6)} y={top + BAR - 3} textAnchor={anchor} className="chart-value">
                {intl.formatMessage({ id: "grants.budgetChart.budget" }, { amount: formatMoney(intl, budget) })}
              </text>
              <rect
                x={x(LABEL_WIDTH, spendWidth)}
                y={top + BAR + 2}
                width={Math.max(spendWidth, 1)}
                height={BAR}
                className={line.isOverrun ? "bar-spend bar-overrun" : "bar-spend"}
              />
              {pendingWidth > 0 && (
                <rect x={x(LABEL_WIDTH + spendWidth, pendingWidth)} y={top + BAR + 2} width={pendingWidth} height={BAR} className="bar-pending" />
              )}
              <text x={x(LABEL_WIDTH + spendWidth + pendingWidth + 6)} y={top + 2 * BAR - 1} textAnchor={anchor} className="chart-value">
                {intl.formatMessage({ id: "grants.budgetChart.spent" }, { amount: formatMoney(intl, spend) })}
                {line.isOverrun ? ` ${intl.formatMessage({ id: "grants.overrunMark" })}` : ""}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        <span className="legend-item">
          <span className="legend-swatch bar-budget" aria-hidden="true" />
          {intl.formatMessage({ id: "grants.legend.budget" })}
        </span>
        <span className="legend-item">
          <span className="legend-swatch bar-spend" aria-hidden="true" />
          {intl.formatMessage({ id: "grants.legend.spent" })}
        </span>
        <span className="legend-item">
          <span className="legend-swatch bar-pending" aria-hidden="true" />
          {intl.formatMessage({ id: "grants.legend.pending" })}
        </span>
      </figcaption>
    </figure>
  );
}
