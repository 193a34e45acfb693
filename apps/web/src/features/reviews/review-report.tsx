import { FormattedMessage, useIntl } from "react-intl";
import type { ResultOf } from "../../app/graphql.ts";
import { formatScore } from "./labels.ts";
import type { ReviewDetailsFragment } from "./operations.ts";
import { ScoreSummaryTable } from "./score-summary.tsx";

type Review = ResultOf<typeof ReviewDetailsFragment>;

/**
 * The consolidated scores: mean and spread per criterion, every reviewer's comments, and the city's
 * self-assessment beside the reviewers' view of each indicator. Rendered only once the API returns
 * the scores (the independence rule decides; this component never guesses).
 */
export function ReviewScoresReport({ review }: { review: Review }) {
  const intl = useIntl();
  const summary = review.summary ?? [];
  const scores = review.scores ?? [];
  const submitted = review.assignments.filter((a) => a.hasSubmittedScores).length;
  if (submitted === 0)
    return (
      <p className="muted">
        <FormattedMessage id="report.noneSubmitted" />
      </p>
    );

  return (
    <>
      <p>
        <FormattedMessage id="report.basis" values={{ submitted, total: review.assignments.length }} />
      </p>
      <ScoreSummaryTable summary={summary} captionId="report-scores-caption" caption={intl.formatMessage({ id: "report.scoresCaption" })} />

      <h3 id="report-comments">
        <FormattedMessage id="report.comments" />
      </h3>
      {scores.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="report.noScores" />
        </p>
      ) : (
        <dl className="comment-list" aria-labelledby="report-comments">
          {review.criteria.map((c) => {
            const own = scores.filter((s) => s.criterionId === c.id);
            if (own.length === 0) return null;
            return (
              <div key={c.id} className="comment-group">
                <dt>{c.title}</dt>
                {own.map((s) => (
                  <dd key={s.id}>
                    <p className="comment-meta">
                      <FormattedMessage id="report.scoreBy" values={{ name: <bdi>{s.reviewer.name}</bdi>, score: intl.formatNumber(s.score) }} />
                    </p>
                    {s.comment ? (
                      <p dir="auto" className="comment-text">
                        {s.comment}
                      </p>
                    ) : (
                      <p className="muted">
                        <FormattedMessage id="report.noComment" />
                      </p>
                    )}
                  </dd>
                ))}
              </div>
            );
          })}
        </dl>
      )}

      {review.indicatorComparison.length > 0 && (
        <>
          <h3 id="report-indicators">
            <FormattedMessage id="report.indicators" />
          </h3>
          <div className="table-scroll" role="region" aria-labelledby="report-indicators-caption" tabIndex={0}>
            <table>
              <caption id="report-indicators-caption">
                <FormattedMessage id="report.indicatorsCaption" />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="report.indicator" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="report.selfLevel" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="report.peerLevels" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="report.peerMean" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="report.gap" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {review.indicatorComparison.map((row) => {
                  const gap = row.selfLevel != null && row.peerMean != null ? row.peerMean - row.selfLevel : null;
                  return (
                    <tr key={row.indicatorId}>
                      <th scope="row">
                        <span className="code">{row.code}</span> <bdi>{row.title}</bdi>
                      </th>
                      <td className="numeric">{row.selfLevel == null ? intl.formatMessage({ id: "report.notAssessed" }) : intl.formatNumber(row.selfLevel)}</td>
                      <td className="numeric">
                        {row.peerLevels && row.peerLevels.length > 0 ? intl.formatList(row.peerLevels.map((l) => intl.formatNumber(l))) : "–"}
                      </td>
                      <td className="numeric">{row.peerMean == null ? "–" : formatScore(intl, row.peerMean)}</td>
                      <td className="numeric">
                        {gap == null ? "–" : intl.formatNumber(gap, { maximumFractionDigits: 2, signDisplay: "exceptZero" })}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
