/** `pnpm worker`: runs the background jobs (e-mail delivery, digests, reminders) apart from the API processes. */
import { createDb } from "@citypeer/db";
import { startJobs } from "./jobs/runner.ts";

const db = await createDb();
if (db.kind === "pglite") {
  console.error("pnpm worker needs DATABASE_URL: the embedded database serves one process, where the jobs already run.");
  process.exit(1);
}
const jobs = await startJobs(db, { work: true });
console.log("citypeer worker: running e-mail delivery, digests and scheduled jobs");

async function shutdown() {
  await jobs.stop();
  await db.close();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
