import { useState, type ReactNode } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "@apollo/client/react";
import { z } from "zod";
import { COST_CATEGORIES, budgetProposalSchema, type CostCategory } from "@citypeer/domain/grants";
import { errorText } from "../../app/i18n.tsx";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { amountTextSchema, GRANT_REFETCH, grantIssueText, refusal, requestFailure } from "./actions.ts";
import { BudgetChart } from "./budget-chart.tsx";
import { budgetStatusLabel, categoryLabel } from "./labels.ts";
import { centsToInput, formatMoney, newIdempotencyKey, parseCents } from "./money.ts";
import { ApproveBudgetMutation, ProposeBudgetMutation, RejectBudgetMutation, type GrantData } from "./operations.ts";
import { ReasonDialog } from "./reason-dialog.tsx";

type Notify = (status: ReactNode) => void;

/** Budget against spend per category: a chart, the same numbers as a table, and the budget's decisions. */
export function BudgetSection({
  grant,
  canDecide,
  canPropose,
  onStatus,
  onFailure,
}: {
  grant: GrantData;
  canDecide: boolean;
  canPropose: boolean;
  onStatus: Notify;
  onFailure: (message: string) => void;
}) {
  const intl = useIntl();
  const money = (cents: number | null) => (cents === null ? intl.formatMessage({ id: "grants.notApproved" }) : formatMoney(intl, cents));
  const [approve, approving] = useMutation(ApproveBudgetMutation, GRANT_REFETCH);
  const [reject] = useMutation(RejectBudgetMutation, GRANT_REFETCH);
  const [rejecting, setRejecting] = useState(false);

  async function onApprove() {
    try {
      const { data } = await approve({ variables: { input: { grantId: grant.id, idempotencyKey: newIdempotencyKey() } } });
      const failed = refusal(intl, data?.approveBudget);
      if (failed) onFailure(failed);
      else onStatus(<FormattedMessage id="grants.budget.approved" />);
    } catch (error) {
      onFailure(requestFailure(intl, error));
    }
  }

  return (
    <section aria-labelledby="budget-heading" className="grant-section">
      <h2 id="budget-heading">
        <FormattedMessage id="grants.budget.title" />
      </h2>
      <p>
        <FormattedMessage
          id="grants.budget.status"
          values={{ status: <strong>{budgetStatusLabel(intl, grant.budgetStatus)}</strong>, cap: formatMoney(intl, grant.capCents) }}
        />
      </p>
      {canDecide && grant.budgetStatus === "PROPOSED" && (
        <div className="toolbar">
          <button type="button" className="button" disabled={approving.loading} onClick={() => void onApprove()}>
            <FormattedMessage id="grants.budget.approve" />
          </button>
          <button type="button" className="button button-secondary" onClick={() => setRejecting(true)}>
            <FormattedMessage id="grants.budget.reject" />
          </button>
        </div>
      )}
      <h3 id="budget-chart-title">
        <FormattedMessage id="grants.budgetChart.title" />
      </h3>
      <BudgetChart lines={grant.budgetLines} titleId="budget-chart-title" />
      <div className="table-scroll" role="region" aria-labelledby="budget-table-caption" tabIndex={0}>
        <table className="grant-table">
          <caption id="budget-table-caption">
            <FormattedMessage id="grants.budget.caption" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="grants.col.category" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="grants.col.proposed" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="grants.col.approved" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="grants.col.approvedSpend" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="grants.col.pendingSpend" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="grants.col.remaining" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="grants.col.available" />
              </th>
            </tr>
          </thead>
          <tbody>
            {grant.budgetLines.map((line) => (
              <tr key={line.category}>
                <th scope="row">
                  {categoryLabel(intl, line.category)}
                  {line.isOverrun && (
                    <>
                      {" "}
                      <span className="badge badge-alert">
                        <FormattedMessage id="grants.overrun" values={{ amount: formatMoney(intl, line.overrunCents) }} />
                      </span>
                    </>
                  )}
                </th>
                <td className="num">{money(line.plannedCents)}</td>
                <td className="num">{money(line.approvedCents)}</td>
                <td className="num">{money(line.approvedSpendCents)}</td>
                <td className="num">{money(line.pendingSpendCents)}</td>
                <td className="num">{money(line.remainingCents)}</td>
                <td className="num">{money(line.availableCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">
                <FormattedMessage id="grants.total" />
              </th>
              <td className="num">{money(grant.totals.budgetPlannedCents)}</td>
              <td className="num">{money(grant.totals.budgetApprovedCents)}</td>
              <td className="num">{money(grant.totals.approvedSpendCents)}</td>
              <td className="num">{money(grant.totals.pendingSpendCents)}</td>
              <td className="num">{money(grant.totals.budgetApprovedCents - grant.totals.approvedSpendCents)}</td>
              <td className="num">{money(grant.totals.budgetApprovedCents - grant.totals.approvedSpendCents - grant.totals.pendingSpendCents)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {canPropose && <BudgetProposalForm grant={grant} onProposed={() => onStatus(<FormattedMessage id="grants.budget.proposed" />)} />}
      {rejecting && (
        <ReasonDialog
          title={intl.formatMessage({ id: "grants.budget.rejectTitle" })}
          intro={intl.formatMessage({ id: "grants.budget.rejectIntro" })}
          submitLabel="grants.budget.rejectConfirm"
          onClose={() => setRejecting(false)}
          onSubmit={async (reason) => {
            try {
              const { data } = await reject({ variables: { input: { grantId: grant.id, reason, idempotencyKey: newIdempotencyKey() } } });
              const result = data?.rejectBudget;
              if (result?.__typename === "InputError" && result.issues.some((i) => i.path[0] === "reason"))
                return { ok: false, field: "reason", message: refusal(intl, result) ?? "" };
              const failed = refusal(intl, result);
              if (failed) return { ok: false, message: failed };
              onStatus(<FormattedMessage id="grants.budget.rejected" />);
              return { ok: true };
            } catch (error) {
              return { ok: false, message: requestFailure(intl, error) };
            }
          }}
        />
      )}
    </section>
  );
}

// One text box per category (empty reads as 0); each amount goes through the API's own cents rule.
const amountText = amountTextSchema(budgetProposalSchema.shape.lines.element.shape.plannedCents, { optional: true });
const proposalSchema = z.object(Object.fromEntries(COST_CATEGORIES.map((c) => [c, amountText])) as Record<CostCategory, typeof amountText>);
type ProposalText = z.infer<typeof proposalSchema>;

/** The city's budget: six amounts, the total against the cap as one types, errors next to the amount they concern. */
function BudgetProposalForm({ grant, onProposed }: { grant: GrantData; onProposed: () => void }) {
  const intl = useIntl();
  const [propose] = useMutation(ProposeBudgetMutation, GRANT_REFETCH);
  const defaults = Object.fromEntries(
    COST_CATEGORIES.map((c) => {
      const planned = grant.budgetLines.find((l) => l.category === c)?.plannedCents ?? 0;
      return [c, planned ? centsToInput(planned) : ""];
    }),
  ) as ProposalText;
  const form = useForm<ProposalText>({
    resolver: zodResolver(proposalSchema, { error: (issue) => grantIssueText(intl, issue) }),
    defaultValues: defaults,
  });
  const { control, formState, setError } = form;
  const values = useWatch({ control });
  const total = COST_CATEGORIES.reduce((sum, c) => sum + (parseCents(values[c] ?? "") ?? 0), 0);
  const overCap = total > grant.capCents;
  const [totalError, setTotalError] = useState<string>();

  const submit = form.handleSubmit(async (amounts) => {
    setTotalError(undefined);
    const lines = COST_CATEGORIES.map((category) => ({ category, plannedCents: parseCents(amounts[category]) ?? 0 }));
    if (lines.reduce((s, l) => s + l.plannedCents, 0) > grant.capCents) return setTotalError(errorText(intl, "budget_over_cap"));
    try {
      const { data } = await propose({ variables: { input: { grantId: grant.id, lines, idempotencyKey: newIdempotencyKey() } } });
      const result = data?.proposeBudget;
      if (result?.__typename === "MutationProposeBudgetSuccess") return onProposed();
      if (result?.__typename === "InputError") {
        for (const issue of result.issues) {
          const message = errorText(intl, issue.code, issue.message);
          const category = issue.path[0] === "lines" && issue.path[1] !== undefined ? COST_CATEGORIES[Number(issue.path[1])] : undefined;
          if (category) setError(category, { message }, { shouldFocus: true });
          else if (issue.path[0] === "lines") setTotalError(message);
          else setError("root.server", { message });
        }
        return;
      }
      setError("root.server", { message: refusal(intl, result) ?? errorText(intl, "unknown") });
    } catch (error) {
      setError("root.server", { message: requestFailure(intl, error) });
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form budget-form" aria-labelledby="proposal-heading">
      <h3 id="proposal-heading">
        <FormattedMessage id="grants.proposal.title" />
      </h3>
      <p className="field-hint">
        <FormattedMessage id="grants.proposal.intro" values={{ cap: formatMoney(intl, grant.capCents) }} />
      </p>
      <FormErrors errors={formState.errors} />
      <div className="amount-grid">
        {COST_CATEGORIES.map((c) => (
          <Field
            key={c}
            control={control}
            name={c}
            inputMode="decimal"
            autoComplete="off"
            label={intl.formatMessage({ id: "grants.amountIn" }, { label: categoryLabel(intl, c) })}
          />
        ))}
      </div>
      <p className={overCap ? "budget-total over-cap" : "budget-total"}>
        <output aria-live="polite">
          <FormattedMessage id="grants.proposal.total" values={{ total: formatMoney(intl, total), cap: formatMoney(intl, grant.capCents) }} />
          {overCap && (
            <>
              {" "}
              <strong>
                <FormattedMessage id="grants.proposal.overCap" values={{ amount: formatMoney(intl, total - grant.capCents) }} />
              </strong>
            </>
          )}
        </output>
      </p>
      <div role="alert" className={totalError ? "field-error" : undefined}>
        {totalError}
      </div>
      <div className="form-footer">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          <FormattedMessage id={formState.isSubmitting ? "grants.proposal.submitting" : "grants.proposal.submit"} />
        </button>
      </div>
    </form>
  );
}
