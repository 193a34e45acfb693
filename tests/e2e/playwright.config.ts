import { defineConfig } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { SMTP_PORT } from "./support/mail-server.ts";

const port = Number(process.env.E2E_PORT ?? 4100);
// a fresh embedded database per run: the server migrates and seeds an empty data dir
const dataDir = process.env.E2E_DATA_DIR ?? "/tmp/citypeer-e2e";
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  outputDir: "../../test-results/e2e",
  // one app, one database: tests run one after another so sign-in throttling and locale changes don't collide
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: "list",
  // a real SMTP server for the whole run: the API e-mails through it, specs read what arrived
  globalSetup: "./support/global-setup.ts",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        // Debian's Chromium: no browser download (closed network)
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          // without the networking flags Chromium keeps calling home on a closed network
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    // DATABASE_URL unset: the embedded database, never a developer's real one
    command: `unset DATABASE_URL; rm -rf ${dataDir} && pnpm start`,
    cwd: repoRoot,
    url: `http://localhost:${port}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: {
      CITYPEER_DATA_DIR: dataDir,
      PORT: String(port),
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}/?ignoreTLS=true`,
      // links in e-mails point at the app under test
      PUBLIC_URL: `http://localhost:${port}`,
      // specs set up and clean up through ad-hoc API calls (support/api.ts); the web app itself still
      // sends only persisted hashes and never falls back to documents, so a stale manifest fails here
      GRAPHQL_ARBITRARY_OPERATIONS: "1",
    },
    stdout: "ignore",
    stderr: "pipe",
  },
});
