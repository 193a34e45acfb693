import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { Button, DialogTrigger } from "react-aria-components";
import { useMutation } from "@apollo/client/react";
import { z } from "zod";
import { inviteUserSchema } from "@citypeer/domain/identity";
import { errorText } from "../../app/i18n.tsx";
import { CheckboxGroupField } from "../../ui/checkbox-group-field.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { setServerIssues, zodIssueText } from "../../ui/form-issues.ts";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { InviteUserMutation } from "./operations.ts";
import { roleOptions, type OrganizationOption } from "./user-options.ts";

// The API's rule, except that the select holds a global ID ("" for none) where the API parses a uuid.
const formSchema = inviteUserSchema.extend({ organizationId: z.string() });
const FIELDS = ["email", "name", "organizationId", "roles"] as const;

/** "Invite a person": a button and the dialog it opens. */
export function InviteUserDialog({ organizations, onInvited }: { organizations: readonly OrganizationOption[]; onInvited: (email: string) => void }) {
  const intl = useIntl();
  return (
    <DialogTrigger>
      <Button className="button">
        <FormattedMessage id="users.invite" />
      </Button>
      <ModalDialog title={intl.formatMessage({ id: "invite.title" })}>
        {(close) => (
          <InviteForm
            organizations={organizations}
            onCancel={close}
            onInvited={(email) => {
              close();
              onInvited(email);
            }}
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

function InviteForm({
  organizations,
  onCancel,
  onInvited,
}: {
  organizations: readonly OrganizationOption[];
  onCancel: () => void;
  onInvited: (email: string) => void;
}) {
  const intl = useIntl();
  const [invite] = useMutation(InviteUserMutation, { refetchQueries: ["Users"] });
  const form = useForm({
    resolver: zodResolver(formSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { email: "", name: "", organizationId: "", roles: [] },
  });
  const { control, formState, setError } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { data } = await invite({ variables: { input: { ...values, organizationId: values.organizationId || null } } });
      const result = data?.inviteUser;
      if (result?.__typename === "MutationInviteUserSuccess") onInvited(result.data.email);
      else if (result?.__typename === "InputError") setServerIssues(intl, setError, result.issues, FIELDS);
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
      <p>
        <FormattedMessage id="invite.intro" />
      </p>
      <FormErrors errors={formState.errors} />
      <Field control={control} name="email" type="email" autoComplete="off" isRequired label={intl.formatMessage({ id: "invite.email" })} />
      <Field control={control} name="name" autoComplete="off" isRequired label={intl.formatMessage({ id: "invite.name" })} />
      <SelectField control={control} name="organizationId" label={intl.formatMessage({ id: "invite.organization" })}>
        <option value="">{intl.formatMessage({ id: "invite.noOrganization" })}</option>
        {organizations.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </SelectField>
      <CheckboxGroupField control={control} name="roles" label={intl.formatMessage({ id: "invite.roles" })} options={roleOptions(intl)} />
      <div className="dialog-actions">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          <FormattedMessage id={formState.isSubmitting ? "invite.submitting" : "invite.submit"} />
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          <FormattedMessage id="dialog.cancel" />
        </button>
      </div>
    </form>
  );
}
