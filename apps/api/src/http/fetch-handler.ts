import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

/**
 * Serves a fetch-style handler (Request in, Response out: easy to test in-process) on node:http, as
 * server.ts mounts the download routes. Only the cookie header is passed on; the body streams as
 * produced, and a failure mid-stream breaks the download rather than ending it as if complete.
 */
export async function serveFetch(
  req: IncomingMessage,
  res: ServerResponse,
  what: string,
  respond: (request: Request) => Promise<Response>,
): Promise<void> {
  try {
    const headers = new Headers();
    if (req.headers.cookie) headers.set("cookie", req.headers.cookie);
    const response = await respond(new Request(new URL(req.url ?? "/", "http://localhost"), { method: req.method, headers }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body || req.method === "HEAD") return void res.end();
    Readable.fromWeb(response.body as NodeReadableStream)
      .on("error", (error) => {
        console.error(`${what} failed while streaming`, error);
        res.destroy(error);
      })
      .pipe(res);
  } catch (error) {
    console.error(`${what} failed`, error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
    res.end("Something went wrong");
  }
}
