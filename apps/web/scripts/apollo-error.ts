import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import { parse } from "graphql";

/**
 * The error the web app's Apollo Client raises for a query answered by `fetch` (tests pass the API's
 * in-process fetch), so tests can check how the web words server failures (ui/error-code.ts).
 */
export async function apolloError(fetch: typeof globalThis.fetch, query: string): Promise<unknown> {
  const client = new ApolloClient({ cache: new InMemoryCache(), link: new HttpLink({ uri: "http://citypeer.test/graphql", fetch }) });
  try {
    await client.query({ query: parse(query), fetchPolicy: "no-cache" });
    return undefined;
  } catch (error) {
    return error;
  } finally {
    client.stop();
  }
}
