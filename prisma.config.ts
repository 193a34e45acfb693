import path from "node:path";
import { defineConfig } from "prisma/config";

// Every Prisma CLI command first tries to download the native schema engine, which fails offline.
// Pointing it at a stub lets `prisma generate` work; migrations go through packages/db (WASM engine).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "scripts/no-schema-engine.sh");

export default defineConfig({
  schema: "prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:5432/citypeer" },
});
