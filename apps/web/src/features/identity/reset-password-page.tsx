import { FormattedMessage, useIntl } from "react-intl";
import { useNavigate, useSearchParams } from "react-router";
import { useMutation } from "@apollo/client/react";
import { PASSWORD_MIN_LENGTH } from "@citypeer/domain/identity";
import { PageHeading } from "../../ui/page-heading.tsx";
import { ResetPasswordMutation } from "./account-operations.ts";
import { InvalidLink, TokenPasswordForm, isWellFormedToken } from "./token-password-form.tsx";

/** Public: a new password through the e-mailed reset link; every session of the person ends. */
export function ResetPasswordPage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const token = useSearchParams()[0].get("token");
  const [reset] = useMutation(ResetPasswordMutation);

  return (
    <div className="narrow">
      <PageHeading>{intl.formatMessage({ id: "resetPassword.title" })}</PageHeading>
      {isWellFormedToken(token) ? (
        <>
          <p>
            <FormattedMessage id="resetPassword.intro" values={{ minimum: PASSWORD_MIN_LENGTH }} />
          </p>
          <TokenPasswordForm
            token={token}
            submitLabel="resetPassword.submit"
            submit={async (input) => (await reset({ variables: { input } })).data?.resetPassword}
            onSuccess={() => void navigate("/sign-in", { replace: true, state: { notice: "passwordReset" } })}
          />
        </>
      ) : (
        <InvalidLink />
      )}
    </div>
  );
}
