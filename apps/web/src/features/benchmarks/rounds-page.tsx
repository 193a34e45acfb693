import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl, type IntlShape } from "react-intl";
import { Link, useParams } from "react-router";
import { useMutation, useQuery } from "@apollo/client/react";
import { z } from "zod";
import { errorText } from "../../app/i18n.tsx";
import type { ResultOf } from "../../app/graphql.ts";
import { errorCode } from "../../ui/error-code.ts";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { setServerIssues, zodIssueText } from "../../ui/form-issues.ts";
import { rawId } from "../../ui/global-id.ts";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { useViewer } from "../identity/use-viewer.ts";
import { fromLocalInput, toLocalInput } from "./dates.ts";
import { globalId } from "./ids.ts";
import { roundState } from "./round-state.ts";
import { CreateRoundMutation, RoundsQuery, UpdateRoundMutation } from "./operations.ts";
import { StatusBadge } from "./submission-status.tsx";
import "./benchmarks.css";

type Round = ResultOf<typeof RoundsQuery>["benchmarkRounds"][number];
const ROUND_KINDS = ["BASELINE", "MID_TERM", "FINAL", "OTHER"] as const;
const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

const dateTime = (intl: IntlShape, iso: string) => <time dateTime={iso}>{intl.formatDate(iso, { dateStyle: "medium", timeStyle: "short" })}</time>;

