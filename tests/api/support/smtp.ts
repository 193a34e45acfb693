import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A real SMTP server on a free loopback port that keeps what it receives. */
export async function startSmtpServer(options: { reject?: () => boolean } = {}) {
  const inbox: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      if (options.reject?.()) {
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 450 })));
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          inbox.push(mail);
          callback();
        },
        (error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    inbox,
    url: `smtp://127.0.0.1:${port}/?ignoreTLS=true`,
    /** Waits until `count` e-mails arrived (the delivery job runs in the background). */
    async waitFor(count: number, timeoutMs = 15_000) {
      const started = Date.now();
      while (inbox.length < count) {
        if (Date.now() - started > timeoutMs) throw new Error(`expected ${count} e-mails, got ${inbox.length}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return inbox;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The link an e-mail carries to a given path, e.g. "/accept-invitation". */
export function linkIn(mail: ParsedMail, path: string): URL {
  const match = mail.text?.match(new RegExp(`https?://\\S+${path}\\?token=[\\w-]+`));
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return new URL(match[0]);
}
