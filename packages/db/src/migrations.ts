import { createHash } from "node:crypto";
import { readFile, readdir, mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { pgliteAdapterFactory } from "./adapters.ts";

/** The repository's prisma/ folder: schema files and the one migration history for PGlite and PostgreSQL. */
export const PRISMA_DIR = path.resolve(import.meta.dirname, "../../../prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");

const NO_FILTERS = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;

/**
 * The engine's own schema_engine.js uses an ESM wasm import that Node 20 rejects,
 * so we compile the .wasm ourselves and wire it to the generated bindings.
 */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const bindings = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasm = await WebAssembly.compile(await readFile(path.join(path.dirname(bindings), "schema_engine_bg.wasm")));
    const instance = await WebAssembly.instantiate(wasm, { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  })();
  return wasmReady;
}

async function schemaFiles(): Promise<{ path: string; content: string }[]> {
  const files = [path.join(PRISMA_DIR, "schema.prisma")];
  const modelsDir = path.join(PRISMA_DIR, "models");
  for (const name of (await readdir(modelsDir)).sort()) if (name.endsWith(".prisma")) files.push(path.join(modelsDir, name));
  return Promise.all(files.map(async (p) => ({ path: p, content: await readFile(p, "utf8") })));
}

async function migrationList(migrationsDir = MIGRATIONS_DIR) {
  const dirs = existsSync(migrationsDir)
    ? (await readdir(migrationsDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => {
        const file = path.join(migrationsDir, dir, "migration.sql");
        const content = existsSync(file)
          ? { tag: "ok" as const, value: await readFile(file, "utf8") }
          : { tag: "error" as const, value: `missing ${file}` };
        return { path: dir, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

type Engine = Awaited<ReturnType<typeof bg.SchemaEngine.new>>;

async function withEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory, run: (engine: Engine) => Promise<T>): Promise<T> {
  await loadWasm();
  const files = await schemaFiles();
  const engine = await bg.SchemaEngine.new(
    { datamodels: files.map((f) => [f.path, f.content] as [string, string]) },
    (log: string) => process.env.CITYPEER_MIGRATE_DEBUG && console.error(log),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

/** Applies pending migrations; a failing migration is recorded as failed and rethrown. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory, migrationsDir = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = await migrationList(migrationsDir);
  return withEngine(factory, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return result.appliedMigrationNames;
  });
}

const EMPTY_DIFF = "-- This is an empty migration.";

/**
 * The SQL that would bring the migration history up to the schema, or null when they agree.
 * Diffs on an in-memory PGlite only: adapter-pg's shadow database resolves to the main one.
 */
export async function pendingSchemaChange(): Promise<string | null> {
  const pglite = new PGlite();
  try {
    const list = await migrationList();
    const files = await schemaFiles();
    const sql = await withEngine(pgliteAdapterFactory(pglite), async (engine) => {
      const result = await engine.diff({
        from: list.migrationDirectories.length ? { tag: "migrations", ...list } : { tag: "empty" },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      } as Parameters<Engine["diff"]>[0]);
      return (result as { stdout: string }).stdout;
    });
    return sql.trim() === EMPTY_DIFF || sql.trim() === "" ? null : sql;
  } finally {
    await pglite.close();
  }
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql from the schema change, if any. */
export async function createMigration(name: string): Promise<string | null> {
  const sql = await pendingSchemaChange();
  if (!sql) return null;
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name.replace(/[^a-z0-9_]+/gi, "_").toLowerCase()}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  return dir;
}

/** The checksum Prisma records for a migration file. */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql).digest("hex");
}
