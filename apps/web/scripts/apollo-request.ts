import { ApolloClient, ApolloLink, InMemoryCache } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { print } from "@apollo/client/utilities";
import { Kind, type DocumentNode, type OperationDefinitionNode } from "graphql";
import { Observable } from "rxjs";
import { sha256Hex } from "../src/app/persisted-document.ts";

/**
 * What Apollo Client (the web app's cache and persisted-queries link) actually puts on the wire for a
 * document: its text after Apollo's document transforms, and the hash the link sends in production.
 * The request stops at a recording link; nothing leaves the process.
 */
export async function apolloRequest(document: DocumentNode): Promise<{ text: string; hash: string }> {
  let sent: { text: string; hash: string } | undefined;
  const record = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const persisted = (operation.extensions as { persistedQuery?: { sha256Hash?: string } }).persistedQuery;
        sent = { text: print(operation.query), hash: persisted?.sha256Hash ?? "" };
        observer.next({ data: null });
        observer.complete();
      }),
  );
  const client = new ApolloClient({
    cache: new InMemoryCache(),
    link: ApolloLink.from([new PersistedQueryLink({ sha256: sha256Hex, retry: () => false }), record]),
  });
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  try {
    if (operation?.operation === "mutation") await client.mutate({ mutation: document, fetchPolicy: "no-cache" });
    else await client.query({ query: document, fetchPolicy: "no-cache" });
  } catch {
    // the recorded answer is empty; only the request matters here
  }
  client.stop();
  if (!sent) throw new Error(`Apollo sent nothing for ${operation?.name?.value ?? "a document"}`);
  return sent;
}
