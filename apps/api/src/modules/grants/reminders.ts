import type { Client } from "@citypeer/db";
import { isoDayOf, reminderWindow } from "@citypeer/domain/grants";
import { notify } from "../notifications/service.ts";

/**
 * Daily job: reminds each city's officers of a report due within a week that is not submitted yet, once.
 * One transaction per deadline; the claim (`reminderSentAt` set only where it is still null) and the
 * notifications commit together, so two runs at once, or a run after a crash, never remind twice.
 * Returns how many deadlines were reminded; the caller delivers the e-mails after.
 */
export async function sendReportReminders(db: Client, now = new Date()): Promise<number> {
  const { from, to } = reminderWindow(now);
  const due = await db.reportingDeadline.findMany({
    where: { submittedAt: null, reminderSentAt: null, dueDate: { gte: from, lte: to } },
    select: { id: true, kind: true, dueDate: true, grantId: true, grant: { select: { pilot: { select: { organizationId: true } } } } },
    orderBy: { dueDate: "asc" },
  });
  let reminded = 0;
  for (const deadline of due) {
    await db.$transaction(async (tx) => {
      const claimed = await tx.reportingDeadline.updateMany({
        where: { id: deadline.id, reminderSentAt: null, submittedAt: null },
        data: { reminderSentAt: now },
      });
      if (claimed.count === 0) return;
      const officers = await tx.user.findMany({
        where: { organizationId: deadline.grant.pilot.organizationId, roles: { has: "CITY_OFFICER" }, deactivatedAt: null },
        select: { id: true },
      });
      await notify(tx, officers.map((o) => o.id), "grant.report_due", { report: deadline.kind, date: isoDayOf(deadline.dueDate) }, `/grants/${deadline.grantId}`);
      reminded++;
    });
  }
  return reminded;
}
