import { useState, type ReactNode } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useLocation, useParams } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { nodeId } from "../open-call/ids.ts";
import { cityLabel, countryName, languageName } from "../open-call/labels.ts";
import { actionStatusLabel, formatDay, formatLabel, mentoringStatusLabel } from "./labels.ts";
import { DeleteMentoringSessionMutation, DeleteSupportActionMutation, MentoringAssignmentQuery } from "./operations.ts";
import { ActionDialog, GoalsForm, OutcomeSurveyForm, SessionDialog, type ActionRow, type SessionRow } from "./plan-forms.tsx";
import "../open-call/open-call.css";

type OpenDialog = { kind: "action"; action: ActionRow | null } | { kind: "session"; session: SessionRow | null } | null;

/**
 * `/mentoring/:id`: the support plan of one mentoring (goals, actions, sessions), kept by the mentor and the
 * mentee city's officers; the mentee city ends it with the outcome survey.
 */
export function SupportPlanPage() {
  const intl = useIntl();
  const id = nodeId("MentoringAssignment", useParams().id ?? "");
  const notice = (useLocation().state as { notice?: unknown } | null)?.notice;
  const { data, error, refetch } = useQuery(MentoringAssignmentQuery, { variables: { id }, fetchPolicy: "cache-and-network" });
  const [deleteAction] = useMutation(DeleteSupportActionMutation);
  const [deleteSession] = useMutation(DeleteMentoringSessionMutation);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [status, setStatus] = useState<ReactNode>(typeof notice === "string" ? notice : undefined);
  const [failure, setFailure] = useState<string>();

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data)
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  const a = data.mentoringAssignment;
  if (!a)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "plan.notFound" })}</PageHeading>
        <Link to="/mentoring">
          <FormattedMessage id="plan.backToMentoring" />
        </Link>
      </>
    );
  const plan = a.plan;
  const canEdit = a.viewerCanEditPlan;
  const city = cityLabel(a.menteeCity);
  const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

  async function run(action: () => Promise<{ __typename: string; code?: string; message?: string } | undefined>, done: string) {
    setStatus(undefined);
    setFailure(undefined);
    try {
      const result = await action();
      if (result?.__typename.endsWith("Success")) setStatus(done);
      else if (result?.__typename === "ConflictError" && result.code) setFailure(errorText(intl, result.code, result.message));
      else setFailure(errorText(intl, "not_found"));
    } catch (e) {
      setFailure(errorText(intl, errorCode(e)));
    }
  }

  return (
    <>
      <p>
        <Link to="/mentoring">
          <FormattedMessage id="plan.backToMentoring" />
        </Link>
      </p>
      <PageHeading>{intl.formatMessage({ id: "plan.title" }, { city })}</PageHeading>
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage id="mentoring.mentor" />
          </dt>
          <dd>
            <bdi>{a.mentor.name}</bdi>
          </dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="openCall.status" />
          </dt>
          <dd>{mentoringStatusLabel(intl, a.status)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="mentoring.country" />
          </dt>
          <dd>{countryName(intl, a.menteeCity.country)}</dd>
        </div>
        {a.theme && (
          <div>
            <dt>
              <FormattedMessage id="apply.theme" />
            </dt>
            <dd>
              <bdi>{a.theme.name}</bdi>
            </dd>
          </div>
        )}
        {a.menteeLanguages.length > 0 && (
          <div>
            <dt>
              <FormattedMessage id="apply.workingLanguages" />
            </dt>
            <dd>{intl.formatList(a.menteeLanguages.map((l) => languageName(intl, l)))}</dd>
          </div>
        )}
      </dl>
      {(a.needs || a.currentSituation) && (
        <details className="oc-panel">
          <summary>
            <FormattedMessage id="plan.fromApplication" values={{ city }} />
          </summary>
          {a.currentSituation && (
            <>
              <h3>
                <FormattedMessage id="apply.currentSituation" />
              </h3>
              <p className="oc-prose" dir="auto">
                {a.currentSituation}
              </p>
            </>
          )}
          {a.needs && (
            <>
              <h3>
                <FormattedMessage id="apply.needs" />
              </h3>
              <p className="oc-prose" dir="auto">
                {a.needs}
              </p>
            </>
          )}
        </details>
      )}
      <StatusMessage>{status}</StatusMessage>
      <div role="alert" className={failure ? "notice notice-error" : undefined}>
        {failure && <p>{failure}</p>}
      </div>

      {!plan ? (
        <p>
          <FormattedMessage id="plan.noPlan" />
        </p>
      ) : (
        <>
          <section className="oc-section" aria-labelledby="plan-goals">
            <h2 id="plan-goals">
              <FormattedMessage id="plan.goals" />
            </h2>
            {canEdit ? (
              <GoalsForm key={plan.updatedAt} assignmentId={a.id} goals={plan.goals} onSaved={() => setStatus(intl.formatMessage({ id: "plan.goalsSaved" }))} />
            ) : plan.goals ? (
              <p className="oc-prose" dir="auto">
                {plan.goals}
              </p>
            ) : (
              <p className="muted">
                <FormattedMessage id="plan.noGoals" />
              </p>
            )}
          </section>

          <section className="oc-section" aria-labelledby="plan-actions">
            <h2 id="plan-actions">
              <FormattedMessage id="plan.actions" />
            </h2>
            {plan.actions.length === 0 ? (
              <p className="muted">
                <FormattedMessage id="plan.noActions" />
              </p>
            ) : (
              <div className="table-scroll" role="region" aria-labelledby="actions-caption" tabIndex={0}>
                <table className="oc-table">
                  <caption id="actions-caption" className="visually-hidden">
                    <FormattedMessage id="plan.actions" />
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">
                        <FormattedMessage id="plan.actionTitle" />
                      </th>
                      <th scope="col">
                        <FormattedMessage id="plan.actionOwner" />
                      </th>
                      <th scope="col">
                        <FormattedMessage id="plan.actionDue" />
                      </th>
                      <th scope="col">
                        <FormattedMessage id="plan.actionStatus" />
                      </th>
                      {canEdit && (
                        <th scope="col">
                          <FormattedMessage id="ranking.actions" />
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {plan.actions.map((action) => (
                      <tr key={action.id}>
                        <th scope="row" dir="auto">
                          {action.title}
                        </th>
                        <td dir="auto">{action.owner}</td>
                        <td>{action.dueDate ? formatDay(intl, action.dueDate) : "–"}</td>
                        <td>
                          <span className="status">{actionStatusLabel(intl, action.status)}</span>
                        </td>
                        {canEdit && (
                          <td>
                            <div className="row-actions">
                              <button type="button" className="button button-small button-secondary" onClick={() => setDialog({ kind: "action", action })}>
                                <FormattedMessage id="plan.edit" values={{ name: action.title, hidden }} />
                              </button>
                              <button
                                type="button"
                                className="button button-small button-secondary"
                                onClick={() =>
                                  void run(
                                    async () => (await deleteAction({ variables: { input: { assignmentId: a.id, actionId: action.id } } })).data?.deleteSupportAction,
                                    intl.formatMessage({ id: "plan.actionDeleted" }, { title: action.title }),
                                  )
                                }
                              >
                                <FormattedMessage id="plan.delete" values={{ name: action.title, hidden }} />
                              </button>
                            </div>
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {canEdit && (
              <button type="button" className="button button-secondary" onClick={() => setDialog({ kind: "action", action: null })}>
                <FormattedMessage id="plan.addAction" />
              </button>
            )}
          </section>

          <section className="oc-section" aria-labelledby="plan-sessions">
            <h2 id="plan-sessions">
              <FormattedMessage id="plan.sessions" />
            </h2>
            {plan.sessions.length === 0 ? (
              <p className="muted">
                <FormattedMessage id="plan.noSessions" />
              </p>
            ) : (
              <ul className="card-list">
                {plan.sessions.map((s) => {
                  const headingId = `session-${s.id}`;
                  const label = intl.formatMessage({ id: "plan.sessionHeading" }, { date: formatDay(intl, s.date), format: formatLabel(intl, s.format) });
                  return (
                    <li key={s.id}>
                      <article className="card" aria-labelledby={headingId}>
                        <h3 id={headingId} className="card-title">
                          {label}
                        </h3>
                        {s.notes && (
                          <>
                            <h4>
                              <FormattedMessage id="plan.sessionNotes" />
                            </h4>
                            <p className="oc-prose" dir="auto">
                              {s.notes}
                            </p>
                          </>
                        )}
                        {s.followUps && (
                          <>
                            <h4>
                              <FormattedMessage id="plan.sessionFollowUps" />
                            </h4>
                            <p className="oc-prose" dir="auto">
                              {s.followUps}
                            </p>
                          </>
                        )}
                        {canEdit && (
                          <div className="row-actions">
                            <button type="button" className="button button-small button-secondary" onClick={() => setDialog({ kind: "session", session: s })}>
                              <FormattedMessage id="plan.edit" values={{ name: label, hidden }} />
                            </button>
                            <button
                              type="button"
                              className="button button-small button-secondary"
                              onClick={() =>
                                void run(
                                  async () => (await deleteSession({ variables: { input: { assignmentId: a.id, sessionId: s.id } } })).data?.deleteMentoringSession,
                                  intl.formatMessage({ id: "plan.sessionDeleted" }),
                                )
                              }
                            >
                              <FormattedMessage id="plan.delete" values={{ name: label, hidden }} />
                            </button>
                          </div>
                        )}
                      </article>
                    </li>
                  );
                })}
              </ul>
            )}
            {canEdit && (
              <button type="button" className="button button-secondary" onClick={() => setDialog({ kind: "session", session: null })}>
                <FormattedMessage id="plan.addSession" />
              </button>
            )}
          </section>

          <section className="oc-section" aria-labelledby="plan-survey">
            <h2 id="plan-survey">
              <FormattedMessage id="survey.title" />
            </h2>
            {plan.outcomeSurvey ? (
              <dl className="facts">
                {(["goalsAchieved", "mentorSupport", "peerExchange", "wouldRecommend"] as const).map((q) => (
                  <div key={q}>
                    <dt>
                      <FormattedMessage id={`survey.${q}`} />
                    </dt>
                    <dd>{intl.formatMessage({ id: "survey.rating" }, { n: plan.outcomeSurvey![q] })}</dd>
                  </div>
                ))}
                <div>
                  <dt>
                    <FormattedMessage id="survey.whatChanged" />
                  </dt>
                  <dd className="oc-prose" dir="auto">
                    {plan.outcomeSurvey.whatChanged}
                  </dd>
                </div>
                {plan.outcomeSurvey.suggestions && (
                  <div>
                    <dt>
                      <FormattedMessage id="survey.suggestions" />
                    </dt>
                    <dd className="oc-prose" dir="auto">
                      {plan.outcomeSurvey.suggestions}
                    </dd>
                  </div>
                )}
              </dl>
            ) : a.viewerCanSubmitSurvey ? (
              <OutcomeSurveyForm assignmentId={a.id} onSubmitted={() => setStatus(intl.formatMessage({ id: "survey.submitted" }))} />
            ) : (
              <p className="muted">
                <FormattedMessage id="survey.notYet" values={{ city }} />
              </p>
            )}
          </section>
        </>
      )}

      {dialog?.kind === "action" && (
        <ActionDialog
          assignmentId={a.id}
          action={dialog.action}
          onClose={() => setDialog(null)}
          onSaved={(title) => {
            setDialog(null);
            setFailure(undefined);
            setStatus(intl.formatMessage({ id: "plan.actionSaved" }, { title }));
          }}
        />
      )}
      {dialog?.kind === "session" && (
        <SessionDialog
          assignmentId={a.id}
          session={dialog.session}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            setFailure(undefined);
            setStatus(intl.formatMessage({ id: "plan.sessionSaved" }));
          }}
        />
      )}
    </>
  );
}