/** A community's benchmark rounds: the self-assessment and results of each; for the project team, creating and reopening rounds. */
export function RoundsPage() {
  const intl = useIntl();
  const { communityId = "" } = useParams();
  const { viewer } = useViewer();
  const { data, error, refetch } = useQuery(RoundsQuery, { variables: { communityId: globalId("Community", communityId) } });
  const [status, setStatus] = useState<ReactNode>();
  const [editing, setEditing] = useState<Round | null>(null);
  const community = data?.community;

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data)
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  if (!community)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "community.notFound" })}</PageHeading>
        <Link to="/communities">
          <FormattedMessage id="community.backToList" />
        </Link>
      </>
    );

  const isOfficer = !!viewer?.roles.includes("CITY_OFFICER") && !!viewer.organization;
  const showMine = isOfficer && community.viewerCityIsMember;
  const manage = community.viewerCanManage;

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/communities/${communityId}`}>{community.name}</Link>
      </p>
      <PageHeading>{intl.formatMessage({ id: "rounds.pageTitle" }, { community: community.name })}</PageHeading>
      <p>
        {data.benchmarkFramework ? (
          <Link to={`/communities/${communityId}/framework`}>
            <FormattedMessage id="rounds.frameworkLink" values={{ version: data.benchmarkFramework.version, title: <bdi>{data.benchmarkFramework.title}</bdi> }} />
          </Link>
        ) : (
          <FormattedMessage id="framework.none" />
        )}
      </p>
      <StatusMessage>{status}</StatusMessage>

      {data.benchmarkRounds.length === 0 ? (
        <p>
          <FormattedMessage id="rounds.empty" />
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="rounds-caption" tabIndex={0}>
          <table>
            <caption id="rounds-caption">
              <FormattedMessage id="rounds.caption" values={{ count: data.benchmarkRounds.length }} />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="rounds.name" />
                </th>
                <th scope="col">
                  <FormattedMessage id="rounds.opens" />
                </th>
                <th scope="col">
                  <FormattedMessage id="rounds.closes" />
                </th>
                <th scope="col">
                  <FormattedMessage id="rounds.state" />
                </th>
                {showMine && (
                  <th scope="col">
                    <FormattedMessage id="rounds.yourCity" />
                  </th>
                )}
                <th scope="col">
                  <FormattedMessage id="community.actions" />
                </th>
              </tr>
            </thead>
            <tbody>
              {data.benchmarkRounds.map((round) => {
                const path = `/benchmarks/rounds/${rawId(round.id)}`;
                const state = roundState(round);
                return (
                  <tr key={round.id}>
                    <th scope="row">
                      <span dir="auto">{round.name}</span>
                      <span className="status-detail">
                        <FormattedMessage id={`roundKind.${round.kind}`} />
                      </span>
                    </th>
                    <td>{dateTime(intl, round.opensAt)}</td>
                    <td>
                      {dateTime(intl, round.closesAt)}
                      {round.myDeadline !== round.closesAt && (
                        <span className="status-detail">
                          <FormattedMessage id="rounds.yourDeadline" values={{ date: intl.formatDate(round.myDeadline, { dateStyle: "medium", timeStyle: "short" }) }} />
                        </span>
                      )}
                    </td>
                    <td>
                      <span className={`status status-round-${state.toLowerCase()}`}>
                        <FormattedMessage id={`roundState.${state}`} />
                      </span>
                    </td>
                    {showMine && (
                      <td>
                        <StatusBadge status={round.mySubmission?.status ?? null} />
                      </td>
                    )}
                    <td>
                      <div className="row-actions row-actions-wrap">
                        {showMine && (
                          <Link to={path} className="button button-small">
                            <FormattedMessage id="rounds.selfAssessment" values={{ round: round.name, hidden }} />
                          </Link>
                        )}
                        <Link to={`${path}/results`} className="button button-small button-secondary">
                          <FormattedMessage id="rounds.resultsOf" values={{ round: round.name, hidden }} />
                        </Link>
                        {manage && (
                          <>
                            <Link to={`${path}/submissions`} className="button button-small button-secondary">
                              <FormattedMessage id="rounds.queueOf" values={{ round: round.name, hidden }} />
                            </Link>
                            <button type="button" className="button button-small button-secondary" onClick={() => setEditing(round)}>
                              <FormattedMessage id="rounds.changeDates" values={{ round: round.name, hidden }} />
                            </button>
                          </>
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

      {manage && data.benchmarkFramework && (
        <CreateRound communityId={community.id} onCreated={(name) => setStatus(<FormattedMessage id="rounds.created" values={{ name: <bdi>{name}</bdi> }} />)} />
      )}
      {editing && (
        <ModalDialog isOpen onOpenChange={(open) => !open && setEditing(null)} title={intl.formatMessage({ id: "rounds.changeDatesTitle" }, { round: editing.name })}>
          {(close) => (
            <ChangeDatesForm
              round={editing}
              onCancel={close}
              onSaved={(reopened) => {
                close();
                setStatus(<FormattedMessage id={reopened ? "rounds.reopened" : "rounds.datesSaved"} values={{ name: <bdi>{editing.name}</bdi> }} />);
              }}
            />
          )}
        </ModalDialog>
      )}
    </>
  );
}

const roundFormSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    kind: z.enum(ROUND_KINDS),
    opensAt: z.string().min(1),
    closesAt: z.string().min(1),
  })
  .refine((v) => !v.opensAt || !v.closesAt || new Date(v.closesAt) > new Date(v.opensAt), { path: ["closesAt"], params: { code: "closes_before_opening" } });
const ROUND_FIELDS = ["name", "kind", "opensAt", "closesAt"] as const;

function CreateRound({ communityId, onCreated }: { communityId: string; onCreated: (name: string) => void }) {
  const intl = useIntl();
  const [create] = useMutation(CreateRoundMutation, { refetchQueries: ["BenchmarkRounds"], awaitRefetchQueries: true });
  const now = new Date();
  const form = useForm({
    resolver: zodResolver(roundFormSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { name: "", kind: "MID_TERM" as (typeof ROUND_KINDS)[number], opensAt: toLocalInput(now), closesAt: toLocalInput(new Date(now.getTime() + 30 * 86_400_000)) },
  });
  const { control, formState, setError } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { data } = await create({
        variables: { input: { communityId, name: values.name, kind: values.kind, opensAt: fromLocalInput(values.opensAt)!, closesAt: fromLocalInput(values.closesAt)! } },
      });
      const result = data?.createBenchmarkRound;
      if (result?.__typename === "MutationCreateBenchmarkRoundSuccess") {
        form.reset();
        onCreated(result.data.name);
      } else if (result?.__typename === "InputError") setServerIssues(intl, setError, result.issues, ROUND_FIELDS);
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <section aria-labelledby="create-round" className="panel">
      <h2 id="create-round">
        <FormattedMessage id="rounds.create" />
      </h2>
      <p className="muted">
        <FormattedMessage id="rounds.createHint" />
      </p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="form narrow-form">
        <FormErrors errors={formState.errors} />
        <Field control={control} name="name" isRequired label={intl.formatMessage({ id: "rounds.name" })} />
        <SelectField control={control} name="kind" label={intl.formatMessage({ id: "rounds.kind" })}>
          {ROUND_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {intl.formatMessage({ id: `roundKind.${kind}` })}
            </option>
          ))}
        </SelectField>
        <div className="form-row">
          <Field control={control} name="opensAt" type="datetime-local" isRequired label={intl.formatMessage({ id: "rounds.opens" })} />
          <Field control={control} name="closesAt" type="datetime-local" isRequired label={intl.formatMessage({ id: "rounds.closes" })} />
        </div>
        <div>
          <button type="submit" className="button" disabled={formState.isSubmitting}>
            <FormattedMessage id={formState.isSubmitting ? "community.saving" : "rounds.createSubmit"} />
          </button>
        </div>
      </form>
    </section>
  );
}

const datesSchema = z
  .object({ opensAt: z.string().min(1), closesAt: z.string().min(1) })
  .refine((v) => new Date(v.closesAt) > new Date(v.opensAt), { path: ["closesAt"], params: { code: "closes_before_opening" } });

/** Moving the closing date later reopens a closed round for every city. */
function ChangeDatesForm({ round, onCancel, onSaved }: { round: Round; onCancel: () => void; onSaved: (reopened: boolean) => void }) {
  const intl = useIntl();
  const [update] = useMutation(UpdateRoundMutation, { refetchQueries: ["BenchmarkRounds"], awaitRefetchQueries: true });
  const form = useForm({
    resolver: zodResolver(datesSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { opensAt: toLocalInput(round.opensAt), closesAt: toLocalInput(round.closesAt) },
  });
  const { control, formState, setError } = form;
  const wasClosed = new Date(round.closesAt).getTime() <= Date.now();

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { data } = await update({ variables: { input: { roundId: round.id, opensAt: fromLocalInput(values.opensAt), closesAt: fromLocalInput(values.closesAt) } } });
      const result = data?.updateBenchmarkRound;
      if (result?.__typename === "MutationUpdateBenchmarkRoundSuccess") onSaved(wasClosed && result.data.isOpen);
      else if (result?.__typename === "InputError") setServerIssues(intl, setError, result.issues, ["opensAt", "closesAt"]);
      else setError("root.server", { type: "not_found", message: errorText(intl, "not_found") });
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
      <p>
        <FormattedMessage id="rounds.changeDatesHint" />
      </p>
      <FormErrors errors={formState.errors} />
      <Field control={control} name="opensAt" type="datetime-local" isRequired label={intl.formatMessage({ id: "rounds.opens" })} />
      <Field control={control} name="closesAt" type="datetime-local" isRequired label={intl.formatMessage({ id: "rounds.closes" })} />
      <div className="dialog-actions">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          <FormattedMessage id={formState.isSubmitting ? "community.saving" : "rounds.saveDates"} />
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          <FormattedMessage id="dialog.cancel" />
        </button>
      </div>
    </form>
  );
}
