import type { Db } from "@citypeer/db";

/** Counts the SQL statements Prisma sends while `run` executes (the N+1 guard). */
export async function countStatements<T>(db: Db, run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const stop = db.onQuery((e) => statements.push(e.query));
  try {
    const result = await run();
    return { result, statements };
  } finally {
    stop();
  }
}
