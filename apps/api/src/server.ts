import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import sirv from "sirv";
import { createDb } from "@citypeer/db";
import { whileStarting } from "@citypeer/db/startup";
import { DEMO_PASSWORD, demoUsers, isEmpty, seed } from "../../../prisma/seed/index.ts";
import { createApp } from "./app.ts";
import { startJobs } from "./jobs/runner.ts";
import { handleFileDownload } from "./modules/attachments/download.ts";
import { FILES_PATH_PREFIX } from "./modules/attachments/signing.ts";
import { REVIEW_FEED_PREFIX, handleReviewFeed } from "./modules/reviews/calendar.ts";
import { handleCalendar, isCommunityCalendarPath } from "./modules/communities/calendar.ts";
import { handleExports, isExportPath } from "./modules/exports/http.ts";

const port = Number(process.env.PORT ?? 4000);
const webDist = path.resolve(import.meta.dirname, "../../web/dist");

const started = Date.now();
const db = await createDb({ migrate: false });
// replicas starting together migrate and seed one at a time (a PostgreSQL advisory lock)
await whileStarting(db, async () => {
  await db.migrate();
  if (await isEmpty(db.prisma)) {
    await seed(db.prisma);
    console.log(`Seeded demo data. Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const u of demoUsers()) console.log(`  ${u.email.padEnd(36)} ${u.roles.join(", ")}`);
  }
});
// Jobs run here unless WORKER=separate, where `pnpm worker` runs them (PostgreSQL only: PGlite is one process).
const separateWorker = process.env.WORKER === "separate";
if (separateWorker && db.kind === "pglite") throw new Error("WORKER=separate needs DATABASE_URL: the embedded database serves one process");
const jobs = await startJobs(db, { work: !separateWorker });
const { yoga } = createApp({ db, jobs });

// The built web app, with index.html for every client-side route.
const serveWeb = existsSync(webDist) ? sirv(webDist, { single: true, etag: true, gzip: false }) : null;

/** 200 when the database answers within 3 s, else 503: a load balancer stops sending traffic, nobody restarts the process. */
async function health(): Promise<{ status: number; body: object }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("no answer within 3 s")), 3_000);
  });
  try {
    await Promise.race([db.prisma.$queryRaw`SELECT 1`, timeout]);
    return { status: 200, body: { status: "ok", database: db.kind } };
  } catch {
    return { status: 503, body: { status: "unavailable", database: "unreachable" } };
  } finally {
    clearTimeout(timer);
  }
}

const server = createServer((req, res) => {
  const pathname = (req.url ?? "/").split("?")[0] ?? "/";
  if (pathname === "/graphql") return void yoga(req, res);
  // before the web app: its single-page fallback would answer /files/... with index.html
  if (pathname.startsWith(FILES_PATH_PREFIX)) return void handleFileDownload(db.prisma, req, res);
  if (pathname.startsWith(REVIEW_FEED_PREFIX)) return void handleReviewFeed(db.prisma, req, res);
  if (isCommunityCalendarPath(pathname)) return void handleCalendar(db.prisma, req, res);
  if (isExportPath(pathname)) return void handleExports(db.prisma, req, res);
  if (pathname === "/healthz") {
    void health().then(({ status, body }) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    });
    return;
  }
  if (serveWeb) {
    // sirv streams files it listed earlier; one removed since (the web app rebuilt under a running server)
    // fails the read stream, which would otherwise be an uncaught error that stops the whole process
    res.on("pipe", (source) => source.on("error", () => res.destroy()));
    return serveWeb(req, res);
  }
  res.writeHead(404, { "content-type": "text/plain" }).end("The web app is not built: run pnpm --filter @citypeer/web build");
});

server.listen(port, () => {
  console.log(`citypeer on http://localhost:${port} (GraphQL: /graphql, database: ${db.kind}, ready in ${Date.now() - started} ms)`);
});

async function shutdown() {
  server.close();
  await jobs.stop();
  await db.close();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
