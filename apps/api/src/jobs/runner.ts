import { PgBoss, fromPglite } from "pg-boss";
import type { Db } from "@citypeer/db";
import { queueDailyDigests } from "../modules/notifications/service.ts";
import { sendReportReminders } from "../modules/grants/reminders.ts";
import { createMailer, deliverDueEmails, type Mailer } from "./email-delivery.ts";

/** What request handlers may ask of the background jobs. */
export interface Jobs {
  /** New outbox e-mails were committed: deliver them soon. */
  emailsWaiting(): void;
}

export const noJobs: Jobs = { emailsWaiting: () => {} };

const QUEUES = {
  deliverEmail: "email-deliver",
  digest: "email-digest",
  sweep: "email-sweep",
  reportReminders: "grant-report-reminders",
} as const;

export interface JobRunner extends Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

export interface JobOptions {
  /** Run the handlers in this process (false: a separate `pnpm worker` process runs them). */
  work: boolean;
  mailer?: Mailer;
  log?: (line: string) => void;
  /** Seconds between polls; tests use a short one. */
  pollingIntervalSeconds?: number;
}

/**
 * pg-boss on the same database as the app: PostgreSQL, or the embedded PGlite through pg-boss's own
 * PGlite backend (one process only, so WORKER=separate needs DATABASE_URL).
 */
export async function startJobs(db: Db, options: JobOptions): Promise<JobRunner> {
  const boss = db.pglite
    ? new PgBoss({ db: fromPglite(db.pglite), backend: "pglite", schema: "pgboss" } as ConstructorParameters<typeof PgBoss>[0])
    : new PgBoss({ connectionString: db.url!, schema: "pgboss" });
  boss.on("error", (error: Error) => (options.log ?? console.error)(`[jobs] ${error.message}`));
  await boss.start();
  for (const name of Object.values(QUEUES)) await boss.createQueue(name);

  if (options.work) {
    const mailer = options.mailer === undefined ? createMailer() : options.mailer;
    const deliver = async () => {
      await deliverDueEmails(db.prisma, mailer, options.log);
    };
    const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
    await boss.work(QUEUES.deliverEmail, polling, deliver);
    // retries whose backoff has passed, and anything a crashed process left behind
    await boss.work(QUEUES.sweep, polling, deliver);
    await boss.schedule(QUEUES.sweep, "* * * * *");
    await boss.work(QUEUES.digest, polling, async () => {
      if ((await queueDailyDigests(db.prisma)) > 0) await deliver();
    });
    await boss.schedule(QUEUES.digest, process.env.DIGEST_CRON ?? "0 7 * * *", undefined, { tz: process.env.DIGEST_TZ ?? "Europe/Brussels" });
    // reports due within a week: each city's officers are reminded once, then the e-mails go out
    await boss.work(QUEUES.reportReminders, polling, async () => {
      if ((await sendReportReminders(db.prisma)) > 0) await deliver();
    });
    await boss.schedule(QUEUES.reportReminders, process.env.REPORT_REMINDER_CRON ?? "0 6 * * *", undefined, { tz: process.env.DIGEST_TZ ?? "Europe/Brussels" });
  }

  return {
    boss,
    emailsWaiting() {
      // one pending delivery job at a time is enough: it sends everything due
      void boss.send(QUEUES.deliverEmail, {}, { singletonKey: "deliver" }).catch((e: Error) => (options.log ?? console.error)(`[jobs] ${e.message}`));
    },
    async stop() {
      await boss.stop({ graceful: false, close: true } as Parameters<PgBoss["stop"]>[0]);
    },
  };
}

export { QUEUES };
