/**
 * pnpm db:migrate     apply pending migrations (DATABASE_URL, else the embedded database)
 * pnpm db:migration   write a new migration from the schema change
 * pnpm db:check       fail when the schema changed without a migration
 */
import { createDb } from "../index.ts";
import { createMigration, pendingSchemaChange } from "../migrations.ts";

const [command, name] = process.argv.slice(2);

async function main(): Promise<number> {
  switch (command) {
    case "deploy": {
      const db = await createDb({ migrate: false });
      try {
        const applied = await db.migrate();
        console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "No pending migrations.");
      } finally {
        await db.close();
      }
      return 0;
    }
    case "create": {
      if (!name) {
        console.error("Usage: pnpm db:migration <name>");
        return 2;
      }
      const dir = await createMigration(name);
      console.log(dir ? `Wrote ${dir}/migration.sql` : "The schema matches the migrations; nothing to write.");
      return 0;
    }
    case "check": {
      const sql = await pendingSchemaChange();
      if (!sql) {
        console.log("Migrations match the schema.");
        return 0;
      }
      const lines = sql.split("\n");
      console.error("The schema changed without a migration. Run `pnpm db:migration <name>`. Pending SQL:");
      console.error(lines.slice(0, 60).join("\n") + (lines.length > 60 ? `\n... (${lines.length - 60} more lines)` : ""));
      return 1;
    }
    default:
      console.error("Usage: migrate.ts deploy | create <name> | check");
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
