import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

type ScriptRunner = (adapter: SqlDriverAdapter & { client: any; onError(e: unknown): never }, script: string) => Promise<void>;

/** Replaces each connection's executeScript (used by migrations) with one that runs the script whole. */
function withScriptRunner(inner: SqlMigrationAwareDriverAdapterFactory, run: ScriptRunner): SqlMigrationAwareDriverAdapterFactory {
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const raw = adapter as Parameters<ScriptRunner>[0];
    raw.executeScript = async (script: string) => {
      try {
        await run(raw, script);
      } catch (error) {
        raw.onError(error);
      }
    };
    return raw;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => wrap(await inner.connect()),
    connectToShadowDb: async () => wrap(await inner.connectToShadowDb()),
  };
}

/**
 * pglite-prisma-adapter@0.7.2 does not await PGlite.exec() in executeScript, so a broken migration
 * would be recorded as applied and its error would surface as an unhandled rejection.
 */
export function pgliteAdapterFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return withScriptRunner(new PrismaPGlite(pglite), (adapter, script) => adapter.client.exec(script));
}

/**
 * @prisma/adapter-pg@7.10 splits scripts on every ";", which breaks function bodies and string
 * literals. Sent whole through the simple-query protocol, PostgreSQL also runs the migration
 * as one implicit transaction: it applies entirely or not at all.
 */
export function pgAdapterFactory(url: string, poolSize: number): SqlMigrationAwareDriverAdapterFactory {
  return withScriptRunner(new PrismaPg({ connectionString: url, max: poolSize }), (adapter, script) => adapter.client.query(script));
}
