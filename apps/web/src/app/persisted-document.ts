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

/** Lower-case hex SHA-256, the id of a persisted operation (crypto.subtle: browsers in a secure context, Node 20). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The `extensions` of a request that names a persisted operation (Apollo's format, which Yoga's plugin reads). */
export async function persistedQueryExtensions(document: DocumentNode) {
  return { persistedQuery: { version: 1, sha256Hash: await sha256Hex(printForServer(document)) } };
}
