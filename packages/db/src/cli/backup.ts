/**
 * pnpm db:backup [file]             back up DATABASE_URL (pg_dump), else the embedded database (a tarball of CITYPEER_DATA_DIR/db)
 * pnpm db:restore <file> [--force]  restore into DATABASE_URL (an empty database), else into CITYPEER_DATA_DIR/db (empty)
 */
import path from "node:path";
import { defaultDataDir } from "../index.ts";
import { BackupError, backupEmbedded, backupPostgres, defaultBackupFile, restoreEmbedded, restorePostgres, type BackupResult } from "../backup.ts";

const [command, ...rest] = process.argv.slice(2);
const force = rest.includes("--force");
const [file] = rest.filter((a) => a !== "--force");
const url = process.env.DATABASE_URL;
const dataDir = path.join(defaultDataDir(), "db");

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`);
const where = url ? `PostgreSQL (${new URL(url).host}${new URL(url).pathname})` : `the embedded database in ${dataDir}`;
const report = (verb: string, r: BackupResult) => console.log(`${verb} ${where} ${verb === "Backed up" ? "to" : "from"} ${r.file}: ${size(r.bytes)} in ${(r.ms / 1000).toFixed(1)} s`);

async function main(): Promise<number> {
  switch (command) {
    case "backup": {
      const target = path.resolve(file ?? defaultBackupFile(url ? "postgres" : "pglite"));
      report("Backed up", url ? await backupPostgres(url, target) : await backupEmbedded(dataDir, target, { force }));
      return 0;
    }
    case "restore": {
      if (!file) {
        console.error("Usage: pnpm db:restore <file> [--force]");
        return 2;
      }
      const source = path.resolve(file);
      if (url) report("Restored", await restorePostgres(url, source, { force }));
      else {
        const r = await restoreEmbedded(dataDir, source, { force });
        if (r.movedAside) console.log(`The database that was there is kept in ${r.movedAside}`);
        report("Restored", r);
      }
      console.log("Start citypeer as usual: migrations newer than the backup are applied at start (or run pnpm db:migrate).");
      return 0;
    }
    default:
      console.error("Usage: backup.ts backup [file] | restore <file> [--force]");
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof BackupError ? error.message : error);
    process.exit(1);
  },
);
