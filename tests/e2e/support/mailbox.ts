import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { MAIL_DIR, type ReceivedMail } from "./mail-server.ts";

function readMailbox(): ReceivedMail[] {
  return readdirSync(MAIL_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(MAIL_DIR, f), "utf8")) as ReceivedMail);
}

/**
 * Waits for an e-mail to `to` received at or after `since` (take it just before the action that sends
 * it, so mail from earlier tests never matches). The API delivers through a background job within seconds.
 */
export async function waitForMail(query: { to: string; since: number; subject?: string | RegExp }, timeoutMs = 20_000): Promise<ReceivedMail> {
  const to = query.to.toLowerCase();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = readMailbox()
      .filter((m) => m.to.includes(to) && Date.parse(m.receivedAt) >= query.since)
      .find((m) => (query.subject === undefined ? true : typeof query.subject === "string" ? m.subject === query.subject : query.subject.test(m.subject)));
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`no e-mail to ${to} since ${new Date(query.since).toISOString()} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The link an e-mail carries to a path such as "/accept-invitation", from its plain-text part. */
export function linkIn(mail: ReceivedMail, pathname: string): URL {
  const match = mail.text.match(new RegExp(`https?://\\S+${pathname}\\?token=[\\w-]+`));
  if (!match) throw new Error(`no ${pathname} link in: ${mail.text}`);
  return new URL(match[0]);
}
