import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Kind, type DocumentNode } from "graphql";
import type { Client } from "@citypeer/db";
import { createApp, CSRF_HEADER, type AppOptions } from "@citypeer/api/app";
import { startSession } from "@citypeer/api/auth/session";
import { printForServer } from "../apps/web/src/app/persisted-document.ts";

const MANIFEST = path.resolve(import.meta.dirname, "../apps/api/persisted-operations.json");
export const BENCH_IP = "198.51.100.20";

/**
 * The production stack (armor limits, CSRF, introspection off, persisted operations) with documents still
 * accepted, so the bench can send `{ __typename }` and pages whose hash a stale manifest lacks.
 */
export const PRODUCTION_OPTIONS = { production: true, allowArbitraryOperations: true };

export function createBenchApp(db: AppOptions["db"], production = true) {
  const options = production ? PRODUCTION_OPTIONS : {};
  return createApp({ db, ...options });
}

function persistedIds(): Set<string> {
  if (!existsSync(MANIFEST)) return new Set();
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as { operations: { id: string }[] };
  return new Set(manifest.operations.map((o) => o.id));
}

export interface PreparedRequest {
  body: string;
  /** "persisted": by hash, as the web app sends it in production; "document": the text (hash not in the manifest). */
  sentAs: "persisted" | "document";
}

/** The request body the web app sends for `document`: by hash when the manifest knows it, else the text. */
export function prepareRequest(document: DocumentNode, variables: Record<string, unknown>): PreparedRequest {
  const text = printForServer(document);
  const id = createHash("sha256").update(text).digest("hex");
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operationName = operation?.kind === Kind.OPERATION_DEFINITION ? operation.name?.value : undefined;
  if (persistedIds().has(id)) {
    return { sentAs: "persisted", body: JSON.stringify({ operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash: id } } }) };
  }
  return { sentAs: "document", body: JSON.stringify({ operationName, query: text, variables }) };
}

/** A session cookie for a demo account, made the way sign-in makes it. */
export async function cookieFor(prisma: Client, email: string): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  const { token } = await prisma.$transaction((tx) => startSession(tx, user.id, { ip: BENCH_IP, userAgent: "citypeer-bench" }));
  return `citypeer_session=${token}`;
}

export function requestHeaders(cookie?: string): Record<string, string> {
  return { "content-type": "application/json", [CSRF_HEADER]: "1", ...(cookie ? { cookie } : {}) };
}
