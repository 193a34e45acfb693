import { useState, type ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "@apollo/client/react";
import { REPORT_KINDS } from "@citypeer/domain/grants";
import { GRANT_REFETCH, refusal, requestFailure } from "./actions.ts";
import { formatDay, reportKindLabel } from "./labels.ts";
import { AcceptReportMutation, SubmitReportMutation, type DeadlineRow, type GrantData } from "./operations.ts";

/** Interim and final report: due dates with an overdue flag in words; the city submits, a project manager accepts. */
export function DeadlinesSection({
  grant,
  isManager,
  isOfficer,
  onStatus,
  onFailure,
}: {
  grant: GrantData;
  isManager: boolean;
  isOfficer: boolean;
  onStatus: (status: ReactNode) => void;
  onFailure: (message: string) => void;
}) {
  const intl = useIntl();
  const [submitReport] = useMutation(SubmitReportMutation, GRANT_REFETCH);
  const [acceptReport] = useMutation(AcceptReportMutation, GRANT_REFETCH);
  const [busy, setBusy] = useState<string>();
  const deadlines = [...grant.deadlines].sort((a, b) => REPORT_KINDS.indexOf(a.kind) - REPORT_KINDS.indexOf(b.kind));
  const when = (iso: string) => <time dateTime={iso}>{intl.formatDate(iso, { dateStyle: "medium" })}</time>;

  async function run(action: "submit" | "accept", deadline: DeadlineRow) {
    setBusy(deadline.id);
    const input = { deadlineId: deadline.id };
    try {
      const failed =
        action === "submit"
          ? refusal(intl, (await submitReport({ variables: { input } })).data?.submitReport)
          : refusal(intl, (await acceptReport({ variables: { input } })).data?.acceptReport);
      if (failed) onFailure(failed);
      else onStatus(<FormattedMessage id={`grants.report.done.${action}`} values={{ kind: reportKindLabel(intl, deadline.kind) }} />);
    } catch (error) {
      onFailure(requestFailure(intl, error));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section aria-labelledby="deadlines-heading" className="grant-section">
      <h2 id="deadlines-heading">
        <FormattedMessage id="grants.deadlines.title" />
      </h2>
      {deadlines.length === 0 ? (
        <p>
          <FormattedMessage id="grants.deadlines.empty" />
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="deadlines-caption" tabIndex={0}>
          <table className="grant-table">
            <caption id="deadlines-caption" className="visually-hidden">
              <FormattedMessage id="grants.deadlines.title" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="grants.col.report" />
                </th>
                <th scope="col">
                  <FormattedMessage id="grants.col.dueDate" />
                </th>
                <th scope="col">
                  <FormattedMessage id="grants.col.status" />
                </th>
                <th scope="col">
                  <FormattedMessage id="grants.col.actions" />
                </th>
              </tr>
            </thead>
            <tbody>
              {deadlines.map((d) => {
                const kind = reportKindLabel(intl, d.kind);
                return (
                  <tr key={d.id}>
                    <th scope="row">{kind}</th>
                    <td>{formatDay(intl, d.dueDate)}</td>
                    <td>
                      {d.acceptedAt ? (
                        <span className="status status-active">
                          <FormattedMessage id="grants.report.accepted" values={{ date: when(d.acceptedAt) }} />
                        </span>
                      ) : d.submittedAt ? (
                        <span className="status status-pending">
                          <FormattedMessage id="grants.report.submitted" values={{ date: when(d.submittedAt) }} />
                        </span>
                      ) : d.isOverdue ? (
                        <span className="status status-overdue">
                          <FormattedMessage id="grants.report.overdue" />
                        </span>
                      ) : (
                        <span className="status">
                          <FormattedMessage id="grants.report.due" />
                        </span>
                      )}
                    </td>
                    <td>
                      <div className="row-actions">
                        {isOfficer && !d.acceptedAt && (
                          <button type="button" className="button button-small" disabled={busy === d.id} onClick={() => void run("submit", d)}>
                            <FormattedMessage id={d.submittedAt ? "grants.report.resubmit" : "grants.report.submit"} values={{ kind }} />
                          </button>
                        )}
                        {isManager && d.submittedAt && !d.acceptedAt && (
                          <button type="button" className="button button-small" disabled={busy === d.id} onClick={() => void run("accept", d)}>
                            <FormattedMessage id="grants.report.accept" values={{ kind }} />
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
