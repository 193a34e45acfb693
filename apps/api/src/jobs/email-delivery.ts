import nodemailer, { type Transporter } from "nodemailer";
import type { Client } from "@citypeer/db";
import { EMAIL_MAX_ATTEMPTS, emailRetryDelayMs } from "@citypeer/domain/notifications";

export type Mailer = { transport: Transporter; from: string } | null;

/** nodemailer to SMTP_URL; without it, e-mails are written to the log (so demo links work) and stay in the outbox. */
export function createMailer(smtpUrl = process.env.SMTP_URL, from = process.env.MAIL_FROM ?? "citypeer <no-reply@citypeer.eu>"): Mailer {
  return smtpUrl ? { transport: nodemailer.createTransport(smtpUrl), from } : null;
}

/** A claimed e-mail is not picked up by another worker for this long, even if its worker dies mid-send. */
const CLAIM_LEASE_MS = 5 * 60_000;

export type DeliveryReport = { sent: number; logged: number; retrying: number; failed: number };

/**
 * Sends due outbox e-mails. Each row is claimed with a conditional update (safe with several worker
 * processes), then marked SENT, LOGGED, retried with backoff, or FAILED after the last attempt.
 */
export async function deliverDueEmails(db: Client, mailer: Mailer, log: (line: string) => void = console.log): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, logged: 0, retrying: 0, failed: 0 };
  const due = await db.emailOutbox.findMany({
    where: { status: "PENDING", mode: "IMMEDIATE", nextAttemptAt: { lte: new Date() } },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  for (const email of due) {
    const claimed = await db.emailOutbox.updateMany({
      where: { id: email.id, status: "PENDING", attempts: email.attempts },
      data: { attempts: { increment: 1 }, nextAttemptAt: new Date(Date.now() + CLAIM_LEASE_MS) },
    });
    if (claimed.count === 0) continue;
    const attempts = email.attempts + 1;
    if (!mailer) {
      log(`[email] to ${email.toAddress}: ${email.subject}\n${email.textBody}\n`);
      await db.emailOutbox.update({ where: { id: email.id }, data: { status: "LOGGED" } });
      report.logged++;
      continue;
    }
    try {
      await mailer.transport.sendMail({ from: mailer.from, to: email.toAddress, subject: email.subject, text: email.textBody, html: email.htmlBody });
      await db.emailOutbox.update({ where: { id: email.id }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
      report.sent++;
    } catch (error) {
      const lastError = error instanceof Error ? error.message.slice(0, 1000) : String(error);
      const finalAttempt = attempts >= EMAIL_MAX_ATTEMPTS;
      await db.emailOutbox.update({
        where: { id: email.id },
        data: finalAttempt ? { status: "FAILED", lastError } : { lastError, nextAttemptAt: new Date(Date.now() + emailRetryDelayMs(attempts)) },
      });
      if (finalAttempt) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}
