import { useId, useState, type ReactNode } from "react";
import { FormattedMessage } from "react-intl";
import "./charts.css";

type ChartFigureProps = {
  title: string;
  /** What the chart shows in words (read by screen readers as the chart's description, shown as a hint). */
  summary: string;
  /** The chart, given the ids its <svg> should point to (aria-labelledby / aria-describedby). */
  chart: (ids: { titleId: string; summaryId: string }) => ReactNode;
  /** The same data as a table: the keyboard and screen-reader path to every number. */
  table: ReactNode;
  legend?: ReactNode;
  headingLevel?: 2 | 3 | 4;
};

/**
 * A chart with its accessible name and description, an optional legend, and a "Show as table" toggle
 * that reveals the data as a <table>. The chart alone never carries information that the table lacks.
 */
export function ChartFigure({ title, summary, chart, table, legend, headingLevel = 2 }: ChartFigureProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const summaryId = `${id}-summary`;
  const tableId = `${id}-table`;
  const [showTable, setShowTable] = useState(false);
  const Heading = headingLevel === 2 ? "h2" : headingLevel === 3 ? "h3" : "h4";

  return (
    <figure className="chart-figure" aria-labelledby={titleId}>
      <div className="chart-header">
        <Heading id={titleId} className="chart-title">
          {title}
        </Heading>
        <button type="button" className="button button-small button-secondary" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((v) => !v)}>
          <FormattedMessage id={showTable ? "charts.hideTable" : "charts.showTable"} />
        </button>
      </div>
      <p id={summaryId} className="chart-summary">
        {summary}
      </p>
      {legend}
      <div className="chart-scroll">{chart({ titleId, summaryId })}</div>
      <div id={tableId} hidden={!showTable} className="chart-table">
        {showTable && table}
      </div>
    </figure>
  );
}

/** A legend entry: the line or marker sample drawn as in the chart, and its label in text. */
export function LegendItem({ sample, children }: { sample: ReactNode; children: ReactNode }) {
  return (
    <li>
      <svg width="36" height="14" aria-hidden="true" className="legend-sample" direction="ltr">
        {sample}
      </svg>
      {children}
    </li>
  );
}
