/**
 * Web bundle sizes: a production build into a temporary folder (apps/web/dist is left alone: a running
 * server may be serving it), gzip-measured. Entry = the script index.html loads plus its modulepreloads,
 * i.e. what the browser fetches before the first page renders.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";

const ROOT = path.resolve(import.meta.dirname, "..");

export interface BundleFigures {
  buildMs: number;
  entryFiles: string[];
  entryJsBytes: number;
  entryJsGzipBytes: number;
  totalJsBytes: number;
  totalJsGzipBytes: number;
  totalCssGzipBytes: number;
  jsFiles: number;
}

const gz = (buffer: Buffer) => gzipSync(buffer, { level: 9 }).length;

export async function measureBundle(): Promise<BundleFigures> {
  const outDir = mkdtempSync(path.join(tmpdir(), "citypeer-bench-web-"));
  try {
    const started = performance.now();
    await promisify(execFile)("pnpm", ["--filter", "@citypeer/web", "exec", "vite", "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"], {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, NODE_ENV: "production" },
    });
    const buildMs = performance.now() - started;
    const html = readFileSync(path.join(outDir, "index.html"), "utf8");
    const entryFiles = [
      ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!),
      ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!),
    ];
    const read = (file: string) => readFileSync(path.join(outDir, file.replace(/^\//, "")));
    const entry = entryFiles.map(read);
    const assets = readdirSync(path.join(outDir, "assets"));
    const js = assets.filter((f) => f.endsWith(".js")).map((f) => read(`assets/${f}`));
    const css = assets.filter((f) => f.endsWith(".css")).map((f) => read(`assets/${f}`));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    return {
      buildMs,
      entryFiles,
      entryJsBytes: sum(entry.map((b) => b.length)),
      entryJsGzipBytes: sum(entry.map(gz)),
      totalJsBytes: sum(js.map((b) => b.length)),
      totalJsGzipBytes: sum(js.map(gz)),
      totalCssGzipBytes: sum(css.map(gz)),
      jsFiles: js.length,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
