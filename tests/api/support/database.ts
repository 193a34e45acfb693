import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type Db } from "@citypeer/db";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the PostgreSQL server in TEST_DATABASE_URL (dropped again on close),
 * so test files can run in parallel on either.
 */
export async function freshDatabase(): Promise<Db> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return createDb({ dataDir: "memory", url: "" });

  const name = `citypeer_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await createDb({ url: url.toString() });
  const close = db.close;
  db.close = async () => {
    await close();
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };
  return db;
}

/** One statement on the PostgreSQL server itself (creating and dropping databases). */
export async function adminQuery(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
