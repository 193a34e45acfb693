import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { parse } from "cookie";
import type { Client } from "@citypeer/db";
import { SESSION_COOKIE, sessionFromToken } from "../../auth/session.ts";
import { readAttachment } from "./service.ts";
import { FILES_PATH_PREFIX, isValidDownload } from "./signing.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type DownloadDecision =
  | { status: 200; path: string; sizeBytes: number; mimeType: string; fileName: string }
  | { status: 403 | 404 | 405; reason: string };

/**
 * Whether a request for `/files/<id>?expires=&sig=` may have the file: the signature must be this session's
 * viewer's and unexpired (403 otherwise, also for no session), then the attachment and its content must exist (404).
 * The signature is checked first, so only a holder of a valid link learns whether an id exists.
 */
export async function authorizeDownload(
  db: Client,
  method: string,
  url: string | URL,
  cookieHeader: string | undefined,
  now = Date.now(),
): Promise<DownloadDecision> {
  if (method !== "GET" && method !== "HEAD") return { status: 405, reason: "Only GET and HEAD" };
  const { pathname, searchParams } = new URL(url, "http://localhost");
  const id = pathname.startsWith(FILES_PATH_PREFIX) ? pathname.slice(FILES_PATH_PREFIX.length) : "";
  if (!UUID.test(id)) return { status: 404, reason: "Not found" };

  const token = cookieHeader ? parse(cookieHeader)[SESSION_COOKIE] : undefined;
  const viewer = token ? await sessionFromToken(db, token) : null;
  if (!viewer || !isValidDownload(id, viewer.id, searchParams.get("expires"), searchParams.get("sig"), now)) {
    return { status: 403, reason: "This link is not valid for you, or it has expired" };
  }

  const found = await readAttachment(db, id);
  if (!found) return { status: 404, reason: "Not found" };
  const size = await stat(found.path).then((s) => s.size, () => null);
  if (size === null) {
    console.error(`attachment ${found.attachment.id}: content ${found.attachment.sha256} is missing from ${found.path}`);
    return { status: 404, reason: "Not found" };
  }
  const { mimeType, fileName } = found.attachment;
  return { status: 200, path: found.path, sizeBytes: size, mimeType, fileName };
}

/** Serves `/files/...` on the node:http server: mount it for every path that starts with FILES_PATH_PREFIX. */
export async function handleFileDownload(db: Client, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let decision: DownloadDecision;
  try {
    decision = await authorizeDownload(db, req.method ?? "GET", req.url ?? "/", req.headers.cookie);
  } catch (error) {
    console.error("file download failed", error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end("Something went wrong");
    return;
  }

  if (decision.status !== 200) {
    const headers: Record<string, string> = { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" };
    if (decision.status === 405) headers.allow = "GET, HEAD";
    res.writeHead(decision.status, headers).end(decision.reason);
    return;
  }

  res.writeHead(200, {
    "content-type": decision.mimeType,
    "content-length": String(decision.sizeBytes),
    "content-disposition": contentDisposition(decision.fileName),
    // the stored type was read from the content: browsers must not guess another, nor render it in our origin
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "cache-control": "private, no-store",
    "referrer-policy": "no-referrer",
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  try {
    await pipeline(createReadStream(decision.path), res);
  } catch (error) {
    // the client went away, or the disk failed mid-file: the response is already cut short
    if ((error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") console.error("file download failed", error);
    res.destroy();
  }
}

/** RFC 6266: a plain ASCII fallback for old clients, and the exact UTF-8 name in filename*. */
function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
