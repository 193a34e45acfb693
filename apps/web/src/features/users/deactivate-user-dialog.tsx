import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { useMutation } from "@apollo/client/react";
import { errorText } from "../../app/i18n.tsx";
import { errorCode } from "../../ui/error-code.ts";
import { ModalDialog } from "../../ui/modal-dialog.tsx";
import { DeactivateUserMutation } from "./operations.ts";
import type { UserRow } from "./user-options.ts";

/** Confirmation before ending someone's access; an admin cannot lock themselves out (ConflictError). */
export function DeactivateUserDialog({ user, onClose, onDone }: { user: UserRow; onClose: () => void; onDone: (user: UserRow) => void }) {
  const intl = useIntl();
  const [deactivate, { loading }] = useMutation(DeactivateUserMutation);
  const [failure, setFailure] = useState<string>();

  async function onConfirm() {
    setFailure(undefined);
    try {
      const { data } = await deactivate({ variables: { input: { userId: user.id } } });
      const result = data?.deactivateUser;
      if (result?.__typename === "MutationDeactivateUserSuccess") onDone(result.data);
      else if (result?.__typename === "ConflictError") setFailure(errorText(intl, result.code, result.message));
      else if (result?.__typename === "NotFoundError") setFailure(errorText(intl, "not_found"));
    } catch (error) {
      setFailure(errorText(intl, errorCode(error)));
    }
  }

  return (
    <ModalDialog
      isOpen
      onOpenChange={(open) => !open && onClose()}
      role="alertdialog"
      title={intl.formatMessage({ id: "deactivate.title" }, { name: user.name })}
    >
      {(close) => (
        <>
          <p>
            <FormattedMessage id="deactivate.body" values={{ name: <bdi>{user.name}</bdi> }} />
          </p>
          <div role="alert" className={failure ? "notice notice-error" : undefined}>
            {failure && <p>{failure}</p>}
          </div>
          <div className="dialog-actions">
            <button type="button" className="button button-danger" disabled={loading} onClick={() => void onConfirm()}>
              <FormattedMessage id="deactivate.confirm" />
            </button>
            <button type="button" className="button button-secondary" onClick={close}>
              <FormattedMessage id="dialog.cancel" />
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}
