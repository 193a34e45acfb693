import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { Label, Radio, RadioGroup } from "react-aria-components";
import { useMutation, useQuery } from "@apollo/client/react";
import { z } from "zod";
import { PASSWORD_MIN_LENGTH, changePasswordSchema } from "@citypeer/domain/identity";
import { LOCALE_NAMES, SUPPORTED_LOCALES, isSupportedLocale } from "@citypeer/i18n/locales";
import { errorText, useLocale } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { Field } from "../../ui/field.tsx";
import { FormErrors } from "../../ui/form-errors.tsx";
import { setServerIssues, zodIssueText } from "../../ui/form-issues.ts";
import { PageHeading } from "../../ui/page-heading.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { StatusMessage } from "../../ui/status-message.tsx";
import { AccountQuery, ChangePasswordMutation } from "./account-operations.ts";

/** The API's rule plus "typed the same twice", which only the form needs. */
const formSchema = changePasswordSchema
  .extend({ confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], params: { code: "passwords_differ" } });

/** The signed-in person's own account: who they are, their password and their language. */
export function AccountPage() {
  const intl = useIntl();
  const { data, error, loading, refetch } = useQuery(AccountQuery);
  const me = data?.me;

  return (
    <>
      <PageHeading>{intl.formatMessage({ id: "account.title" })}</PageHeading>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : loading || !me ? (
        <p role="status">
          <FormattedMessage id="app.loading" />
        </p>
      ) : (
        <div className="stack">
          <section aria-labelledby="account-details">
            <h2 id="account-details">
              <FormattedMessage id="account.details" />
            </h2>
            <dl className="facts">
              <div>
                <dt>
                  <FormattedMessage id="account.name" />
                </dt>
                <dd>
                  <bdi>{me.name}</bdi>
                </dd>
              </div>
              <div>
                <dt>
                  <FormattedMessage id="account.email" />
                </dt>
                <dd>
                  <bdi>{me.email}</bdi>
                </dd>
              </div>
              <div>
                <dt>
                  <FormattedMessage id="account.organization" />
                </dt>
                <dd>{me.organization ? <bdi>{me.organization.name}</bdi> : intl.formatMessage({ id: "users.noOrganization" })}</dd>
              </div>
              <div>
                <dt>
                  <FormattedMessage id="account.roles" />
                </dt>
                <dd>{intl.formatList(me.roles.map((role) => intl.formatMessage({ id: `role.${role}` })))}</dd>
              </div>
            </dl>
          </section>
          <ChangePassword />
          <LanguageChoice />
          <section aria-labelledby="account-notifications">
            <h2 id="account-notifications">
              <FormattedMessage id="account.notificationsHeading" />
            </h2>
            <p>
              <Link to="/notifications/preferences">
                <FormattedMessage id="account.notificationsLink" />
              </Link>
            </p>
          </section>
          <section aria-labelledby="account-data">
            <h2 id="account-data">
              <FormattedMessage id="account.dataHeading" />
            </h2>
            <p>
              <FormattedMessage id="account.dataIntro" />
            </p>
            <p>
              {/* a plain link: the server sends the file with the session cookie, the browser saves it */}
              <a className="button" href="/account/personal-data.json" download>
                <FormattedMessage id="account.dataDownload" />
              </a>
            </p>
          </section>
        </div>
      )}
    </>
  );
}

function ChangePassword() {
  const intl = useIntl();
  const [changePassword] = useMutation(ChangePasswordMutation, { refetchQueries: ["UnreadNotificationCount"] });
  const [changed, setChanged] = useState(false);
  const form = useForm({
    resolver: zodResolver(formSchema, { error: (issue) => zodIssueText(intl, issue) }),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { control, formState, setError } = form;

  const onSubmit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    setChanged(false);
    try {
      const { data } = await changePassword({ variables: { input: { currentPassword, newPassword } } });
      const result = data?.changePassword;
      if (result?.__typename === "InputError") {
        setServerIssues(intl, setError, result.issues, ["currentPassword", "newPassword"]);
      } else if (result) {
        form.reset();
        setChanged(true);
      }
    } catch (error) {
      setError("root.server", { type: "request", message: errorText(intl, errorCode(error)) });
    }
  });

  return (
    <section aria-labelledby="account-password" className="narrow">
      <h2 id="account-password">
        <FormattedMessage id="account.passwordHeading" />
      </h2>
      <StatusMessage>{changed && <FormattedMessage id="account.passwordChanged" />}</StatusMessage>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="form">
        <FormErrors errors={formState.errors} />
        <Field
          control={control}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          isRequired
          label={intl.formatMessage({ id: "account.currentPassword" })}
        />
        <Field
          control={control}
          name="newPassword"
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
          <FormattedMessage id={formState.isSubmitting ? "password.saving" : "account.passwordSubmit"} />
        </button>
      </form>
    </section>
  );
}

/** Saved on the account, so e-mails and other devices use it too (the header picker does the same). */
function LanguageChoice() {
  const intl = useIntl();
  const { locale, setLocale } = useLocale();
  const [status, setStatus] = useState<"saved" | "failed">();

  return (
    <section aria-labelledby="account-language">
      <h2 id="account-language">
        <FormattedMessage id="account.languageHeading" />
      </h2>
      <RadioGroup
        className="field"
        value={locale}
        onChange={(next) => {
          if (!isSupportedLocale(next)) return;
          setStatus(undefined);
          setLocale(next).then(
            () => setStatus("saved"),
            () => setStatus("failed"),
          );
        }}
      >
        <Label className="field-label">
          <FormattedMessage id="account.languageLabel" />
        </Label>
        <div className="choice-list">
          {SUPPORTED_LOCALES.map((l) => (
            <Radio key={l} value={l} className="choice" lang={l}>
              <span className="choice-box choice-round" aria-hidden="true" />
              {LOCALE_NAMES[l]}
            </Radio>
          ))}
        </div>
      </RadioGroup>
      <StatusMessage>{status === "saved" && <FormattedMessage id="account.languageSaved" />}</StatusMessage>
      {status === "failed" && (
        <p role="alert" className="field-error">
          {errorText(intl, "unknown")}
        </p>
      )}
    </section>
  );
}
