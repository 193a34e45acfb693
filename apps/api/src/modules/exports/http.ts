import type { IncomingMessage, ServerResponse } from "node:http";
import type { Client } from "@citypeer/db";
import { serveFetch } from "../../http/fetch-handler.ts";
import { SESSION_COOKIE, readCookie, sessionFromToken } from "../../auth/session.ts";
import { recordAudit } from "../audit/service.ts";
import { tableCsv } from "./csv.ts";
import { personalData } from "./personal-data.ts";
import { exportableTable } from "./policy.ts";
import { exportReadme } from "./readme.ts";

export const EXPORTS_PREFIX = "/exports/";
export const PERSONAL_DATA_PATH = "/account/personal-data.json";
export const EXPORTS_README_PATH = "/exports/README.md";
export const tableExportPath = (model: string) => `/exports/tables/${model}.csv`;

const TABLE_ROUTE = /^\/exports\/tables\/([A-Za-z]+)\.csv$/;

export const isExportPath = (pathname: string) => pathname.startsWith(EXPORTS_PREFIX) || pathname === PERSONAL_DATA_PATH;

function plain(status: number, body: string) {
  return new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

function download(body: BodyInit, type: string, fileName: string) {
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/**
 * `GET /account/personal-data.json`: a signed-in person's own data (no id in the path: nobody can ask for
 * someone else's). `GET /exports/README.md` and `/exports/tables/<Table>.csv`: project managers only.
 * Every download is written to the audit trail: personal data leaving the system must be accountable.
 */
export async function exportsResponse(db: Client, request: Request): Promise<Response> {
  if (request.method !== "GET") return new Response("Only GET", { status: 405, headers: { allow: "GET" } });
  const { pathname } = new URL(request.url);
  const token = readCookie(request, SESSION_COOKIE);
  const viewer = token ? await sessionFromToken(db, token) : null;
  if (!viewer) return plain(401, "Sign in to citypeer first");

  if (pathname === PERSONAL_DATA_PATH) {
    const data = await personalData(db, viewer.id);
    await db.$transaction((tx) => recordAudit(tx, viewer, "personal_data.exported", { type: "User", id: viewer.id }, null, null));
    return download(JSON.stringify(data, null, 2), "application/json; charset=utf-8", "citypeer-personal-data.json");
  }

  if (!viewer.roles.includes("PROJECT_MANAGER")) return plain(403, "Only project managers export tables");
  if (pathname === EXPORTS_README_PATH) return download(exportReadme(), "text/markdown; charset=utf-8", "README.md");

  const model = TABLE_ROUTE.exec(pathname)?.[1];
  const table = model ? exportableTable(model) : undefined;
  if (!table) return plain(404, "No such table export");
  await db.$transaction((tx) => recordAudit(tx, viewer, "table.exported", { type: "Table", id: table.model }, null, null));
  return download(streamOf(tableCsv(db, table)), "text/csv; charset=utf-8", `${table.model}.csv`);
}

/** The node:http side of `exportsResponse`, for server.ts; the CSV streams as it is produced. */
export function handleExports(db: Client, req: IncomingMessage, res: ServerResponse): Promise<void> {
  return serveFetch(req, res, "export", (request) => exportsResponse(db, request));
}
