import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/**
 * Backups of either database, as files an operator can copy elsewhere:
 * - PostgreSQL: `pg_dump --format=custom` (compressed, every schema incl. the job queue), restored with `pg_restore`
 *   in one transaction: a restore applies entirely or not at all.
 * - PGlite (embedded): its data directory as a gzip tarball (`dumpDataDir`), restored into an empty data directory.
 * A backup is written to a temporary name and renamed when complete, so a file with the final name is whole.
 */

const exec = promisify(execFile);

export type BackupResult = { file: string; bytes: number; ms: number };
export type BackupKind = "postgres" | "pglite";

/** Refusals the command explains to the operator (exit code 1 with the message, no stack trace). */
export class BackupError extends Error {}

/** What kind of backup a file holds, from its first bytes. */
export async function backupKindOf(file: string): Promise<BackupKind | null> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    if (head.toString("latin1") === "PGDMP") return "postgres";
    if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
    return null;
  } finally {
    await handle.close();
  }
}

export function defaultBackupFile(kind: BackupKind, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*/, "Z"); // 20260110T031500Z
  return path.resolve(`citypeer-${stamp}${kind === "postgres" ? ".dump" : ".tar.gz"}`);
}

async function writeWhole(file: string, write: (tmp: string) => Promise<void>): Promise<number> {
  const tmp = `${file}.partial-${process.pid}`;
  try {
    await write(tmp);
    await rename(tmp, file);
  } finally {
    await rm(tmp, { force: true });
  }
  return (await stat(file)).size;
}

async function refuseToOverwrite(file: string) {
  if (existsSync(file)) throw new BackupError(`${file} already exists; choose another file name`);
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------------------------

/** Prisma-only URL parameters that libpq (pg_dump, pg_restore) refuses. */
const NOT_LIBPQ = ["schema", "connection_limit", "pool_timeout", "pgbouncer", "socket_timeout", "statement_cache_size"];

/**
 * The URL for pg_dump/pg_restore without its password (which goes in PGPASSWORD, so it never shows in `ps`),
 * and the environment to run them with.
 */
function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  for (const name of NOT_LIBPQ) u.searchParams.delete(name);
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  try {
    return await exec(command, args, { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { code?: string; stderr?: string; message: string };
    if (e.code === "ENOENT") throw new BackupError(`${command} is not installed: install the PostgreSQL client tools (same major version as the server, or newer)`);
    throw new BackupError(`${command} failed: ${(e.stderr ?? e.message).trim()}`);
  }
}

export async function backupPostgres(url: string, file: string): Promise<BackupResult> {
  await refuseToOverwrite(file);
  const started = Date.now();
  const { dbname, env } = libpqTarget(url);
  const bytes = await writeWhole(file, async (tmp) => {
    await run("pg_dump", ["--format=custom", "--compress=6", `--file=${tmp}`, `--dbname=${dbname}`], env);
  });
  return { file, bytes, ms: Date.now() - started };
}

/** Tables in the database outside PostgreSQL's own schemas: more than none means it is in use. */
export async function postgresTableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    );
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

/**
 * Restores a pg_dump file into the database of `url`, which must be empty (create it first) unless `force`:
 * then what the backup holds is dropped and recreated; tables the backup does not know stay.
 */
export async function restorePostgres(url: string, file: string, options: { force?: boolean } = {}): Promise<BackupResult> {
  const kind = await backupKindOf(file);
  if (kind !== "postgres") {
    throw new BackupError(
      kind === "pglite"
        ? `${file} is a backup of the embedded database; restore it without DATABASE_URL`
        : `${file} is not a pg_dump custom-format backup`,
    );
  }
  const tables = await postgresTableCount(url);
  if (tables > 0 && !options.force) {
    throw new BackupError(
      `The target database is not empty (${tables} tables). Restore into a new database (createdb, then point DATABASE_URL at it), ` +
        "or pass --force to replace what the backup contains",
    );
  }
  const started = Date.now();
  const { dbname, env } = libpqTarget(url);
  const args = ["--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", `--dbname=${dbname}`];
  if (tables > 0) args.push("--clean", "--if-exists");
  await run("pg_restore", [...args, file], env);
  return { file, bytes: (await stat(file)).size, ms: Date.now() - started };
}

// ---------------------------------------------------------------------------------------------
// PGlite (embedded)
// ---------------------------------------------------------------------------------------------

/** PGlite keeps postmaster.pid while a process has the data directory open. */
function isOpen(dataDir: string) {
  return existsSync(path.join(dataDir, "postmaster.pid"));
}

/**
 * The embedded database's data directory as a gzip tarball. The server must be stopped: PGlite serves one process,
 * and a copy taken under a running server would not be consistent. `force` ignores a postmaster.pid left by a crash.
 */
export async function backupEmbedded(dataDir: string, file: string, options: { force?: boolean } = {}): Promise<BackupResult> {
  await refuseToOverwrite(file);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) throw new BackupError(`There is no embedded database at ${dataDir} (set CITYPEER_DATA_DIR, or DATABASE_URL for PostgreSQL)`);
  if (isOpen(dataDir) && !options.force) {
    throw new BackupError(
      `The embedded database at ${dataDir} is open: stop citypeer first (the embedded database serves one process). ` +
        "If no process uses it (it crashed), pass --force",
    );
  }
  const started = Date.now();
  const db = new PGlite(dataDir);
  try {
    await db.waitReady;
    const dump = await db.dumpDataDir("gzip");
    const bytes = await writeWhole(file, async (tmp) => writeFile(tmp, Buffer.from(await dump.arrayBuffer())));
    return { file, bytes, ms: Date.now() - started };
  } finally {
    await db.close();
  }
}

/**
 * Unpacks a backup into `dataDir`, which must be missing or empty; with `force` an existing data directory is
 * moved aside (to `<dataDir>.before-restore-<time>`, never deleted) first.
 */
export async function restoreEmbedded(dataDir: string, file: string, options: { force?: boolean } = {}): Promise<BackupResult & { movedAside?: string }> {
  const kind = await backupKindOf(file);
  if (kind !== "pglite") {
    throw new BackupError(
      kind === "postgres" ? `${file} is a PostgreSQL backup; set DATABASE_URL to the database to restore it into` : `${file} is not a backup of the embedded database`,
    );
  }
  let movedAside: string | undefined;
  if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
    if (!options.force) {
      throw new BackupError(`${dataDir} already holds a database. Restore into an empty CITYPEER_DATA_DIR, or pass --force to move the current one aside`);
    }
    if (isOpen(dataDir)) throw new BackupError(`The embedded database at ${dataDir} is open: stop citypeer first`);
    movedAside = `${dataDir}.before-restore-${Date.now()}`;
    await rename(dataDir, movedAside);
  }
  const started = Date.now();
  await mkdir(path.dirname(dataDir), { recursive: true });
  const db = new PGlite(dataDir, { loadDataDir: new Blob([await readFile(file)]) });
  try {
    await db.waitReady;
    await db.query("SELECT count(*) FROM pg_class"); // it opens and answers
  } finally {
    await db.close();
  }
  return { file, bytes: (await stat(file)).size, ms: Date.now() - started, ...(movedAside ? { movedAside } : {}) };
}
