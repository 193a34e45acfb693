import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
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
import { StatusMessage } from "../../ui/status-message.tsx";
import { cityLabel } from "../communities/community-page.tsx";
import { fromLocalInput, toLocalInput } from "./dates.ts";
import { globalId } from "./ids.ts";
import { ExtendDeadlineMutation, ValidationQueueQuery } from "./operations.ts";
import { StatusBadge, type SubmissionStatus } from "./submission-status.tsx";
import "./benchmarks.css";

type Round = NonNullable<ResultOf<typeof ValidationQueueQuery>["benchmarkRound"]>;
type City = { id: string; name: string; cityName: string | null };
type Row = { city: City; submission: Round["submissions"][number] | null };

const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;
/** Submitted ones first (they wait for the project team), then returned, drafts, not started, validated. */
const QUEUE_ORDER: Record<SubmissionStatus | "NONE", number> = { SUBMITTED: 0, RETURNED: 1, DRAFT: 2, NONE: 3, VALIDATED: 4 };

/** The project team's view of a round: every member city's status, the way to validate, and deadline extensions. */
export function ValidationQueuePage() {
  const intl = useIntl();
  const { roundId = "" } = useParams();
  const { data, error, loading, refetch } = useQuery(ValidationQueueQuery, { variables: { roundId: globalId("BenchmarkRound", roundId) }, fetchPolicy: "cache-and-network" });
  const [extending, setExtending] = useState<City | null>(null);
  const [status, setStatus] = useState<ReactNode>();
  const round = data?.benchmarkRound;

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data)
    return (
      <p role="status">
        <FormattedMessage id="app.loading" />
      </p>
    );
  if (!round)
    return (
      <>
        <PageHeading>{intl.formatMessage({ id: "rounds.notFound" })}</PageHeading>
        <Link to="/benchmarks">
          <FormattedMessage id="benchmarks.backToList" />
        </Link>
      </>
    );

  const total = round.framework.dimensions.reduce((n, d) => n + d.indicators.length, 0);
  const byCity = new Map(round.submissions.map((s) => [s.organization.id, s]));
  const collator = new Intl.Collator(intl.locale);
  // member cities plus any city that submitted and has since left the community
  const cities: City[] = [...round.community.memberCities, ...round.submissions.map((s) => s.organization).filter((o) => !round.community.memberCities.some((m) => m.id === o.id))];
  const rows: Row[] = cities
    .map((city) => ({ city, submission: byCity.get(city.id) ?? null }))
    .sort((a, b) => QUEUE_ORDER[a.submission?.status ?? "NONE"] - QUEUE_ORDER[b.submission?.status ?? "NONE"] || collator.compare(cityLabel(a.city), cityLabel(b.city)));
  const counts = rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.submission?.status ?? "NONE"]: (acc[r.submission?.status ?? "NONE"] ?? 0) + 1 }), {});
  const communityPath = `/communities/${rawId(round.community.id)}`;
  const roundPath = `/benchmarks/rounds/${rawId(round.id)}`;

  return (
    <>
      <p className="breadcrumb">
        <Link to={communityPath}>{round.community.name}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={`${communityPath}/benchmarks`}>
          <FormattedMessage id="rounds.title" />
        </Link>
      </p>
      <PageHeading>{intl.formatMessage({ id: "queue.title" }, { round: round.name })}</PageHeading>
      <p>
        <FormattedMessage
          id="queue.summary"
          values={{ submitted: counts["SUBMITTED"] ?? 0, validated: counts["VALIDATED"] ?? 0, returned: counts["RETURNED"] ?? 0, drafts: counts["DRAFT"] ?? 0, none: counts["NONE"] ?? 0 }}
        />{" "}
        <Link to={`${roundPath}/results`}>
          <FormattedMessage id="rounds.results" />
        </Link>
      </p>
      <StatusMessage>{status}</StatusMessage>
      <div className="table-scroll" role="region" aria-labelledby="queue-caption" tabIndex={0}>
        <table>
          <caption id="queue-caption">
            <FormattedMessage id="queue.caption" values={{ round: round.name }} />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="queue.city" />
              </th>
              <th scope="col">
                <FormattedMessage id="submission.status" />
              </th>
              <th scope="col">
                <FormattedMessage id="queue.scored" />
              </th>
              <th scope="col">
                <FormattedMessage id="queue.lastChange" />
              </th>
              <th scope="col">
                <FormattedMessage id="community.actions" />
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ city, submission }) => {
              const name = cityLabel(city);
              return (
                <tr key={city.id}>
                  <th scope="row">
                    <bdi>{name}</bdi>
                  </th>
                  <td>
                    <StatusBadge status={submission?.status ?? null} />
                  </td>
                  <td>{submission ? intl.formatMessage({ id: "submission.progress" }, { scored: submission.scoredCount, total }) : "–"}</td>
                  <td>
                    {submission ? (
                      <time dateTime={submission.submittedAt ?? submission.updatedAt}>
                        {intl.formatDate(submission.submittedAt ?? submission.updatedAt, { dateStyle: "medium", timeStyle: "short" })}
                      </time>
                    ) : (
                      "–"
                    )}
                  </td>
                  <td>
                    <div className="row-actions row-actions-wrap">
                      {submission && submission.status !== "DRAFT" && (
                        <Link to={`${roundPath}/submissions/${rawId(submission.id)}`} className={submission.status === "SUBMITTED" ? "button button-small" : "button button-small button-secondary"}>
                          <FormattedMessage id={submission.status === "SUBMITTED" ? "queue.review" : "queue.open"} values={{ city: name, hidden }} />
                        </Link>
                      )}
                      {submission?.status !== "VALIDATED" && (
                        <button type="button" className="button button-small button-secondary" onClick={() => setExtending(city)}>
                          <FormattedMessage id="queue.extend" values={{ city: name, hidden }} />
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
      {loading && (
        <p role="status" className="muted">
          <FormattedMessage id="app.loading" />
        </p>
      )}
      {extending && (
        <ModalDialog isOpen onOpenChange={(open) => !open && setExtending(null)} title={intl.formatMessage({ id: "queue.extendTitle" }, { city: cityLabel(extending) })}>
          {(close) => (
            <ExtendForm
              round={round}
              city={extending}
              onCancel={close}
              onDone={(until) => {
                close();
                setStatus(<FormattedMessage id="queue.extended" values={{ city: <bdi>{cityLabel(extending)}</bdi>, date: until }} />);
              }}
            />
          )}
        </ModalDialog>
      )}
    </>
  );
}

const extendSchema = z.object({ closesAt: z.string().min(1) });

function ExtendForm({ round, city, onCancel, onDone }: { round: Round; city: City; onCancel: () => void; onDone: (until: string) => void }) {
  const intl = useIntl();
  const [extend] = useMutation(ExtendDeadlineMutation);
  const form = useForm({
    resolver: zodResolver(extendSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { closesAt: toLocalInput(new Date(Math.max(Date.now(), new Date(round.closesAt).getTime()) + 14 * 86_400_000)) },
  });
  const { control, formState, setError } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    const closesAt = fromLocalInput(values.closesAt)!;
    try {
      const { data } = await extend({ variables: { input: { roundId: round.id, organizationId: city.id, closesAt } } });
      const result = data?.extendSubmissionDeadline;
      if (result?.__typename === "MutationExtendSubmissionDeadlineSuccess") onDone(intl.formatDate(closesAt, { dateStyle: "long", timeStyle: "short" }));
      else if (result?.__typename === "InputError") setServerIssues(intl, setError, result.issues, ["closesAt"]);
      else setError("root.server", { type: "not_found", message: errorText(intl, "not_found") });
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
      <p>
        <FormattedMessage id="queue.extendHint" values={{ date: intl.formatDate(round.closesAt, { dateStyle: "long", timeStyle: "short" }) }} />
      </p>
      <FormErrors errors={formState.errors} />
      <Field control={control} name="closesAt" type="datetime-local" isRequired label={intl.formatMessage({ id: "queue.newDeadline" })} />
      <div className="dialog-actions">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          <FormattedMessage id={formState.isSubmitting ? "community.saving" : "queue.extendSubmit"} />
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          <FormattedMessage id="dialog.cancel" />
        </button>
      </div>
    </form>
  );
}
