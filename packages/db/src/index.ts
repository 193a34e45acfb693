import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient, Prisma } from "./generated/prisma/client.ts";
import { applyMigrations } from "./migrations.ts";
import { pgAdapterFactory, pgliteAdapterFactory, registerEnumArraySerializers } from "./adapters.ts";

export type Client = PrismaClient;
/** What service functions receive inside `$transaction`: never the root client (it deadlocks on PGlite). */
export type Tx = Prisma.TransactionClient;
export { Prisma };

export type QueryEvent = { query: string; durationMs: number };

export interface Db {
  prisma: Client;
  kind: "pglite" | "postgres";
  /** The embedded database, when that is what runs (pg-boss shares it). */
  pglite?: PGlite;
  /** The PostgreSQL connection string, when that is what runs. */
  url?: string;
  /** Applies pending migrations (from prisma/migrations unless another folder is given). */
  migrate(migrationsDir?: string): Promise<string[]>;
  /** Subscribes to every SQL statement Prisma sends; returns the unsubscribe function. */
  onQuery(listener: (event: QueryEvent) => void): () => void;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** PostgreSQL connection string; defaults to DATABASE_URL. When absent the embedded database runs. */
  url?: string;
  /** PGlite data directory; "memory" for a throwaway database. Defaults to CITYPEER_DATA_DIR/db. */
  dataDir?: string;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** PostgreSQL connections in the pool; defaults to DATABASE_POOL_SIZE, else 10. */
  poolSize?: number;
}

export function defaultDataDir(): string {
  return path.resolve(process.env.CITYPEER_DATA_DIR ?? "./.data");
}

export async function createDb(options: CreateDbOptions = {}): Promise<Db> {
  const url = options.url ?? process.env.DATABASE_URL;
  let factory: SqlMigrationAwareDriverAdapterFactory;
  let pglite: PGlite | undefined;
  if (url) {
    factory = pgAdapterFactory(url, options.poolSize ?? Number(process.env.DATABASE_POOL_SIZE ?? 10));
  } else {
    const dataDir = options.dataDir ?? path.join(defaultDataDir(), "db");
    if (dataDir === "memory") pglite = new PGlite();
    else {
      mkdirSync(path.dirname(dataDir), { recursive: true });
      pglite = new PGlite(dataDir);
    }
    await pglite.waitReady;
    factory = pgliteAdapterFactory(pglite);
  }

  const base = new PrismaClient({
    adapter: factory,
    log: [{ emit: "event", level: "query" }],
    // Prisma's defaults (2 s to start, 5 s to finish) fail requests that merely queue behind others on a busy
    // grant or a full pool; within these limits they wait their turn, beyond them the client gets a 503 to retry.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  const listeners = new Set<(event: QueryEvent) => void>();
  base.$on("query", (e: Prisma.QueryEvent) => {
    for (const listener of listeners) listener({ query: e.query, durationMs: e.duration });
  });
  const prisma = withoutEmptySelects(base);

  const db: Db = {
    prisma,
    kind: url ? "postgres" : "pglite",
    pglite,
    url,
    async migrate(migrationsDir) {
      const applied = await applyMigrations(factory, migrationsDir);
      if (pglite) await registerEnumArraySerializers(pglite);
      return applied;
    },
    onQuery(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await prisma.$disconnect();
      if (pglite && !pglite.closed) await pglite.close();
    },
  };
  if (options.migrate !== false) await db.migrate();
  else if (pglite) await registerEnumArraySerializers(pglite);
  return db;
}

/**
 * Pothos asks for `{ select: {} }` when a mutation's caller selects only `__typename` of the result,
 * and Prisma 7 refuses an empty select. Dropping it (all scalars load) is what the caller meant.
 * The extension changes arguments only, so the client keeps its own type.
 */
function withoutEmptySelects(client: PrismaClient): PrismaClient {
  return client.$extends({
    query: {
      $allModels: {
        $allOperations({ args, query }) {
          const a = args as { select?: object } | undefined;
          if (a?.select && Object.keys(a.select).length === 0) delete a.select;
          return query(args);
        },
      },
    },
  }) as unknown as PrismaClient;
}
