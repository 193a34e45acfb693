import { defineConfig } from "vitest/config";

export default defineConfig({
  // graphql 16 ships CJS (main) and ESM (module); Node loads the CJS copy for Pothos and Yoga,
  // so point Vite at the same file or the two copies refuse each other's types.
  resolve: { alias: { graphql: "graphql/index.js" } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "tests/api/**/*.test.ts"],
    // PGlite takes 2-3 s to start; one database per test file.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // 2 cores: two files at a time keeps PGlite start-up from starving the tests.
    maxWorkers: 2,
    env: { NODE_ENV: "test" },
  },
});
