import { CombinedGraphQLErrors, ServerError, ServerParseError } from "@apollo/client/errors";

/**
 * The catalogue code (`error.<code>`) for a failed request: the server's FORBIDDEN/UNAUTHENTICATED,
 * "network" when the server could not be reached or answered garbage, else "unknown".
 */
export function errorCode(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.["code"];
    return code === "FORBIDDEN" || code === "UNAUTHENTICATED" ? code : "unknown";
  }
  if (ServerError.is(error) || ServerParseError.is(error) || error instanceof TypeError) return "network";
  return "unknown";
}
