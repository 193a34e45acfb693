import type { DocumentNode } from "graphql";
import { persistedQueryExtensions, printForServer } from "./persisted-document.ts";

/**
 * The `operations` field of a GraphQL multipart request (uploads go around Apollo, whose link sends JSON
 * only). Production builds name the persisted operation by hash, like Apollo's persisted-queries link.
 */
export async function uploadOperation(document: DocumentNode, variables: Record<string, unknown>) {
  return import.meta.env.PROD ? { variables, extensions: await persistedQueryExtensions(document) } : { query: printForServer(document), variables };
}
