import type { Client } from "@citypeer/db";

/**
 * "Nothing was written", checked across the whole database: a digest of every table's rows (sessions by
 * count only: reading one may refresh its last-seen time) and the audit trail's last hash.
 */
export function databaseFingerprint(prisma: Client) {
  let tables: string[] | null = null;
  let known: { mark: string; fingerprint: string } | null = null;

  async function fingerprint(): Promise<string> {
    tables ??= (
      await prisma.$queryRawUnsafe<{ tablename: string }[]>(
        `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE '\\_prisma%' ORDER BY tablename`,
      )
    ).map((r) => r.tablename);
    const parts = tables.map((t) =>
      t === "Session"
        ? `(SELECT count(*)::text FROM "Session")`
        : `(SELECT count(*)::text || ':' || coalesce(md5(string_agg(md5(x::text), ',' ORDER BY md5(x::text))), '') FROM "${t}" x)`,
    );
    const [row] = await prisma.$queryRawUnsafe<{ f: string }[]>(
      `SELECT concat_ws('|', ${parts.join(", ")}, (SELECT "hash" FROM "AuditEntry" ORDER BY "seq" DESC LIMIT 1)) AS f`,
    );
    return row!.f;
  }

  /**
   * The next transaction id PostgreSQL will hand out. Any write (even one rolled back, or a row lock) takes
   * one, so an unchanged mark proves nothing was written and saves the full digest.
   */
  async function writeMark(): Promise<string> {
    const [row] = await prisma.$queryRawUnsafe<{ x: string }[]>("SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x");
    return row!.x;
  }

  /** The database's state now, digested again only when something was written since the last look. */
  return async function state(): Promise<string> {
    const mark = await writeMark();
    if (known?.mark !== mark) known = { mark, fingerprint: await fingerprint() };
    return known.fingerprint;
  };
}
