import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, Navigate, useLocation } from "react-router";
import { useApolloClient, useMutation } from "@apollo/client/react";
import { signInSchema } from "@citypeer/domain/identity";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { PageHeading } from "../../ui/page-heading.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { MeQuery, SignInMutation } from "./operations.ts";
import { useViewer } from "./use-viewer.ts";

const FIELDS = ["email", "password"] as const;

/** Pages that send people here after a success say so through the location state. */
const NOTICES = { invitationAccepted: "signIn.invitationAccepted", passwordReset: "signIn.passwordReset" } as const;

export function SignInPage() {
  const intl = useIntl();
  const client = useApolloClient();
  const { viewer } = useViewer();
  const state: { from?: unknown; notice?: unknown } | null = useLocation().state;
  const from = state?.from;
  const notice = state?.notice === "invitationAccepted" || state?.notice === "passwordReset" ? NOTICES[state.notice] : undefined;
  // filled in after the first render: a live region announces changes, not what it held when it appeared
  const [announced, setAnnounced] = useState<typeof notice>();
  useEffect(() => setAnnounced(notice), [notice]);
  const [signIn] = useMutation(SignInMutation);
  const form = useForm({
    // the same schema the API parses with, so browser and server agree; messages come from our catalogue
    resolver: zodResolver(signInSchema, { error: (issue) => errorText(intl, issue.code) }),
    defaultValues: { email: "", password: "" },
  });
  const { control, formState, setError } = form;

  // Signed in (also right after a successful submit, once the cache has the viewer): go on.
  if (viewer) return <Navigate to={typeof from === "string" ? from : "/communities"} replace />;

  const onSubmit = form.handleSubmit(async (input) => {
    try {
      const { data } = await signIn({ variables: { input } });
      const result = data?.signIn;
      if (result?.__typename === "MutationSignInSuccess") {
        client.writeQuery({ query: MeQuery, data: { me: result.data } });
      } else if (result?.__typename === "InputError") {
        result.issues.forEach((issue, i) => {
          const path = issue.path.join(".");
          const message = errorText(intl, issue.code, issue.message);
          const field = FIELDS.find((f) => f === path);
          if (field) setError(field, { type: issue.code, message }, { shouldFocus: i === 0 });
          else setError("root.server", { type: issue.code, message });
        });
      } else if (result?.__typename === "TooManyAttemptsError") {
        setError("root.server", {
          type: "too_many_attempts",
          message: errorText(intl, "too_many_attempts", undefined, { seconds: result.retryAfterSeconds }),
        });
      }
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <div className="narrow">
      <PageHeading>{intl.formatMessage({ id: "signIn.title" })}</PageHeading>
      <StatusMessage>{announced && <FormattedMessage id={announced} />}</StatusMessage>
      <p>
        <FormattedMessage id="signIn.intro" />
      </p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
        <FormErrors errors={formState.errors} />
        <Field control={control} name="email" type="email" autoComplete="username" isRequired label={intl.formatMessage({ id: "signIn.email" })} />
        <Field
          control={control}
          name="password"
          type="password"
          autoComplete="current-password"
          isRequired
          label={intl.formatMessage({ id: "signIn.password" })}
        />
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          <FormattedMessage id={formState.isSubmitting ? "signIn.submitting" : "signIn.submit"} />
        </button>
      </form>
      <p className="form-footer">
        <Link to="/forgot-password">
          <FormattedMessage id="signIn.forgotPassword" />
        </Link>
      </p>
    </div>
  );
}
