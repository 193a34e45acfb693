import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { FieldError, Label, TextArea, TextField } from "react-aria-components";
import { useController } from "react-hook-form";
import { z } from "zod";
import { expenseRejectionSchema } from "@citypeer/domain/grants";
import type { MessageId } from "../../app/i18n.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { zodIssueText } from "../../ui/form-issues.ts";
import { ModalDialog } from "../../ui/modal-dialog.tsx";

// the API's rule for a rejection reason (the same for budgets and expenses)
const schema = z.object({ reason: expenseRejectionSchema.shape.reason });

export type ReasonOutcome = { ok: true } | { ok: false; field?: "reason"; message: string };

/** "Reject … with a reason": the reason is required, and the city sees it. */
export function ReasonDialog({
  title,
  intro,
  submitLabel,
  onSubmit,
  onClose,
}: {
  title: string;
  intro: string;
  submitLabel: MessageId;
  /** Sends the rejection; one call per submission (its idempotency key is made by the caller). */
  onSubmit: (reason: string) => Promise<ReasonOutcome>;
  onClose: () => void;
}) {
  const intl = useIntl();
  const form = useForm({
    resolver: zodResolver(schema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { reason: "" },
  });
  const { field, fieldState } = useController({ control: form.control, name: "reason" });
  const [done, setDone] = useState(false);

  const submit = form.handleSubmit(async ({ reason }) => {
    const outcome = await onSubmit(reason);
    if (outcome.ok) {
      setDone(true);
      onClose();
    } else if (outcome.field) form.setError("reason", { message: outcome.message }, { shouldFocus: true });
    else form.setError("root.server", { message: outcome.message });
  });

  return (
    <ModalDialog isOpen onOpenChange={(open) => !open && onClose()} title={title}>
      {(close) => (
        <form onSubmit={(e) => void submit(e)} noValidate className="form">
          <p>{intro}</p>
          <FormErrors errors={form.formState.errors} />
          <TextField
            className="field"
            name={field.name}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            isInvalid={fieldState.invalid}
            isRequired
            validationBehavior="aria"
          >
            <Label className="field-label">
              <FormattedMessage id="grants.reason" />
            </Label>
            <TextArea ref={field.ref} className="input textarea" rows={4} />
            <FieldError className="field-error">{fieldState.error?.message}</FieldError>
          </TextField>
          <div className="dialog-actions">
            <button type="submit" className="button button-danger" disabled={form.formState.isSubmitting || done}>
              <FormattedMessage id={submitLabel} />
            </button>
            <button type="button" className="button button-secondary" onClick={close}>
              <FormattedMessage id="dialog.cancel" />
            </button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
