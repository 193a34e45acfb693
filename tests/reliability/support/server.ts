import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const serverEntry = path.join(root, "apps/api/src/server.ts");

export interface ServerProcess {
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything the process wrote so far. */
  output(): string;
  /** Whether the process is still running. */
  isRunning(): boolean;
  stop(): Promise<void>;
}

/**
 * A real API process (`tsx apps/api/src/server.ts`, as `pnpm start` runs it without the web build) against
 * DATABASE_URL, answering on `port` once /healthz says so.
 */
export async function startServer(options: { port: number; databaseUrl: string; env?: Record<string, string>; readyTimeoutMs?: number }): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "citypeer-rel-"));
  const child = spawn(process.execPath, [tsxCli, serverEntry], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl,
      CITYPEER_DATA_DIR: dataDir,
      CITYPEER_SECRET: "reliability-test-secret-reliability-test-secret",
      // production otherwise, but these tests send their own GraphQL documents, as an API client would
      GRAPHQL_ARBITRARY_OPERATIONS: "1",
      TEST_DATABASE_URL: "",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.on("exit", (code, signal) => {
      exitCode = code ?? (signal ? -1 : 0);
      output += `\n[exited: ${signal ?? code}]\n`;
      resolve();
    }),
  );
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));

  const url = `http://127.0.0.1:${options.port}`;
  const server: ServerProcess = {
    url,
    port: options.port,
    process: child,
    output: () => output,
    isRunning: () => exitCode === undefined,
    async stop() {
      if (exitCode === undefined) {
        child.kill("SIGTERM");
        const killed = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(killed);
      }
      rmSync(dataDir, { recursive: true, force: true });
      // RELIABILITY_LOG_DIR keeps what each process wrote, to read after a failure
      const logDir = process.env.RELIABILITY_LOG_DIR;
      if (logDir) {
        mkdirSync(logDir, { recursive: true });
        writeFileSync(path.join(logDir, `api-${options.port}-${Date.now()}.log`), output);
      }
    },
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`The API process on port ${options.port} exited before it was ready:\n${output}`);
    const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) }).catch(() => null);
    if (health?.status === 200) return server;
    await new Promise((r) => setTimeout(r, 250));
  }
  await server.stop();
  throw new Error(`The API process on port ${options.port} was not ready in time:\n${output}`);
}
