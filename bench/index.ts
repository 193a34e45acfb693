/**
 * pnpm bench: data-size scaling, SQL statements, latency, throughput, cold start and bundle size.
 *
 *   pnpm bench                     everything, PostgreSQL and PGlite, 1x / 10x / 100x
 *   pnpm bench --quick             fewer samples, 1x and 10x, shorter load runs (a sanity run)
 *   pnpm bench --pglite-only       only the embedded database;  --pg-only: only PostgreSQL
 *   --scales=1,10                  other data sizes;  --no-throughput --no-cold-start --no-bundle: skip parts
 *
 * PostgreSQL: BENCH_DATABASE_URL or DATABASE_URL names the server (default postgres:postgres@127.0.0.1:5432);
 * the bench creates bench_1x, bench_10x, bench_100x and bench_cold there and drops them at the end.
 * Prints a table (figure, target, pass/miss) and writes bench/results/latest.json. Exits 1 only when a page
 * answers with errors (a bug); missed targets are figures to read, not failures.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchDatabaseName, buildScale, dropDatabase, postgresReachable, recreateDatabase, serverUrl, type Backend, type ScaleDb } from "./databases.ts";
import { measurePages, type PageFigures } from "./latency.ts";
import { pageQueries } from "./queries.ts";
import { compareWithBare, load, startServer, type Comparison, type Target } from "./throughput.ts";
import { coldStart, type ColdStartFigures } from "./cold-start.ts";
import { measureBundle, type BundleFigures } from "./bundle.ts";
import { prepareRequest, requestHeaders } from "./requests.ts";
import { buildChecks, printReport } from "./report.ts";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
if (flag("help")) {
  console.log(/\*\*([\s\S]*?)\*\//.exec((await import("node:fs")).readFileSync(import.meta.filename, "utf8"))![1]!.replace(/^ \* ?/gm, ""));
  process.exit(0);
}

const quick = flag("quick");
const options = {
  quick,
  scales: (value("scales") ?? (quick ? "1,10" : "1,10,100")).split(",").map(Number),
  backends: (flag("pglite-only") ? ["pglite"] : flag("pg-only") ? ["postgres"] : ["postgres", "pglite"]) as Backend[],
  latency: quick ? { warmup: 5, samples: 20, maxMsPerPage: 20_000 } : { warmup: 20, samples: 200, maxMsPerPage: 90_000 },
  load: quick ? { seconds: 1, connections: 10, rounds: 1 } : { seconds: 3, connections: 10, rounds: 3 },
  throughput: !flag("no-throughput"),
  coldStart: !flag("no-cold-start"),
  bundle: !flag("no-bundle"),
};
if (!options.scales.includes(1)) options.scales.unshift(1);

const log = (line: string) => console.log(line);
const started = new Date();
const loadAtStart = os.loadavg();
const now = new Date();

export interface DataFigures {
  backend: Backend;
  scale: number;
  migrateMs: number;
  seedMs: number;
  generateMs: number;
  rows: Record<string, number>;
}

export interface ThroughputFigures {
  backend: Backend;
  /** name -> figures against bare Yoga: "stack { __typename }", "stack { __typename } signed in", one per page at 1x. */
  runs: Record<string, Comparison>;
}

const data: DataFigures[] = [];
const pages: PageFigures[] = [];
const throughput: ThroughputFigures[] = [];
const coldStarts: Record<string, ColdStartFigures> = {};
let bundle: BundleFigures | undefined;
const notes: string[] = [];

const backends: Backend[] = [];
for (const backend of options.backends) {
  if (backend === "postgres" && !(await postgresReachable())) {
    notes.push(`PostgreSQL at ${new URL(serverUrl()).host} is not reachable: its figures are missing.`);
    continue;
  }
  backends.push(backend);
}

for (const backend of backends) {
  log(`\n== ${backend}: building ${options.scales.map((s) => `${s}x`).join(", ")}`);
  const scales: ScaleDb[] = [];
  try {
    for (const scale of options.scales) {
      const built = await buildScale(backend, scale, now);
      scales.push(built);
      data.push({ backend, scale, migrateMs: built.migrateMs, seedMs: built.seedMs, generateMs: built.generateMs, rows: built.rows });
      log(`  ${scale}x: migrate ${ms(built.migrateMs)}, seed ${ms(built.seedMs)}, generate ${ms(built.generateMs)} (${Object.entries(built.rows).map(([k, v]) => `${v} ${k}`).join(", ")})`);
    }

    log(`== ${backend}: page queries (statements, latency)`);
    pages.push(...(await measurePages(scales, pageQueries, options.latency, log)));

    if (options.throughput) {
      log(`== ${backend}: throughput (autocannon, ${options.load.connections} connections, ${options.load.rounds} rounds of ${options.load.seconds} s against bare Yoga)`);
      throughput.push(await measureThroughput(backend, scales.find((s) => s.scale === 1)!));
    }
  } finally {
    for (const s of scales) await s.db.close();
    if (backend === "postgres") for (const scale of options.scales) await dropDatabase(benchDatabaseName(scale));
  }
}

