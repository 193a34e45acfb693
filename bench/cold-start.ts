/**
 * Cold start: `tsx apps/api/src/server.ts` (what `pnpm start` runs after building the web app) on an empty
 * database, timed from spawn to the first successful /graphql answer. That includes loading the code,
 * migrating, seeding the demo and starting the job runner. The request is the web app's first one (`Me`,
 * anonymous), by hash as production takes it.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DocumentNode } from "graphql";
import { MeQuery } from "../apps/web/src/features/identity/operations.ts";
import { prepareRequest, requestHeaders } from "./requests.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ColdStartFigures {
  /** Spawn to the first /graphql answer with data. */
  firstAnswerMs: number;
  /** What the server itself logs as "ready in" (after migrate and seed, before listening). */
  serverReadyMs: number | null;
}

/** `databaseUrl` empty: the embedded database in a fresh data directory. */
export async function coldStart(databaseUrl: string | undefined, timeoutMs = 300_000): Promise<ColdStartFigures> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "citypeer-bench-cold-"));
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), CITYPEER_DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "apps/api/src/server.ts")], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  try {
    const url = `http://127.0.0.1:${port}/graphql`;
    const { body } = prepareRequest(MeQuery as DocumentNode, {});
    for (;;) {
      if (performance.now() - started > timeoutMs) throw new Error(`no answer in ${timeoutMs} ms\n${output.slice(-2000)}`);
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})\n${output.slice(-2000)}`);
      try {
        const response = await fetch(url, { method: "POST", headers: requestHeaders(), body });
        const text = await response.text();
        if (response.ok && text.startsWith('{"data"')) break;
        if (response.status < 500) throw new Error(`unexpected answer ${response.status}: ${text.slice(0, 300)}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith("unexpected answer")) throw error;
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    const firstAnswerMs = performance.now() - started;
    const ready = /ready in (\d+) ms/.exec(output);
    return { firstAnswerMs, serverReadyMs: ready ? Number(ready[1]) : null };
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
