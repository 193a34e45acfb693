import pg from "pg";

/** The reliability suite needs a PostgreSQL server: say so plainly instead of failing 20 tests. */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      "pnpm test:reliability needs PostgreSQL: set TEST_DATABASE_URL, e.g.\n" +
        "  TEST_DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:5432/test pnpm test:reliability\n" +
        "(each test file creates and drops its own database on that server; see STACK.md section 8 to start one)",
    );
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new Error(`pnpm test:reliability cannot reach TEST_DATABASE_URL (${redact(url)}): ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
