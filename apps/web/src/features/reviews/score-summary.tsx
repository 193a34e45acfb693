import { FormattedMessage, useIntl } from "react-intl";
import { formatScore } from "./labels.ts";

type Summary = { criterionId: string; code: string; title: string; n: number; mean: number | null; min: number | null; max: number | null; stdDev: number | null };

const position = (score: number) => `${((score - 1) / 4) * 100}%`;

/**
 * Mean and spread per criterion: the numbers in columns, and beside them a 1-5 track with the range
 * (lowest to highest score) as a bar and the mean as a dot. The drawing repeats the numbers, so it is
 * hidden from screen readers; logical offsets mirror it in Arabic.
 */
export function ScoreSummaryTable({ summary, captionId, caption }: { summary: readonly Summary[]; captionId: string; caption: string }) {
  const intl = useIntl();
  const number = (v: number | null) => (v == null ? "–" : formatScore(intl, v));
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="score-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="report.criterion" />
            </th>
            <th scope="col">
              <FormattedMessage id="report.n" />
            </th>
            <th scope="col">
              <FormattedMessage id="report.mean" />
            </th>
            <th scope="col">
              <FormattedMessage id="report.range" />
            </th>
            <th scope="col">
              <FormattedMessage id="report.stdDev" />
            </th>
            <th scope="col">
              <FormattedMessage id="report.chart" />
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.map((s) => (
            <tr key={s.criterionId}>
              <th scope="row">{s.title}</th>
              <td className="numeric">{intl.formatNumber(s.n)}</td>
              <td className="numeric score-mean">{number(s.mean)}</td>
              <td className="numeric">
                {s.min == null || s.max == null ? "–" : <FormattedMessage id="report.rangeValue" values={{ min: number(s.min), max: number(s.max) }} />}
              </td>
              <td className="numeric">{number(s.stdDev)}</td>
              <td>
                {s.mean != null && s.min != null && s.max != null ? (
                  <span className="score-track" aria-hidden="true">
                    <span className="score-range" style={{ insetInlineStart: position(s.min), inlineSize: `calc(${position(s.max)} - ${position(s.min)})` }} />
                    <span className="score-dot" style={{ insetInlineStart: position(s.mean) }} />
                    {[1, 2, 3, 4, 5].map((tick) => (
                      <span key={tick} className="score-tick" style={{ insetInlineStart: position(tick) }}>
                        {intl.formatNumber(tick)}
                      </span>
                    ))}
                  </span>
                ) : (
                  <span className="muted">
                    <FormattedMessage id="report.noScores" />
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
