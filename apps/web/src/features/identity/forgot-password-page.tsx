import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { useMutation } from "@apollo/client/react";
import { requestPasswordResetSchema } from "@citypeer/domain/identity";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { setServerIssues, zodIssueText } from "../../ui/form-issues.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { RequestPasswordResetMutation } from "./account-operations.ts";

/**
 * Public: asks for a reset link. The answer is the same whether or not the address has an account,
 * so the form does not tell strangers who is registered.
 */
export function ForgotPasswordPage() {
  const intl = useIntl();
  const [requestReset] = useMutation(RequestPasswordResetMutation);
  const [sent, setSent] = useState(false);
  const form = useForm({
    resolver: zodResolver(requestPasswordResetSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { email: "" },
  });
  const { control, formState, setError } = form;

  const onSubmit = form.handleSubmit(async (input) => {
    try {
      const { data } = await requestReset({ variables: { input } });
      const result = data?.requestPasswordReset;
      if (result?.__typename === "InputError") setServerIssues(intl, setError, result.issues, ["email"]);
      else setSent(true);
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <div className="narrow">
      <PageHeading>{intl.formatMessage({ id: "forgotPassword.title" })}</PageHeading>
      {/* the live region exists before the answer, so the confirmation is read out */}
      <div role="status">
        {sent && (
          <div className="notice notice-success">
            <p>
              <FormattedMessage id="forgotPassword.sent" />
            </p>
          </div>
        )}
      </div>
      {!sent && (
        <>
          <p>
            <FormattedMessage id="forgotPassword.intro" />
          </p>
          <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
            <FormErrors errors={formState.errors} />
            <Field control={control} name="email" type="email" autoComplete="email" isRequired label={intl.formatMessage({ id: "signIn.email" })} />
            <button type="submit" className="button" disabled={formState.isSubmitting}>
              <FormattedMessage id={formState.isSubmitting ? "forgotPassword.submitting" : "forgotPassword.submit"} />
            </button>
          </form>
        </>
      )}
      <p className="form-footer">
        <Link to="/sign-in">
          <FormattedMessage id="forgotPassword.backToSignIn" />
        </Link>
      </p>
    </div>
  );
}
