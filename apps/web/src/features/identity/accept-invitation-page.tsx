import { FormattedMessage, useIntl } from "react-intl";
import { useNavigate, useSearchParams } from "react-router";
import { useMutation } from "@apollo/client/react";
import { PASSWORD_MIN_LENGTH } from "@citypeer/domain/identity";
import { PageHeading } from "../../ui/page-heading.tsx";
import { AcceptInvitationMutation } from "./account-operations.ts";
import { InvalidLink, TokenPasswordForm, isWellFormedToken } from "./token-password-form.tsx";

/** Public: the invited person chooses a password through the e-mailed link, then signs in. */
export function AcceptInvitationPage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const token = useSearchParams()[0].get("token");
  const [accept] = useMutation(AcceptInvitationMutation);

  return (
    <div className="narrow">
      <PageHeading>{intl.formatMessage({ id: "acceptInvitation.title" })}</PageHeading>
      {isWellFormedToken(token) ? (
        <>
          <p>
            <FormattedMessage id="acceptInvitation.intro" values={{ minimum: PASSWORD_MIN_LENGTH }} />
          </p>
          <TokenPasswordForm
            token={token}
            submitLabel="acceptInvitation.submit"
            submit={async (input) => (await accept({ variables: { input } })).data?.acceptInvitation}
            onSuccess={() => void navigate("/sign-in", { replace: true, state: { notice: "invitationAccepted" } })}
          />
        </>
      ) : (
        <InvalidLink />
      )}
    </div>
  );
}
