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
  const pool = {
    connectionString: url,
    max: poolSize,
    // a server that does not answer (network gone, not refused) fails the request after 10 s instead of hanging it
    connectionTimeoutMillis: 10_000,
    // and a connection whose peer vanished is noticed by TCP keepalive rather than on the next query
    keepAlive: true,
  };
  return withScriptRunner(new PrismaPg(pool), (adapter, script) => adapter.client.query(script));
}

/** A PostgreSQL array literal ('{"A","B"}'): the text form every array type accepts. */
export function arrayLiteral(values: unknown): string {
  if (!Array.isArray(values)) return String(values);
  const item = (v: unknown) => (v === null || v === undefined ? "NULL" : `"${String(v).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`);
  return `{${values.map(item).join(",")}}`;
}

/**
 * PGlite serialises a parameter of a type it has no serialiser for with toString(), so an enum array
 * (["ADMIN"]) arrives as "ADMIN" and filters like `roles: { has: "ADMIN" }` fail. Registering the
 * array-literal form for every enum array type of the schema fixes that; call it after migrations.
 */
export async function registerEnumArraySerializers(pglite: PGlite): Promise<void> {
  const { rows } = await pglite.query<{ typarray: number }>("SELECT typarray FROM pg_type WHERE typtype = 'e' AND typarray <> 0");
  const serializers = (pglite as unknown as { serializers: Record<number, (v: unknown) => string> }).serializers;
  for (const { typarray } of rows) serializers[typarray] = arrayLiteral;
}
