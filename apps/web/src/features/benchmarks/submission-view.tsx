import { FormattedMessage, useIntl } from "react-intl";
import type { ResultOf } from "../../app/graphql.ts";
import type { FrameworkFields } from "./operations.ts";
import type { Submission } from "./submission-status.tsx";
import { languageName } from "../pilots/labels.ts";
import { formatBytes } from "./upload.ts";

type Framework = ResultOf<typeof FrameworkFields>;

/**
 * A self-assessment as submitted: for the city after submitting, and for the project team validating it.
 * The city's texts are shown as written, marked with the language the city gave, never translated.
 */
export function SubmissionView({ framework, submission }: { framework: Framework; submission: Submission | null }) {
  const intl = useIntl();
  const scores = new Map((submission?.scores ?? []).map((s) => [s.indicatorId, s]));
  const lang = submission?.contentLanguage;

  return (
    <div className="submission-view">
      {lang && (
        <p className="muted written-in">
          <FormattedMessage id="submission.writtenIn" values={{ language: languageName(intl, lang) }} />
        </p>
      )}
      {submission?.comment && (
        <section aria-labelledby="submission-comment-view" className="panel">
          <h2 id="submission-comment-view">
            <FormattedMessage id="submission.comment" />
          </h2>
          <p lang={lang} dir="auto" className="pre-line">
            {submission.comment}
          </p>
        </section>
      )}
      {framework.dimensions.map((d) => (
        <section key={d.id} aria-labelledby={`view-dimension-${d.id}`} className="dimension">
          <h2 id={`view-dimension-${d.id}`}>
            <bdi className="code">{d.code}</bdi> <span dir="auto">{d.title}</span>
          </h2>
          {d.indicators.map((indicator) => {
            const score = scores.get(indicator.id);
            const level = score?.level ?? null;
            const descriptor = indicator.levels.find((l) => l.level === level)?.descriptor;
            return (
              <article key={indicator.id} className="indicator" aria-labelledby={`view-indicator-${indicator.id}`}>
                <h3 id={`view-indicator-${indicator.id}`}>
                  <bdi className="code">{indicator.code}</bdi> <span dir="auto">{indicator.title}</span>
                </h3>
                <dl className="facts">
                  <div>
                    <dt>
                      <FormattedMessage id="submission.level" />
                    </dt>
                    <dd>
                      {level === null ? (
                        <span className="muted">
                          <FormattedMessage id="submission.notScored" />
                        </span>
                      ) : (
                        <>
                          <strong>
                            <FormattedMessage id="level.label" values={{ level }} />
                          </strong>
                          {descriptor && <span dir="auto">: {descriptor}</span>}
                        </>
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt>
                      <FormattedMessage id="submission.evidenceText" />
                    </dt>
                    <dd lang={score?.evidenceText ? lang : undefined} dir="auto" className="pre-line">
                      {score?.evidenceText || (
                        <span className="muted">
                          <FormattedMessage id="submission.none" />
                        </span>
                      )}
                    </dd>
                  </div>
                  {(score?.evidenceLinks.length ?? 0) > 0 && (
                    <div>
                      <dt>
                        <FormattedMessage id="submission.evidenceLinks" />
                      </dt>
                      <dd>
                        <ul className="plain-list">
                          {score!.evidenceLinks.map((link) => (
                            <li key={link}>
                              <a href={link} rel="noreferrer" target="_blank" dir="ltr">
                                {link}
                              </a>
                            </li>
                          ))}
                        </ul>
                      </dd>
                    </div>
                  )}
                  {(score?.attachments.length ?? 0) > 0 && (
                    <div>
                      <dt>
                        <FormattedMessage id="submission.evidenceFiles" />
                      </dt>
                      <dd>
                        <ul className="plain-list">
                          {score!.attachments.map((file) => (
                            <li key={file.id}>
                              <a href={file.downloadUrl}>
                                <bdi>{file.fileName}</bdi>
                              </a>{" "}
                              <span className="muted">({formatBytes(intl.locale, file.sizeBytes)})</span>
                            </li>
                          ))}
                        </ul>
                      </dd>
                    </div>
                  )}
                </dl>
              </article>
            );
          })}
        </section>
      ))}
    </div>
  );
}
