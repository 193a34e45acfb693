import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "@apollo/client/react";
import { z } from "zod";
import { TRANCHE_KINDS, tranchePlanSchema } from "@citypeer/domain/grants";
import { errorText } from "../../app/i18n.tsx";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { amountTextSchema, GRANT_REFETCH, grantIssueText, refusal, requestFailure, textByRule } from "./actions.ts";
import { formatDay, trancheKindLabel, trancheStatusLabel } from "./labels.ts";
import { formatMoney, newIdempotencyKey, parseCents } from "./money.ts";
import {
  ApproveTrancheMutation,
  MarkTranchePaidMutation,
  PlanTrancheMutation,
  RequestTrancheMutation,
  type GrantData,
  type TrancheRow,
} from "./operations.ts";

type Action = "request" | "approve" | "pay";

/**
 * Tranches: a project manager plans them, the city requests a planned one, a project manager approves and
 * pays it. The final balance is paid only after the final report is accepted; until then its button is
 * disabled and says why.
 */
export function TranchesSection({
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
  const [request] = useMutation(RequestTrancheMutation, GRANT_REFETCH);
  const [approve] = useMutation(ApproveTrancheMutation, GRANT_REFETCH);
  const [pay] = useMutation(MarkTranchePaidMutation, GRANT_REFETCH);
  const [busy, setBusy] = useState<string>();
  const finalReportAccepted = grant.deadlines.some((d) => d.kind === "FINAL_REPORT" && d.acceptedAt);
  const order = (t: TrancheRow) => TRANCHE_KINDS.indexOf(t.kind);
  const tranches = [...grant.tranches].sort((a, b) => order(a) - order(b));

  async function run(action: Action, tranche: TrancheRow) {
    setBusy(tranche.id);
    const input = { trancheId: tranche.id, idempotencyKey: newIdempotencyKey() };
    try {
      const failed =
        action === "request"
          ? refusal(intl, (await request({ variables: { input } })).data?.requestTranche)
          : action === "approve"
            ? refusal(intl, (await approve({ variables: { input } })).data?.approveTranche)
            : refusal(intl, (await pay({ variables: { input } })).data?.markTranchePaid);
      if (failed) onFailure(failed);
      else onStatus(<FormattedMessage id={`grants.tranche.done.${action}`} values={{ kind: trancheKindLabel(intl, tranche.kind) }} />);
    } catch (error) {
      onFailure(requestFailure(intl, error));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section aria-labelledby="tranches-heading" className="grant-section">
      <h2 id="tranches-heading">
        <FormattedMessage id="grants.tranches.title" />
      </h2>
      <p>
        <FormattedMessage
          id="grants.tranches.summary"
          values={{ committed: formatMoney(intl, grant.totals.committedCents), paid: formatMoney(intl, grant.totals.paidCents) }}
        />
      </p>
      {tranches.length === 0 ? (
        <p>
          <FormattedMessage id="grants.tranches.empty" />
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="tranches-caption" tabIndex={0}>
          <table className="grant-table">
            <caption id="tranches-caption" className="visually-hidden">
              <FormattedMessage id="grants.tranches.title" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="grants.col.tranche" />
                </th>
                <th scope="col" className="num">
                  <FormattedMessage id="grants.col.amount" />
                </th>
                <th scope="col">
                  <FormattedMessage id="grants.col.plannedDate" />
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
              {tranches.map((t) => {
                const name = trancheKindLabel(intl, t.kind);
                const blockedFinal = t.kind === "FINAL_BALANCE" && !finalReportAccepted;
                const reasonId = `tranche-${t.id}-reason`;
                return (
                  <tr key={t.id}>
                    <th scope="row">{name}</th>
                    <td className="num">{formatMoney(intl, t.amountCents)}</td>
                    <td>{formatDay(intl, t.plannedDate)}</td>
                    <td>
                      <span className={`status status-tranche-${t.status.toLowerCase()}`}>{trancheStatusLabel(intl, t.status)}</span>
                    </td>
                    <td>
                      <div className="row-actions">
                        {isOfficer && t.status === "PLANNED" && (
                          <button type="button" className="button button-small" disabled={busy === t.id} onClick={() => void run("request", t)}>
                            <FormattedMessage id="grants.tranche.request" values={{ kind: name }} />
                          </button>
                        )}
                        {isManager && t.status === "REQUESTED" && (
                          <button type="button" className="button button-small" disabled={busy === t.id} onClick={() => void run("approve", t)}>
                            <FormattedMessage id="grants.tranche.approve" values={{ kind: name }} />
                          </button>
                        )}
                        {isManager && t.status === "APPROVED" && (
                          <>
                            <button
                              type="button"
                              className="button button-small"
                              disabled={busy === t.id || blockedFinal}
                              aria-describedby={blockedFinal ? reasonId : undefined}
                              onClick={() => void run("pay", t)}
                            >
                              <FormattedMessage id="grants.tranche.pay" values={{ kind: name }} />
                            </button>
                            {blockedFinal && (
                              <span id={reasonId} className="field-hint">
                                <FormattedMessage id="grants.tranche.finalBlocked" />
                              </span>
                            )}
                          </>
                        )}
                        {!isManager && t.kind === "FINAL_BALANCE" && blockedFinal && t.status !== "PAID" && (
                          <span className="field-hint">
                            <FormattedMessage id="grants.tranche.finalBlocked" />
                          </span>
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
      {isManager && <PlanTrancheForm grant={grant} onPlanned={(kind) => onStatus(<FormattedMessage id="grants.tranche.done.plan" values={{ kind }} />)} />}
    </section>
  );
}

const planFormSchema = z.object({
  kind: tranchePlanSchema.shape.kind,
  amount: amountTextSchema(tranchePlanSchema.shape.amountCents),
  plannedDate: textByRule(tranchePlanSchema.shape.plannedDate, "invalid_date"),
});
type PlanText = z.infer<typeof planFormSchema>;
const PLAN_FIELDS = { kind: "kind", amountCents: "amount", plannedDate: "plannedDate" } as const;

/** A project manager plans (or re-plans, while still planned) one tranche. */
function PlanTrancheForm({ grant, onPlanned }: { grant: GrantData; onPlanned: (kindLabel: string) => void }) {
  const intl = useIntl();
  const [plan] = useMutation(PlanTrancheMutation, GRANT_REFETCH);
  const form = useForm<PlanText>({
    resolver: zodResolver(planFormSchema, { error: (issue) => grantIssueText(intl, issue) }),
    defaultValues: { kind: "PRE_FINANCING", amount: "", plannedDate: "" },
  });
  const { control, formState, setError } = form;

  const submit = form.handleSubmit(async (values) => {
    try {
      const { data } = await plan({
        variables: {
          input: { grantId: grant.id, kind: values.kind, amountCents: parseCents(values.amount) ?? 0, plannedDate: values.plannedDate, idempotencyKey: newIdempotencyKey() },
        },
      });
      const result = data?.planTranche;
      if (result?.__typename === "MutationPlanTrancheSuccess") {
        form.reset({ kind: values.kind, amount: "", plannedDate: "" });
        return onPlanned(trancheKindLabel(intl, values.kind));
      }
      if (result?.__typename === "InputError") {
        result.issues.forEach((issue, i) => {
          const field = PLAN_FIELDS[issue.path[0] as keyof typeof PLAN_FIELDS];
          const message = errorText(intl, issue.code, issue.message);
          if (field) setError(field, { message }, { shouldFocus: i === 0 });
          else setError("root.server", { message });
        });
        return;
      }
      setError("root.server", { message: refusal(intl, result) ?? errorText(intl, "unknown") });
    } catch (error) {
      setError("root.server", { message: requestFailure(intl, error) });
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form" aria-labelledby="plan-tranche-heading">
      <h3 id="plan-tranche-heading">
        <FormattedMessage id="grants.tranche.planTitle" />
      </h3>
      <FormErrors errors={formState.errors} />
      <div className="amount-grid">
        <SelectField control={control} name="kind" label={intl.formatMessage({ id: "grants.col.tranche" })}>
          {TRANCHE_KINDS.map((k) => (
            <option key={k} value={k}>
              {trancheKindLabel(intl, k)}
            </option>
          ))}
        </SelectField>
        <Field control={control} name="amount" inputMode="decimal" autoComplete="off" isRequired label={intl.formatMessage({ id: "grants.amountEur" })} />
        <Field control={control} name="plannedDate" type="date" isRequired label={intl.formatMessage({ id: "grants.col.plannedDate" })} />
      </div>
      <div className="form-footer">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          <FormattedMessage id="grants.tranche.plan" />
        </button>
      </div>
    </form>
  );
}
