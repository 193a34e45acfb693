import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { z } from "zod";
import { PASSWORD_MIN_LENGTH, tokenPasswordSchema } from "@citypeer/domain/identity";
import { errorText, type MessageId } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { setServerIssues, zodIssueText } from "../../ui/form-issues.ts";

/** The new password twice: the API's rule (tokenPasswordSchema) plus "both the same", which only the form needs. */
const formSchema = tokenPasswordSchema
  .omit({ token: true })
  .extend({ confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], params: { code: "passwords_differ" } });

/** A link whose token cannot be right (cut off when copied, missing) fails before anyone types a password. */
export const isWellFormedToken = (token: string | null): token is string => tokenPasswordSchema.shape.token.safeParse(token).success;

type Result = { __typename: string; issues?: readonly { path: readonly string[]; code: string; message: string }[] } | undefined;

type TokenPasswordFormProps = {
  token: string;
  submitLabel: MessageId;
  /** Sends token and password; resolves to the mutation's union result. */
  submit: (input: { token: string; password: string }) => Promise<Result>;
  onSuccess: () => void;
};

/**
 * Choosing a password from an e-mailed link (invitation or reset). A used or expired link is
 * reported in place, with the way to get a new one.
 */
export function TokenPasswordForm({ token, submitLabel, submit, onSuccess }: TokenPasswordFormProps) {
  const intl = useIntl();
  const form = useForm({
    resolver: zodResolver(formSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { password: "", confirmPassword: "" },
  });
  const { control, formState, setError } = form;
  const linkInvalid = formState.errors.root?.["server"]?.type === "link_invalid";

  const onSubmit = form.handleSubmit(async ({ password }) => {
    try {
      const result = await submit({ token, password });
      if (result?.__typename === "InputError") setServerIssues(intl, setError, result.issues ?? [], ["password"]);
      else if (result) onSuccess();
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
      <FormErrors errors={formState.errors} />
      {linkInvalid && (
        <p>
          <Link to="/forgot-password">
            <FormattedMessage id="password.requestNewLink" />
          </Link>
        </p>
      )}
      <Field
        control={control}
        name="password"
        type="password"
        autoComplete="new-password"
        isRequired
        label={intl.formatMessage({ id: "password.new" })}
        description={intl.formatMessage({ id: "password.hint" }, { minimum: PASSWORD_MIN_LENGTH })}
      />
      <Field
        control={control}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        isRequired
        label={intl.formatMessage({ id: "password.confirm" })}
      />
      <button type="submit" className="button" disabled={formState.isSubmitting}>
        <FormattedMessage id={formState.isSubmitting ? "password.saving" : submitLabel} />
      </button>
    </form>
  );
}

/** Shown instead of the form when the link has no usable token. */
export function InvalidLink() {
  return (
    <div role="alert" className="notice notice-error">
      <p>
        <FormattedMessage id="error.link_invalid" />
      </p>
      <p>
        <Link to="/forgot-password">
          <FormattedMessage id="password.requestNewLink" />
        </Link>
      </p>
    </div>
  );
}
