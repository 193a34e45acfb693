import type { Client, Tx } from "@citypeer/db";
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_LIST,
  type NotificationKind,
  type NotificationPayload,
  type NotificationPayloadOf,
  type EmailMode,
} from "@citypeer/domain/notifications";
import { renderEmail, translate, publicUrl, type RenderedEmail } from "./render.ts";

/** Transactions that wrote e-mails; after commit the caller asks the jobs to deliver them. */
const wroteEmail = new WeakSet<object>();
export const hasPendingEmail = (tx: object) => wroteEmail.has(tx);

/**
 * Notifies people in the transaction of the change that causes it: an in-app notification for each,
 * and an outbox e-mail for those whose preference asks for one. A rolled-back change notifies nobody,
 * and nothing is sent before commit (delivery is a background job reading the outbox).
 */
export async function notify<K extends NotificationKind>(tx: Tx, recipientIds: string[], kind: K, payload: NotificationPayloadOf<K>, link?: string) {
  const recipients = await tx.user.findMany({
    where: { id: { in: [...new Set(recipientIds)] }, deactivatedAt: null },
    select: { id: true, email: true, locale: true, notificationPreferences: { where: { kind }, select: { email: true } } },
  });
  for (const r of recipients) {
    const notification = await tx.notification.create({ data: { userId: r.id, kind, payload: { ...payload, ...(link ? { link } : {}) } } });
    const mode: EmailMode = r.notificationPreferences[0]?.email ?? NOTIFICATION_KINDS[kind].defaultEmail;
    if (mode === "NONE") continue;
    const email = renderNotification(r.locale, kind, payload, link);
    await tx.emailOutbox.create({
      data: { userId: r.id, notificationId: notification.id, toAddress: r.email, kind, mode, locale: r.locale, ...bodyOf(email) },
    });
    wroteEmail.add(tx);
  }
}

/** An e-mail that is not a notification (invitation, password reset): always sent, never digested. */
export async function sendTransactionalEmail(tx: Tx, to: { id?: string; email: string; locale: string }, kind: string, email: RenderedEmail) {
  await tx.emailOutbox.create({
    data: { userId: to.id ?? null, toAddress: to.email, kind, mode: "IMMEDIATE", locale: to.locale, ...bodyOf(email) },
  });
  wroteEmail.add(tx);
}

const bodyOf = (e: RenderedEmail) => ({ subject: e.subject, textBody: e.text, htmlBody: e.html });

/** Codes in a payload (roles) are written in the recipient's language. */
function localisedPayload(locale: string, payload: NotificationPayload): NotificationPayload {
  if (typeof payload.roles !== "string") return payload;
  const roles = payload.roles.split(/,\s*/).map((code) => {
    try {
      return translate(locale, `role.${code}`);
    } catch {
      return code;
    }
  });
  return { ...payload, roles: roles.join(", ") };
}

export function renderNotification(locale: string, kind: NotificationKind, rawPayload: NotificationPayload, link?: string): RenderedEmail {
  const payload = localisedPayload(locale, rawPayload);
  const title = translate(locale, `notification.${kind}.title`, payload);
  return renderEmail(locale, {
    subject: title,
    paragraphs: [translate(locale, `notification.${kind}.body`, payload)],
    link: { label: translate(locale, "email.openCitypeer"), url: publicUrl(link ?? "/notifications") },
  });
}

/** Combines each person's waiting digest e-mails into one e-mail, in their language. Returns how many were sent. */
export async function queueDailyDigests(db: Client): Promise<number> {
  const waiting = await db.emailOutbox.findMany({
    where: { mode: "DAILY_DIGEST", status: "PENDING" },
    orderBy: { createdAt: "asc" },
    select: { id: true, userId: true, toAddress: true, locale: true, subject: true },
  });
  const byAddress = new Map<string, typeof waiting>();
  for (const e of waiting) byAddress.set(e.toAddress, [...(byAddress.get(e.toAddress) ?? []), e]);
  for (const [toAddress, emails] of byAddress) {
    const locale = emails[0]!.locale;
    const email = renderEmail(locale, {
      subject: translate(locale, "email.digest.subject", { count: emails.length }),
      paragraphs: [translate(locale, "email.digest.intro", { count: emails.length }), ...emails.map((e) => `• ${e.subject}`)],
      link: { label: translate(locale, "email.openCitypeer"), url: publicUrl("/notifications") },
    });
    await db.$transaction(async (tx) => {
      await tx.emailOutbox.create({
        data: { userId: emails[0]!.userId, toAddress, kind: "digest", mode: "IMMEDIATE", locale, ...bodyOf(email) },
      });
      await tx.emailOutbox.updateMany({ where: { id: { in: emails.map((e) => e.id) }, status: "PENDING" }, data: { status: "DIGESTED" } });
    });
  }
  return byAddress.size;
}

/** One row per kind: the person's choice, or the kind's default. */
export function preferencesWithDefaults(chosen: { kind: string; email: EmailMode }[]) {
  return NOTIFICATION_KIND_LIST.map((kind) => {
    const row = chosen.find((c) => c.kind === kind);
    return { kind, email: row?.email ?? NOTIFICATION_KINDS[kind].defaultEmail, isDefault: !row };
  });
}
