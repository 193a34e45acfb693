import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { errorText } from "../app/i18n.tsx";
import { errorCode } from "./error-code.ts";

/** A failed query in words, with the way out: sign in again, or retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const intl = useIntl();
  const code = errorCode(error);
  return (
    <div role="alert" className="notice notice-error">
      <p>{errorText(intl, code)}</p>
      {code === "UNAUTHENTICATED" ? (
        <Link to="/sign-in">
          <FormattedMessage id="error.signIn" />
        </Link>
      ) : (
        code !== "FORBIDDEN" &&
        onRetry && (
          <button type="button" className="button button-secondary" onClick={onRetry}>
            <FormattedMessage id="error.retry" />
          </button>
        )
      )}
    </div>
  );
}
