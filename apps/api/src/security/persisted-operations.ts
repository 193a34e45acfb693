import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import type { Plugin } from "graphql-yoga";

/**
 * The web app's operations by SHA-256 of their text, written by `pnpm gql:persist` from the web's documents
 * (apps/web/scripts/persisted-operations.ts) and committed; a test fails when it is stale.
 */
export const PERSISTED_OPERATIONS_FILE = path.resolve(import.meta.dirname, "../../persisted-operations.json");

interface Manifest {
  format: string;
  version: number;
  operations: { id: string; name: string; type: string; body: string }[];
}

/** Reads the manifest and checks every id against its body, so a hand-edited entry cannot smuggle in another document. */
export function loadPersistedOperations(file = PERSISTED_OPERATIONS_FILE): ReadonlyMap<string, string> {
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
  if (manifest.format !== "apollo-persisted-query-manifest" || manifest.version !== 1) {
    throw new Error(`${file}: not an Apollo persisted query manifest (version 1)`);
  }
  const operations = new Map<string, string>();
  for (const { id, name, body } of manifest.operations) {
    if (createHash("sha256").update(body).digest("hex") !== id) throw new Error(`${file}: the id of ${name} is not the SHA-256 of its body`);
    operations.set(id, body);
  }
  return operations;
}

export interface PersistedOperationsOptions {
  operations: ReadonlyMap<string, string>;
  /** false: only persisted operations run (production, unless GRAPHQL_ARBITRARY_OPERATIONS=1). */
  allowArbitraryOperations: boolean;
}

/**
 * Requests may name a persisted operation by hash (`extensions.persistedQuery.sha256Hash`, what Apollo's
 * persisted-queries link sends). With arbitrary operations off, a request carrying a document is refused
 * before it is parsed, and so is an unknown hash: nothing but the web app's own operations reaches validation.
 */
export function usePersistedWebOperations({ operations, allowArbitraryOperations }: PersistedOperationsOptions): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations,
    getPersistedOperation: (hash) => operations.get(hash) ?? null,
    customErrors: {
      // Apollo's link recognises this code (and would send the document when arbitrary operations are allowed)
      notFound: {
        message: "Unknown persisted operation: the web app and the API are from different versions, or the hash is wrong",
        extensions: { code: "PERSISTED_QUERY_NOT_FOUND", http: { status: 400 } },
      },
      persistedQueryOnly: {
        message: "This server runs only the web app's persisted operations; send the hash of one (extensions.persistedQuery)",
        extensions: { code: "PERSISTED_QUERY_ONLY", http: { status: 400 } },
      },
      keyNotFound: {
        message: "Send a query, or the hash of a persisted operation in extensions.persistedQuery.sha256Hash",
        extensions: { code: "PERSISTED_QUERY_ID_REQUIRED", http: { status: 400 } },
      },
    },
  }) as Plugin;
}
