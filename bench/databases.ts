import pg from "pg";
import { createDb, type Db } from "@citypeer/db";
import { verifyAuditChain } from "@citypeer/api/modules/audit/service";
import { seed } from "../prisma/seed/index.ts";
import { generate, type GeneratedCounts } from "./data.ts";

export type Backend = "postgres" | "pglite";

/** The PostgreSQL server the bench creates its databases on (BENCH_DATABASE_URL, else DATABASE_URL). */
export function serverUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:5432/postgres";
}

/** The URL of database `name` on the bench's server. */
export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  // connect to the maintenance database: the one in the URL may be about to be dropped
  const client = new pg.Client({ connectionString: databaseUrl("postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function postgresReachable(): Promise<boolean> {
  try {
    await admin("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

/** A new, empty database (an old one of the same name goes first). */
export async function recreateDatabase(name: string): Promise<string> {
  await dropDatabase(name);
  await admin(`CREATE DATABASE "${name}"`);
  return databaseUrl(name);
}

export async function dropDatabase(name: string): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

export interface ScaleDb {
  backend: Backend;
  scale: number;
  db: Db;
  /** PostgreSQL: the database's URL, for servers in child processes. */
  url?: string;
  migrateMs: number;
  seedMs: number;
  generateMs: number;
  rows: GeneratedCounts;
}

export const benchDatabaseName = (scale: number) => `bench_${scale}x`;

/** A fresh database at `scale`: migrated, seeded with the demo, then grown by the generator; each step timed. */
export async function buildScale(backend: Backend, scale: number, now: Date): Promise<ScaleDb> {
  const url = backend === "postgres" ? await recreateDatabase(benchDatabaseName(scale)) : undefined;
  const db = await createDb(url ? { url, migrate: false } : { url: "", dataDir: "memory", migrate: false });
  let started = performance.now();
  await db.migrate();
  const migrateMs = performance.now() - started;
  started = performance.now();
  await seed(db.prisma, now);
  const seedMs = performance.now() - started;
  started = performance.now();
  const rows = await generate(db.prisma, scale, now);
  const generateMs = performance.now() - started;
  // the generator writes audit rows itself: they must chain like recordAudit's, or the data is not realistic
  const chain = await verifyAuditChain(db.prisma);
  if (!chain.ok) throw new Error(`generated audit chain breaks at seq ${chain.firstBrokenSeq}`);
  // planner statistics as autovacuum would have them after a bulk load
  await db.prisma.$executeRawUnsafe("ANALYZE");
  return { backend, scale, db, url, migrateMs, seedMs, generateMs, rows };
}
