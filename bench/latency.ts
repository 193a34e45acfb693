/**
 * Page queries in-process (yoga.fetch on the production stack, a signed-in cookie of the page's user):
 * SQL statements per request and latency percentiles. Samples alternate between the scales, so load from
 * elsewhere on the machine falls on every scale alike and the ratios stay fair.
 */
import { createBenchApp, cookieFor, prepareRequest, requestHeaders, BENCH_IP, type PreparedRequest } from "./requests.ts";
import { nestingLevels, type PageQuery } from "./queries.ts";
import type { ScaleDb } from "./databases.ts";

export interface PageFigures {
  page: string;
  backend: string;
  scale: number;
  levels: number;
  statements: number;
  sentAs: PreparedRequest["sentAs"];
  responseBytes: number;
  samples: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  meanMs: number;
  /** The first GraphQL error, when the page did not answer cleanly (its figures then mean little). */
  error?: string;
}

export interface LatencyOptions {
  warmup: number;
  samples: number;
  /** Stop sampling a page after this long (per page, all scales together), keeping at least 20 samples. */
  maxMsPerPage: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export async function measurePages(scales: ScaleDb[], pages: PageQuery[], options: LatencyOptions, log: (line: string) => void): Promise<PageFigures[]> {
  const results: PageFigures[] = [];
  const apps = scales.map((s) => ({ scale: s, yoga: createBenchApp(s.db).yoga, cookies: new Map<string, string>() }));

  for (const page of pages) {
    const targets = [];
    for (const app of apps) {
      const prisma = app.scale.db.prisma;
      const cookie = app.cookies.get(page.email) ?? (await cookieFor(prisma, page.email));
      app.cookies.set(page.email, cookie);
      const request = prepareRequest(page.document, await page.variables(prisma));
      const send = async () => {
        const response = await app.yoga.fetch("http://bench.local/graphql", { method: "POST", headers: requestHeaders(cookie), body: request.body }, { ip: BENCH_IP });
        return response.text();
      };
      targets.push({ app, request, send, times: [] as number[] });
    }

    for (const target of targets) {
      for (let i = 0; i < options.warmup; i++) await target.send();
      // one request alone, counting what it sends to the database
      const statements: string[] = [];
      const stop = target.app.scale.db.onQuery((e) => statements.push(e.query));
      // masked errors reach the client as "Unexpected error"; the cause is what the server logs
      const logged: string[] = [];
      const consoleError = console.error;
      console.error = (...args: unknown[]) => logged.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(" "));
      const text = await target.send().finally(() => (console.error = consoleError));
      stop();
      const body = JSON.parse(text) as { errors?: { message: string; extensions?: { code?: string } }[] };
      const cause = logged.find((l) => l.trim())?.replace(/\x1b\[[0-9;]*m/g, "").trim();
      const error = body.errors?.[0] ? `${body.errors[0].extensions?.code ?? ""} ${body.errors[0].message}${cause ? ` (server log: ${cause.slice(0, 160)})` : ""}`.trim() : undefined;
      results.push({
        page: page.name,
        backend: target.app.scale.backend,
        scale: target.app.scale.scale,
        levels: nestingLevels(page.document),
        statements: statements.length,
        sentAs: target.request.sentAs,
        responseBytes: Buffer.byteLength(text),
        samples: 0,
        p50Ms: NaN,
        p95Ms: NaN,
        p99Ms: NaN,
        meanMs: NaN,
        ...(error ? { error } : {}),
      });
    }

    const started = performance.now();
    for (let i = 0; i < options.samples; i++) {
      for (const target of targets) {
        const t0 = performance.now();
        await target.send();
        target.times.push(performance.now() - t0);
      }
      if (i >= 19 && performance.now() - started > options.maxMsPerPage) break;
    }
    for (const target of targets) {
      const row = results.find((r) => r.page === page.name && r.backend === target.app.scale.backend && r.scale === target.app.scale.scale)!;
      const sorted = [...target.times].sort((a, b) => a - b);
      Object.assign(row, {
        samples: sorted.length,
        p50Ms: percentile(sorted, 0.5),
        p95Ms: percentile(sorted, 0.95),
        p99Ms: percentile(sorted, 0.99),
        meanMs: sorted.reduce((a, b) => a + b, 0) / sorted.length,
      });
      log(
        `  ${page.name.padEnd(18)} ${String(row.scale).padStart(3)}x  ${String(row.statements).padStart(3)} statements (levels ${row.levels})  p50 ${row.p50Ms.toFixed(1)} ms  p95 ${row.p95Ms.toFixed(1)} ms  n=${row.samples}${row.error ? `  ERROR ${row.error}` : ""}`,
      );
    }
  }
  return results;
}
