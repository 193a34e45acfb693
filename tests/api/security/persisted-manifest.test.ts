import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { MANIFEST_FILE, buildManifest, formatManifest, webDocuments } from "../../../apps/web/scripts/persisted-operations.ts";
import { apolloRequest } from "../../../apps/web/scripts/apollo-request.ts";
import { printForServer } from "../../../apps/web/src/app/persisted-document.ts";
import { PERSISTED_OPERATIONS_FILE, loadPersistedOperations } from "@citypeer/api/security/persisted-operations";

it("apps/api/persisted-operations.json holds exactly the web app's operations (run pnpm gql:persist)", async () => {
  expect(MANIFEST_FILE).toBe(PERSISTED_OPERATIONS_FILE);
  expect(readFileSync(MANIFEST_FILE, "utf8")).toBe(formatManifest(await buildManifest()));
  // and the API can load it: every id is the hash of its body
  expect(loadPersistedOperations().size).toBe((await buildManifest()).operations.length);
});

it("stores each operation as Apollo sends it, under the hash its persisted-queries link computes", async () => {
  const manifest = new Map((await buildManifest()).operations.map((o) => [o.id, o.body]));
  const mismatches: string[] = [];
  for (const { file, exportName, document } of await webDocuments()) {
    if (!document.definitions.some((d) => d.kind === "OperationDefinition")) continue;
    const sent = await apolloRequest(document);
    if (manifest.get(sent.hash) !== sent.text || sent.text !== printForServer(document)) mismatches.push(`${file} ${exportName}`);
  }
  expect(mismatches).toEqual([]);
});
