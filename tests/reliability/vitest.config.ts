import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * `pnpm test:reliability`: concurrency, two API processes, a PostgreSQL restart under load, and the
 * backup/restore drill. PostgreSQL only (TEST_DATABASE_URL); the files run one after another, because one
 * of them restarts the PostgreSQL server and the others measure timings.
 */
export default defineConfig({
  root,
  resolve: { alias: { graphql: "graphql/index.js" } },
  test: {
    include: ["tests/reliability/**/*.test.ts"],
    globalSetup: ["tests/reliability/support/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    fileParallelism: false,
    maxWorkers: 1,
    env: { NODE_ENV: "test" },
  },
});
