import { readFileSync } from "node:fs";
import { PERSISTED_OPERATIONS_FILE } from "@citypeer/api/security/persisted-operations";

interface ManifestOperation {
  id: string;
  name: string;
  type: "query" | "mutation" | "subscription";
  body: string;
}

/** The committed manifest of the web app's operations (apps/api/persisted-operations.json). */
export function persistedOperations(): ManifestOperation[] {
  return (JSON.parse(readFileSync(PERSISTED_OPERATIONS_FILE, "utf8")) as { operations: ManifestOperation[] }).operations;
}

/** The web app's operation called `name`, as the production API knows it. */
export function persistedOperation(name: string): ManifestOperation {
  const found = persistedOperations().filter((o) => o.name === name);
  if (found.length !== 1) throw new Error(`${found.length} persisted operations named ${name}`);
  return found[0]!;
}

/** A request body naming a persisted operation by hash, as Apollo's persisted-queries link sends it. */
export function byHash(name: string, variables: Record<string, unknown> = {}) {
  return { operationName: name, variables, extensions: { persistedQuery: { version: 1, sha256Hash: persistedOperation(name).id } } };
}