if (options.coldStart) {
  for (const backend of backends) {
    log(`== ${backend}: cold start`);
    const url = backend === "postgres" ? await recreateDatabase("bench_cold") : undefined;
    try {
      coldStarts[backend] = await coldStart(url);
      log(`  first answer after ${ms(coldStarts[backend].firstAnswerMs)} (server ready after ${coldStarts[backend].serverReadyMs ?? "?"} ms)`);
    } finally {
      if (url) await dropDatabase("bench_cold");
    }
  }
}

if (options.bundle) {
  log("== web bundle");
  bundle = await measureBundle();
  log(`  built in ${ms(bundle.buildMs)}: entry ${kb(bundle.entryJsGzipBytes)} gz, total JS ${kb(bundle.totalJsGzipBytes)} gz in ${bundle.jsFiles} files`);
}

const checks = buildChecks({ pages, throughput, bundle });
const result = {
  startedAt: started.toISOString(),
  finishedAt: new Date().toISOString(),
  machine: { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg(), memoryGb: Math.round(os.totalmem() / 2 ** 30) },
  options,
  notes,
  data,
  pages,
  throughput,
  coldStart: coldStarts,
  bundle,
  checks,
};
const outDir = path.resolve(import.meta.dirname, "results");
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, "latest.json"), JSON.stringify(result, null, 2) + "\n");
printReport(result, log);
log(`\nWrote ${path.relative(process.cwd(), path.join(outDir, "latest.json"))}`);
// missed targets are figures to read; an error answer is a bug
process.exit(checks.some((c) => c.error) ? 1 : 0);

async function measureThroughput(backend: Backend, oneX: ScaleDb): Promise<ThroughputFigures> {
  const { seconds, connections, rounds } = options.load;
  const typename = JSON.stringify({ query: "{ __typename }" });
  const figures: ThroughputFigures = { backend, runs: {} };
  const emails = [...new Set(pageQueries.map((p) => p.email))];
  const bareServer = await startServer({ BENCH_SERVER: "bare" });
  const app = await startServer({
    BENCH_SERVER: "app",
    ...(oneX.url ? { BENCH_DB_URL: oneX.url } : { BENCH_SEED_SCALE: "1" }),
    BENCH_SESSIONS: emails.join(","),
  });
  try {
    const bare: Target = { url: bareServer.url, body: typename, headers: requestHeaders() };
    const targets: [string, Target][] = [
      ["stack { __typename }", { url: app.url, body: typename, headers: requestHeaders() }],
      ["stack { __typename } signed in", { url: app.url, body: typename, headers: requestHeaders(app.cookies[emails[0]!]) }],
      ...pageQueries.map((page): [string, Target] => [page.name, { url: app.url, body: prepareRequest(page.document, app.variables[page.name]!).body, headers: requestHeaders(app.cookies[page.email]) }]),
    ];
    // JIT warm-up of both servers on every request kind, not recorded
    await load(bare.url, bare.body, bare.headers, 1, connections);
    for (const [, t] of targets) await load(t.url, t.body, t.headers, 1, connections);
    for (const [name, t] of targets) {
      // the stack's target (0.85) is close to 1: more rounds there, so one noisy run cannot decide it
      const c = await compareWithBare(bare, t, name === "stack { __typename }" ? rounds + 2 : rounds, seconds, connections);
      figures.runs[name] = c;
      log(
        `  ${name.padEnd(32)} ${c.requestsPerSec.toFixed(0).padStart(6)} req/s vs bare ${c.bareRequestsPerSec.toFixed(0).padStart(6)}: ${c.ratio.toFixed(3)} (rounds ${c.ratios.map((r) => r.toFixed(3)).join(", ")})  p50 ${c.p50Ms} ms  p99 ${c.p99Ms} ms${c.non2xx || c.errors ? `  non-2xx ${c.non2xx}, errors ${c.errors}` : ""}`,
      );
    }
  } finally {
    await app.stop();
    await bareServer.stop();
  }
  return figures;
}

function ms(x: number): string {
  return x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`;
}

function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
