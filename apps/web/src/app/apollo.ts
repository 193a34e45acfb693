import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { ErrorLink } from "@apollo/client/link/error";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import possibleTypes from "virtual:possible-types";
import { MeQuery } from "../features/identity/operations.ts";
import { sha256Hex } from "./persisted-document.ts";

/** The API is on the same origin (Vite proxies /graphql in development). */
export function createApolloClient() {
  const cache = new InMemoryCache({
    possibleTypes,
    typePolicies: {
      // one preference per kind for the signed-in person (the cache is cleared on sign-out)
      NotificationPreference: { keyFields: ["kind"] },
    },
  });

  // The session ended (expired, signed out elsewhere): forget the viewer, so the route guard
  // sends the person to sign-in instead of showing a page that can no longer load.
  const sessionEnded = new ErrorLink(({ error, operation }) => {
    const unauthenticated =
      CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.["code"] === "UNAUTHENTICATED");
    if (unauthenticated && operation.operationName !== "Me") cache.writeQuery({ query: MeQuery, data: { me: null } });
  });

  const http = new HttpLink({
    uri: "/graphql",
    // the session is an httpOnly cookie the server sets on sign-in
    credentials: "include",
    // Yoga's CSRF prevention refuses requests without this header (a form post cannot set it)
    headers: { "x-graphql-yoga-csrf": "1" },
  });

  // Production builds send only the SHA-256 of each document; the API runs just the operations in
  // apps/api/persisted-operations.json (`pnpm gql:persist`). No retry with the full document: the API would
  // refuse it, and an unknown hash means a stale manifest, which should fail loudly (the e2e tests see it).
  const persisted = new PersistedQueryLink({ sha256: sha256Hex, retry: () => false });

  return new ApolloClient({ link: ApolloLink.from([sessionEnded, ...(import.meta.env.PROD ? [persisted] : []), http]), cache });
}
