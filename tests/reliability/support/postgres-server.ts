import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { serverUrl } from "./database.ts";

/**
 * Stops and starts the PostgreSQL server behind TEST_DATABASE_URL: the Debian cluster (`pg_ctlcluster`,
 * as root), or whatever RELIABILITY_PG_STOP / RELIABILITY_PG_START say (e.g. `docker stop pg`).
 * Everyone using that server notices: the suite runs its files one at a time for this reason.
 */
const CLUSTER = (process.env.RELIABILITY_PG_CLUSTER ?? "15 main").split(" ");

const exec = promisify(execFile);

/** Asynchronous, so the load and the health probe keep running while the server goes down. */
async function run(custom: string | undefined, action: "stop" | "start") {
  if (custom) await exec("sh", ["-c", custom], { timeout: 60_000 });
  // -m fast: end every session now, as a crash or a failover would
  else await exec("pg_ctlcluster", [...CLUSTER, action, ...(action === "stop" ? ["-m", "fast"] : [])], { timeout: 60_000 });
}

export const stopPostgres = () => run(process.env.RELIABILITY_PG_STOP, "stop");
export const startPostgres = () => run(process.env.RELIABILITY_PG_START, "start");

/** Whether `pg_ctlcluster` (or the custom commands) can restart the server from here. */
export function canRestartPostgres(): boolean {
  if (process.env.RELIABILITY_PG_STOP && process.env.RELIABILITY_PG_START) return true;
  try {
    execFileSync("pg_ctlcluster", [...CLUSTER, "status"], { stdio: "pipe" });
    return process.getuid?.() === 0;
  } catch {
    return false;
  }
}

/** Resolves once the server accepts a query again; the time it took in ms. */
export async function waitForPostgres(timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const client = new pg.Client({ connectionString: serverUrl(), connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return Date.now() - started;
    } catch {
      if (Date.now() - started > timeoutMs) throw new Error(`PostgreSQL did not come back within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

/** Starts the server if it is down (used in `finally`: a failed test must not leave PostgreSQL stopped). */
export async function ensurePostgresRunning(): Promise<void> {
  await startPostgres().catch(() => {}); // "already running" is fine
  await waitForPostgres();
}
