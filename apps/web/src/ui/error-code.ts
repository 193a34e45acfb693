import { CombinedGraphQLErrors, ServerError, ServerParseError } from "@apollo/client/errors";

/**
 * The catalogue code (`error.<code>`) for a failed request: the server's FORBIDDEN/UNAUTHENTICATED,
 * "unavailable" when its database is down or too busy (503, nothing saved), "network" when the server could not be
 * reached or answered garbage, else "unknown".
 */
export function errorCode(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.["code"];
    if (code === "DATABASE_UNAVAILABLE" || code === "DATABASE_BUSY") return "unavailable";
    return code === "FORBIDDEN" || code === "UNAUTHENTICATED" ? code : "unknown";
  }
  // 503: the API is up but its database is not (or too busy); nothing was saved and a retry is safe
  if (ServerError.is(error) && error.statusCode === 503) return "unavailable";
  if (ServerError.is(error) || ServerParseError.is(error) || error instanceof TypeError) return "network";
  return "unknown";
}
