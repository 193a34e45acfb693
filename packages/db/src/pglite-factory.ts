import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * pglite-prisma-adapter@0.7.2 does not await PGlite.exec() in executeScript, so a broken migration
 * would be recorded as applied and its error would surface as an unhandled rejection. This wrapper
 * awaits the script and reports the failure to the schema engine.
 */
export function pgliteAdapterFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPGlite(pglite);
  const awaitScripts = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const raw = adapter as SqlDriverAdapter & { client: PGlite; onError(e: unknown): never };
    raw.executeScript = async (script: string) => {
      try {
        await raw.client.exec(script);
      } catch (error) {
        raw.onError(error);
      }
    };
    return raw;
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => awaitScripts(await inner.connect()),
    connectToShadowDb: async () => awaitScripts(await inner.connectToShadowDb()),
  };
}
