/**
 * The persisted-operations manifest: every GraphQL operation the web app can send, keyed by the
 * SHA-256 of its text. In production the API executes only these (apps/api/src/security/persisted-operations.ts)
 * and the web app sends hashes instead of documents.
 *
 *   pnpm gql:persist            rewrites apps/api/persisted-operations.json
 *
 * Documents are read by importing the modules that call gql.tada's `graphql()` (operations.ts and the
 * upload helpers), so the manifest holds exactly what the code sends; a test compares the committed file
 * with a fresh build of it, like apps/api/schema.graphql.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Kind, type DocumentNode, type OperationDefinitionNode } from "graphql";
import { printForServer, sha256Hex } from "../src/app/persisted-document.ts";

const webSrc = path.resolve(import.meta.dirname, "../src");
export const MANIFEST_FILE = path.resolve(import.meta.dirname, "../../api/persisted-operations.json");

/** Apollo's persisted query manifest format (also read by Apollo's own tooling). */
export interface PersistedManifest {
  format: "apollo-persisted-query-manifest";
  version: 1;
  operations: { id: string; name: string; type: "query" | "mutation" | "subscription"; body: string }[];
}

export interface WebDocument {
  /** Path under apps/web/src, for messages. */
  file: string;
  exportName: string;
  document: DocumentNode;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

const isDocument = (value: unknown): value is DocumentNode =>
  typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === Kind.DOCUMENT;

/** `graphql(` followed by the document's first keyword and name, e.g. ["mutation", "SignIn"]. */
const DOCUMENT_START = /\bgraphql\(\s*`\s*(query|mutation|subscription|fragment)\b\s*([_A-Za-z][_0-9A-Za-z]*)?/g;

/**
 * Every document of the web app. Fails when an operation could escape the manifest: one defined in a
 * .tsx file (not importable outside the browser build), one without a name, or one its module does not
 * export (fragments may stay private: they travel inside the operations that spread them).
 */
export async function webDocuments(): Promise<WebDocument[]> {
  const found: WebDocument[] = [];
  const problems: string[] = [];
  for (const file of sourceFiles(webSrc)) {
    const source = readFileSync(file, "utf8");
    if (!/\bgraphql\(/.test(source)) continue;
    const relative = path.relative(webSrc, file);
    if (file.endsWith(".tsx")) {
      problems.push(`${relative}: define GraphQL documents in a .ts module (operations.ts), not in a component`);
      continue;
    }
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const exportedOperations = new Set<string>();
    for (const [exportName, value] of Object.entries(module)) {
      if (!isDocument(value)) continue;
      found.push({ file: relative, exportName, document: value });
      for (const d of value.definitions) if (d.kind === Kind.OPERATION_DEFINITION && d.name) exportedOperations.add(d.name.value);
    }
    for (const [, keyword, name] of source.matchAll(DOCUMENT_START)) {
      if (keyword === "fragment") continue;
      if (!name) problems.push(`${relative}: an anonymous ${keyword}; name every operation (the manifest and logs use the name)`);
      else if (!exportedOperations.has(name)) problems.push(`${relative}: export the document of ${keyword} ${name}`);
    }
  }
  if (problems.length > 0) throw new Error(`Web documents the manifest cannot see:\n${problems.join("\n")}`);
  return found;
}

/** The operations (not bare fragments) of the web app, as the manifest stores them. */
export async function buildManifest(): Promise<PersistedManifest> {
  const byId = new Map<string, PersistedManifest["operations"][number]>();
  for (const { file, exportName, document } of await webDocuments()) {
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.length === 0) continue; // a fragment, sent only inside operations
    if (operations.length > 1) throw new Error(`${file} ${exportName}: one operation per document`);
    const operation = operations[0]!;
    if (!operation.name) throw new Error(`${file} ${exportName}: name every operation (the manifest and logs use the name)`);
    const body = printForServer(document);
    const id = await sha256Hex(body);
    byId.set(id, { id, name: operation.name.value, type: operation.operation, body });
  }
  const operations = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { format: "apollo-persisted-query-manifest", version: 1, operations };
}

export function formatManifest(manifest: PersistedManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const manifest = await buildManifest();
  writeFileSync(MANIFEST_FILE, formatManifest(manifest));
  console.log(`${path.relative(process.cwd(), MANIFEST_FILE)}: ${manifest.operations.length} operations`);
}
