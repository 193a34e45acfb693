import { startMailServer } from "./mail-server.ts";

/** Runs once in the Playwright runner: the SMTP server lives as long as the whole run. */
export default async function globalSetup() {
  const stop = await startMailServer();
  return stop; // Playwright calls the returned function as the global teardown
}
