import pg from "pg";
import type { Db } from "./index.ts";

/** Any fixed number; only citypeer's start-up takes this advisory lock. */
const STARTUP_LOCK = 7_213_004_281;

/**
 * Runs `fn` (migrate, seed an empty database) while holding a PostgreSQL advisory lock, so API replicas
 * started together do it one after another: the second finds the migrations applied and the data there.
 * The lock sits on its own connection because a session lock must stay on one connection, which
 * a pool does not promise. The embedded database serves one process, so there it simply runs `fn`.
 */
export async function whileStarting<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  if (!db.url) return fn();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [STARTUP_LOCK]);
    return await fn();
  } finally {
    // ending the connection releases the lock even if the unlock fails
    await client.query("SELECT pg_advisory_unlock($1)", [STARTUP_LOCK]).catch(() => undefined);
    await client.end();
  }
}
