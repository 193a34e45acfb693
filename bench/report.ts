/** Targets from issue #10, checked against the figures, and the printed table. */
import type { BundleFigures } from "./bundle.ts";
import type { PageFigures } from "./latency.ts";
import type { Comparison } from "./throughput.ts";

export const TARGETS = {
  p95Ratio10x: 1.5,
  dashboardVsBare: 0.2,
  stackVsBare: 0.85,
  entryJsGzipBytes: 170_000,
};

export interface Check {
  figure: string;
  backend: string;
  value: string;
  target: string;
  /** "info": a figure without a target. */
  result: "pass" | "miss" | "info";
  /** The app answered with errors: not a slow figure but a bug (pnpm bench exits 1). */
  error?: boolean;
}

interface ThroughputInput {
  backend: string;
  runs: Record<string, Comparison>;
}

const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "-");
const passIf = (ok: boolean): Check["result"] => (ok ? "pass" : "miss");
const broken = (f: Comparison) => f.non2xx > 0 || f.errors > 0 || f.sample.includes('"errors"');

export function buildChecks({ pages, throughput, bundle }: { pages: PageFigures[]; throughput: ThroughputInput[]; bundle?: BundleFigures }): Check[] {
  const checks: Check[] = [];
  const backends = [...new Set(pages.map((p) => p.backend))];
  for (const backend of backends) {
    const names = [...new Set(pages.filter((p) => p.backend === backend).map((p) => p.page))];
    for (const name of names) {
      const at = (scale: number) => pages.find((p) => p.backend === backend && p.page === name && p.scale === scale);
      const one = at(1)!;
      const ten = at(10);
      const hundred = at(100);
      const failed = [one, ten, hundred].find((p) => p?.error);
      if (failed) {
        checks.push({ figure: `${name}: answers without errors`, backend, value: `${failed.scale}x: ${failed.error}`, target: "no errors", result: "miss", error: true });
        continue;
      }
      const counts = [one, ten, hundred].filter((p): p is PageFigures => !!p).map((p) => `${p.scale}x ${p.statements}`);
      checks.push({ figure: `${name}: SQL statements flat in data size`, backend, value: counts.join(", "), target: "1x = 10x", result: ten ? passIf(ten.statements === one.statements) : "info" });
      checks.push({ figure: `${name}: statements <= nesting levels + 1`, backend, value: `${one.statements} (levels ${one.levels})`, target: `<= ${one.levels + 1}`, result: passIf(one.statements <= one.levels + 1) });
      if (ten) {
        const ratio = ten.p95Ms / one.p95Ms;
        checks.push({ figure: `${name}: p95 10x / 1x`, backend, value: `${fmt(ratio, 2)} (${fmt(one.p95Ms)} -> ${fmt(ten.p95Ms)} ms)`, target: `<= ${TARGETS.p95Ratio10x}`, result: passIf(ratio <= TARGETS.p95Ratio10x) });
      }
      if (hundred) {
        const ratio = hundred.p95Ms / one.p95Ms;
        checks.push({ figure: `${name}: p95 100x / 1x`, backend, value: `${fmt(ratio, 2)} (${fmt(hundred.p95Ms)} ms)`, target: "-", result: "info" });
      }
    }
  }

  for (const t of throughput) {
    for (const [name, f] of Object.entries(t.runs)) {
      const ratio = f.ratio;
      const value = `${fmt(ratio, 2)} (${fmt(f.requestsPerSec, 0)} / ${fmt(f.bareRequestsPerSec, 0)} req/s)${broken(f) ? " ANSWERED WITH ERRORS" : ""}`;
      if (broken(f)) {
        checks.push({ figure: `${name}: answers without errors under load`, backend: t.backend, value: `${f.non2xx} non-2xx, ${f.errors} errors: ${f.sample}`, target: "no errors", result: "miss", error: true });
      }
      if (name === "stack { __typename }") {
        checks.push({ figure: "production stack { __typename } / bare", backend: t.backend, value, target: `>= ${TARGETS.stackVsBare}`, result: passIf(ratio >= TARGETS.stackVsBare && !broken(f)) });
      } else if (name.startsWith("dashboard")) {
        checks.push({ figure: `${name} throughput / bare (1x)`, backend: t.backend, value, target: `>= ${TARGETS.dashboardVsBare}`, result: passIf(ratio >= TARGETS.dashboardVsBare && !broken(f)) });
      } else {
        checks.push({ figure: `${name} throughput / bare (1x)`, backend: t.backend, value, target: "-", result: broken(f) ? "miss" : "info" });
      }
    }
  }

  if (bundle) {
    checks.push({ figure: "web entry JS (gzip -9)", backend: "-", value: `${fmt(bundle.entryJsGzipBytes / 1000)} kB (${bundle.entryFiles.length} files)`, target: `<= ${TARGETS.entryJsGzipBytes / 1000} kB`, result: passIf(bundle.entryJsGzipBytes <= TARGETS.entryJsGzipBytes) });
    checks.push({ figure: "web total JS (gzip -9)", backend: "-", value: `${fmt(bundle.totalJsGzipBytes / 1000)} kB (${bundle.jsFiles} files)`, target: "-", result: "info" });
  }
  return checks;
}

interface ReportInput {
  machine: { cpus: number; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  data: { backend: string; scale: number; migrateMs: number; seedMs: number; generateMs: number }[];
  coldStart: Record<string, { firstAnswerMs: number; serverReadyMs: number | null }>;
  checks: Check[];
  notes: string[];
}

function table(rows: string[][], log: (line: string) => void) {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const [n, r] of rows.entries()) {
    log(r.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd());
    if (n === 0) log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}

export function printReport(result: ReportInput, log: (line: string) => void) {
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(" ");
  log(`\n${result.machine.cpus} CPUs; load average ${load(result.machine.loadAverageAtStart)} at the start, ${load(result.machine.loadAverageAtEnd)} at the end`);
  log("\n== Data and start-up");
  table(
    [
      ["figure", "backend", "value"],
      ...result.data.map((d) => [`data ${d.scale}x: migrate / seed / generate`, d.backend, `${fmt(d.migrateMs, 0)} / ${fmt(d.seedMs, 0)} / ${fmt(d.generateMs, 0)} ms`]),
      ...Object.entries(result.coldStart).map(([backend, c]) => ["cold start to first answer", backend, `${fmt(c.firstAnswerMs, 0)} ms (server ready ${c.serverReadyMs ?? "?"} ms)`]),
    ],
    log,
  );
  log("\n== Figures against targets");
  table([["figure", "backend", "value", "target", "result"], ...result.checks.map((c) => [c.figure, c.backend, c.value, c.target, c.result])], log);
  const missed = result.checks.filter((c) => c.result === "miss").length;
  const passed = result.checks.filter((c) => c.result === "pass").length;
  log(`\n${passed} passed, ${missed} missed`);
  if (result.checks.some((c) => c.error)) log("The app answered with errors (see above): exit code 1.");
  for (const note of result.notes) log(`note: ${note}`);
}
