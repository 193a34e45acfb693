import type { DocumentNode } from "graphql";
import { addTypenameToDocument, print } from "@apollo/client/utilities";

/**
 * The text of a document as the web app sends it: Apollo's cache adds `__typename` to every
 * selection set before a request leaves. Upload helpers that post outside Apollo send the same
 * text, so each document has one entry in the persisted-operations manifest
 * (tests/api/security/persisted-operations.test.ts checks that Apollo's own pipeline agrees).
 */
export function printForServer(document: DocumentNode): string {
  return print(addTypenameToDocument(document));
}

/**
 * Lower-case hex SHA-256, the id of a persisted operation. Browsers offer crypto.subtle only in a secure
 * context (HTTPS, localhost); opened over plain HTTP on a network address (a trial install), the app loads
 * @noble/hashes instead, on demand, so the first page does not carry it.
 */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const digest = globalThis.crypto?.subtle
    ? new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", bytes))
    : (await import("@noble/hashes/sha2.js")).sha256(bytes);
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The `extensions` of a request that names a persisted operation (Apollo's format, which Yoga's plugin reads). */
export async function persistedQueryExtensions(document: DocumentNode) {
  return { persistedQuery: { version: 1, sha256Hash: await sha256Hex(printForServer(document)) } };
}
