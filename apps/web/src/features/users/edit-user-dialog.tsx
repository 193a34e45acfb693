import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "@apollo/client/react";
import { z } from "zod";
import { updateUserRolesSchema } from "@citypeer/domain/identity";
import { errorText } from "../../app/i18n.tsx";
import { CheckboxGroupField } from "../../ui/checkbox-group-field.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { FormErrors } from "../../ui/form-errors.tsx";
import { setServerIssues, zodIssueText } from "../../ui/form-issues.ts";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { SelectField } from "../../ui/select-field.tsx";
import { UpdateUserRolesMutation } from "./operations.ts";
import { roleOptions, type OrganizationOption, type UserRow } from "./user-options.ts";

// The API's rule for roles; the organisation is a global ID from the select ("" for none).
const formSchema = updateUserRolesSchema.pick({ roles: true }).extend({ organizationId: z.string() });

type EditUserDialogProps = {
  user: UserRow;
  organizations: readonly OrganizationOption[];
  onClose: () => void;
  onSaved: (user: UserRow) => void;
};

/** Roles and organisation of one person. Taking the last admin role away is refused next to the roles. */
export function EditUserDialog({ user, organizations, onClose, onSaved }: EditUserDialogProps) {
  const intl = useIntl();
  const [update] = useMutation(UpdateUserRolesMutation, { refetchQueries: ["Users"] });
  const form = useForm({
    resolver: zodResolver(formSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { roles: [...user.roles], organizationId: user.organization?.id ?? "" },
  });
  const { control, formState, setError } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { data } = await update({
        variables: { input: { userId: user.id, roles: values.roles, organizationId: values.organizationId || null } },
      });
      const result = data?.updateUserRoles;
      if (result?.__typename === "MutationUpdateUserRolesSuccess") onSaved(result.data);
      else if (result?.__typename === "InputError") setServerIssues(intl, setError, result.issues, ["roles", "organizationId"]);
      else if (result?.__typename === "NotFoundError") setError("root.server", { type: "not_found", message: errorText(intl, "not_found") });
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <ModalDialog isOpen onOpenChange={(open) => !open && onClose()} title={intl.formatMessage({ id: "edit.title" }, { name: user.name })}>
      {(close) => (
        <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
          <p className="muted">
            <bdi>{user.email}</bdi>
          </p>
          <FormErrors errors={formState.errors} />
          <CheckboxGroupField control={control} name="roles" label={intl.formatMessage({ id: "invite.roles" })} options={roleOptions(intl)} />
          <SelectField control={control} name="organizationId" label={intl.formatMessage({ id: "invite.organization" })}>
            <option value="">{intl.formatMessage({ id: "invite.noOrganization" })}</option>
            {organizations.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </SelectField>
          <div className="dialog-actions">
            <button type="submit" className="button" disabled={formState.isSubmitting}>
              <FormattedMessage id={formState.isSubmitting ? "password.saving" : "edit.submit"} />
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
