import { FormattedMessage } from "react-intl";
import type { FieldErrors } from "react-hook-form";

/**
 * Errors that belong to the whole form (server refused, network down), read out at once (role=alert).
 * Field errors stay next to their field.
 */
export function FormErrors({ errors }: { errors: FieldErrors }) {
  const message = errors.root?.["server"]?.message;
  return (
    <div role="alert" className={message ? "notice notice-error" : undefined}>
      {message && (
        <>
          <p className="notice-title">
            <FormattedMessage id="formErrors.title" />
          </p>
          <p>{message}</p>
        </>
      )}
    </div>
  );
}
