import type { Tx } from "@citypeer/db";
import type { Context } from "./context.ts";
import { hasPendingEmail } from "./modules/notifications/service.ts";

/**
 * Runs a write in one transaction; side effects leave only after commit
 * (the e-mails it queued in the outbox are handed to the delivery job).
 */
export async function inTransaction<T>(ctx: Context, write: (tx: Tx) => Promise<T>): Promise<T> {
  let queuedEmail = false;
  const result = await ctx.db.$transaction(async (tx) => {
    const value = await write(tx);
    queuedEmail = hasPendingEmail(tx);
    return value;
  });
  if (queuedEmail) ctx.jobs.emailsWaiting();
  return result;
}
