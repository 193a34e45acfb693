import { useId, useRef, useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "@apollo/client/react";
import { z } from "zod";
import { attachmentAccept, MAX_ATTACHMENT_BYTES } from "@citypeer/domain/attachments";
import { COST_CATEGORIES, expenseDeclarationSchema } from "@citypeer/domain/grants";
import { errorText } from "../../app/i18n.tsx";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { amountTextSchema, GRANT_REFETCH, grantIssueText, refusal, requestFailure, textByRule } from "./actions.ts";
import { categoryLabel, expenseStatusLabel, formatDay } from "./labels.ts";
import { formatMoney, newIdempotencyKey, parseCents } from "./money.ts";
import { ApproveExpenseMutation, DeclareExpenseMutation, RejectExpenseMutation, type ExpenseRow, type GrantData } from "./operations.ts";
import { ReasonDialog } from "./reason-dialog.tsx";
import { uploadReceipt } from "./receipt-upload.ts";

// the expense's name completes a button's name for screen readers ("Approve “Laptop”"); sighted people see the row
const hidden = (chunks: ReactNode[]) => <span className="visually-hidden">{chunks}</span>;

/** Declared expenses, newest first: managers approve or reject them (with a reason the city sees). */
export function ExpensesSection({
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
  const [approve] = useMutation(ApproveExpenseMutation, GRANT_REFETCH);
  const [reject] = useMutation(RejectExpenseMutation, GRANT_REFETCH);
  const [rejecting, setRejecting] = useState<ExpenseRow>();
  const [busy, setBusy] = useState<string>();
  const expenses = [...grant.expenses].sort((a, b) => b.spentOn.localeCompare(a.spentOn) || b.createdAt.localeCompare(a.createdAt));

  async function onApprove(expense: ExpenseRow) {
    setBusy(expense.id);
    try {
      const { data } = await approve({ variables: { input: { expenseId: expense.id, idempotencyKey: newIdempotencyKey() } } });
      const failed = refusal(intl, data?.approveExpense);
      if (failed) onFailure(failed);
      else onStatus(<FormattedMessage id="grants.expense.approved" values={{ description: <bdi>{expense.description}</bdi> }} />);
    } catch (error) {
      onFailure(requestFailure(intl, error));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section aria-labelledby="expenses-heading" className="grant-section">
      <h2 id="expenses-heading">
        <FormattedMessage id="grants.expenses.title" />
      </h2>
      <p>
        <FormattedMessage
          id="grants.expenses.summary"
          values={{
            remaining: <strong>{formatMoney(intl, grant.totals.remainingCents)}</strong>,
            available: <strong>{formatMoney(intl, grant.totals.availableCents)}</strong>,
          }}
        />
      </p>
      {isOfficer && <ExpenseForm grant={grant} onDeclared={(d) => onStatus(<FormattedMessage id="grants.expense.declared" values={{ description: <bdi>{d}</bdi> }} />)} />}
      {expenses.length === 0 ? (
        <p>
          <FormattedMessage id="grants.expenses.empty" />
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="expenses-caption" tabIndex={0}>
          <table className="grant-table">
            <caption id="expenses-caption">
              <FormattedMessage id="grants.expenses.caption" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="grants.col.description" />
                </th>
                <th scope="col">
                  <FormattedMessage id="grants.col.date" />
                </th>
                <th scope="col">
                  <FormattedMessage id="grants.col.category" />
                </th>
                <th scope="col">
                  <FormattedMessage id="grants.col.supplier" />
                </th>
                <th scope="col" className="num">
                  <FormattedMessage id="grants.col.amount" />
                </th>
                <th scope="col">
                  <FormattedMessage id="grants.col.status" />
                </th>
                <th scope="col">
                  <FormattedMessage id="grants.col.receipt" />
                </th>
                {isManager && (
                  <th scope="col">
                    <FormattedMessage id="grants.col.actions" />
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {expenses.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <bdi>{e.description}</bdi>
                  </th>
                  <td>{formatDay(intl, e.spentOn)}</td>
                  <td>{categoryLabel(intl, e.category)}</td>
                  <td>
                    <bdi>{e.supplier}</bdi>
                  </td>
                  <td className="num">{formatMoney(intl, e.amountCents)}</td>
                  <td>
                    <span className={`status status-expense-${e.status.toLowerCase()}`}>{expenseStatusLabel(intl, e.status)}</span>
                    {e.status === "REJECTED" && e.rejectionReason && (
                      <p className="status-detail">
                        <FormattedMessage id="grants.expense.reasonShown" values={{ reason: <bdi>{e.rejectionReason}</bdi> }} />
                      </p>
                    )}
                  </td>
                  <td>
                    {e.receipt ? (
                      <a href={e.receipt.downloadUrl} download={e.receipt.fileName}>
                        <FormattedMessage id="grants.expense.receiptLink" values={{ name: e.receipt.fileName }} />
                      </a>
                    ) : (
                      <FormattedMessage id="grants.expense.noReceipt" />
                    )}
                  </td>
                  {isManager && (
                    <td>
                      {e.status === "DECLARED" && (
                        <div className="row-actions">
                          <button type="button" className="button button-small" disabled={busy === e.id} onClick={() => void onApprove(e)}>
                            <FormattedMessage id="grants.expense.approve" values={{ description: e.description, h: hidden }} />
                          </button>
                          <button type="button" className="button button-small button-secondary" onClick={() => setRejecting(e)}>
                            <FormattedMessage id="grants.expense.reject" values={{ description: e.description, h: hidden }} />
                          </button>
                        </div>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rejecting && (
        <ReasonDialog
          title={intl.formatMessage({ id: "grants.expense.rejectTitle" }, { description: rejecting.description })}
          intro={intl.formatMessage({ id: "grants.expense.rejectIntro" })}
          submitLabel="grants.expense.rejectConfirm"
          onClose={() => setRejecting(undefined)}
          onSubmit={async (reason) => {
            try {
              const { data } = await reject({ variables: { input: { expenseId: rejecting.id, reason, idempotencyKey: newIdempotencyKey() } } });
              const result = data?.rejectExpense;
              if (result?.__typename === "InputError" && result.issues.some((i) => i.path[0] === "reason"))
                return { ok: false, field: "reason", message: refusal(intl, result) ?? "" };
              const failed = refusal(intl, result);
              if (failed) return { ok: false, message: failed };
              onStatus(<FormattedMessage id="grants.expense.rejected" values={{ description: <bdi>{rejecting.description}</bdi> }} />);
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

const expenseFormSchema = expenseDeclarationSchema.pick({ description: true, supplier: true }).extend({
  spentOn: textByRule(expenseDeclarationSchema.shape.spentOn, "invalid_date"),
  // the select starts empty ("choose a category")
  category: textByRule(expenseDeclarationSchema.shape.category, "invalid_value"),
  amount: amountTextSchema(expenseDeclarationSchema.shape.amountCents),
});
type ExpenseText = z.infer<typeof expenseFormSchema>;
// API field → form field
const EXPENSE_FIELDS: Record<string, keyof ExpenseText | "receipt"> = {
  category: "category",
  spentOn: "spentOn",
  description: "description",
  supplier: "supplier",
  amountCents: "amount",
  receiptAttachmentId: "receipt",
};

/** The city declares an expense with its receipt; errors appear at the field they concern. */
function ExpenseForm({ grant, onDeclared }: { grant: GrantData; onDeclared: (description: string) => void }) {
  const intl = useIntl();
  const [declare] = useMutation(DeclareExpenseMutation, GRANT_REFETCH);
  const form = useForm<ExpenseText>({
    resolver: zodResolver(expenseFormSchema, { error: (issue) => grantIssueText(intl, issue) }),
    defaultValues: { category: "", spentOn: "", amount: "", description: "", supplier: "" },
  });
  const { control, formState, setError } = form;
  const fileRef = useRef<HTMLInputElement>(null);
  const [receiptError, setReceiptError] = useState<string>();
  const receiptId = useId();
  const receiptHint = useId();
  const receiptErrorId = useId();
  // one key per submission of the same values: a double click or a retry after a network error declares it once
  const key = useRef({ values: "", key: newIdempotencyKey() });
  function keyFor(values: unknown, file: File | null) {
    const fingerprint = JSON.stringify([values, file?.name, file?.size, file?.lastModified]);
    if (fingerprint !== key.current.values) key.current = { values: fingerprint, key: newIdempotencyKey() };
    return key.current.key;
  }

  function checkFile(): File | null | false {
    const file = fileRef.current?.files?.[0] ?? null;
    if (file && file.size > MAX_ATTACHMENT_BYTES) {
      setReceiptError(errorText(intl, "file_too_large"));
      return false;
    }
    if (file && file.size === 0) {
      setReceiptError(errorText(intl, "file_empty"));
      return false;
    }
    return file;
  }

  const submit = form.handleSubmit(
    async (values) => {
      setReceiptError(undefined);
      const file = checkFile();
      if (file === false) return fileRef.current?.focus();
      const idempotencyKey = keyFor(values, file);
      let receiptAttachmentId: string | null = null;
      if (file) {
        const upload = await uploadReceipt(file);
        if (!upload.ok) {
          setReceiptError(errorText(intl, upload.code, upload.message));
          return fileRef.current?.focus();
        }
        receiptAttachmentId = upload.attachmentId;
      }
      try {
        const { data } = await declare({
          variables: {
            input: {
              grantId: grant.id,
              category: expenseDeclarationSchema.shape.category.parse(values.category),
              spentOn: values.spentOn,
              amountCents: parseCents(values.amount) ?? 0,
              description: values.description,
              supplier: values.supplier,
              receiptAttachmentId,
              idempotencyKey,
            },
          },
        });
        const result = data?.declareExpense;
        if (result?.__typename === "MutationDeclareExpenseSuccess") {
          key.current = { values: "", key: newIdempotencyKey() };
          form.reset();
          if (fileRef.current) fileRef.current.value = "";
          return onDeclared(values.description);
        }
        if (result?.__typename === "InputError") {
          result.issues.forEach((issue, i) => {
            const field = EXPENSE_FIELDS[issue.path[0] ?? ""];
            const message = errorText(intl, issue.code, issue.message);
            if (field === "receipt") {
              setReceiptError(message);
              if (i === 0) fileRef.current?.focus();
            } else if (field) setError(field, { message }, { shouldFocus: i === 0 });
            else setError("root.server", { message });
          });
          return;
        }
        setError("root.server", { message: refusal(intl, result) ?? errorText(intl, "unknown") });
      } catch (error) {
        setError("root.server", { message: requestFailure(intl, error) });
      }
    },
    () => {
      const file = checkFile();
      setReceiptError(file === false ? receiptError : undefined);
    },
  );

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="form expense-form" aria-labelledby="expense-form-heading">
      <h3 id="expense-form-heading">
        <FormattedMessage id="grants.expenseForm.title" />
      </h3>
      <p className="field-hint">
        <FormattedMessage id="grants.expenseForm.intro" values={{ available: formatMoney(intl, grant.totals.availableCents) }} />
      </p>
      <FormErrors errors={formState.errors} />
      <div className="amount-grid">
        <Field control={control} name="spentOn" type="date" isRequired label={intl.formatMessage({ id: "grants.col.date" })} />
        <SelectField control={control} name="category" label={intl.formatMessage({ id: "grants.col.category" })}>
          <option value="">{intl.formatMessage({ id: "grants.expenseForm.chooseCategory" })}</option>
          {COST_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(intl, c)}
            </option>
          ))}
        </SelectField>
        <Field control={control} name="amount" inputMode="decimal" autoComplete="off" isRequired label={intl.formatMessage({ id: "grants.amountEur" })} />
      </div>
      <Field control={control} name="description" isRequired autoComplete="off" label={intl.formatMessage({ id: "grants.col.description" })} />
      <Field control={control} name="supplier" isRequired autoComplete="organization" label={intl.formatMessage({ id: "grants.col.supplier" })} />
      <div className="field">
        <label htmlFor={receiptId} className="field-label">
          <FormattedMessage id="grants.col.receipt" />
        </label>
        <span id={receiptHint} className="field-hint">
          <FormattedMessage id="grants.expenseForm.receiptHint" />
        </span>
        <input
          ref={fileRef}
          id={receiptId}
          type="file"
          accept={attachmentAccept("RECEIPT")}
          className="input"
          aria-invalid={receiptError ? true : undefined}
          aria-describedby={receiptError ? `${receiptHint} ${receiptErrorId}` : receiptHint}
          onChange={() => setReceiptError(undefined)}
        />
        {receiptError && (
          <p id={receiptErrorId} className="field-error">
            {receiptError}
          </p>
        )}
      </div>
      <div className="form-footer">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          <FormattedMessage id={formState.isSubmitting ? "grants.expenseForm.submitting" : "grants.expenseForm.submit"} />
        </button>
      </div>
    </form>
  );
}
