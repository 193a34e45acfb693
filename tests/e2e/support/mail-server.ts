import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** Where the e2e SMTP server drops received mail (one JSON file each) and the specs read it. */
export const MAIL_DIR = process.env.E2E_MAIL_DIR ?? "/tmp/citypeer-e2e-mail";
/** A fixed loopback port, because the API under test is started with SMTP_URL before any spec runs. */
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 2525);

/** One received e-mail as the specs see it. */
export type ReceivedMail = { to: string[]; subject: string; text: string; html: string; receivedAt: string };

/**
 * A real SMTP server (the API's nodemailer talks SMTP to it, as it would to a real relay).
 * Each message is parsed and written to MAIL_DIR; the folder starts empty on every run.
 */
export async function startMailServer(): Promise<() => Promise<void>> {
  rmSync(MAIL_DIR, { recursive: true, force: true });
  mkdirSync(MAIL_DIR, { recursive: true });
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const message: ReceivedMail = {
            // the envelope: who the server was asked to deliver to
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            receivedAt: new Date().toISOString(),
          };
          const file = path.join(MAIL_DIR, `${Date.now()}-${String(++received).padStart(5, "0")}.json`);
          // written whole, then renamed: a reader never sees half a file
          writeFileSync(`${file}.tmp`, JSON.stringify(message, null, 2));
          renameSync(`${file}.tmp`, file);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(SMTP_PORT, "127.0.0.1", () => resolve());
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
