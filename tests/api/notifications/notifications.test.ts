import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer, deliverDueEmails } from "@citypeer/api/jobs/email-delivery";
import { startJobs } from "@citypeer/api/jobs/runner";
import { notify, queueDailyDigests } from "@citypeer/api/modules/notifications/service";
import { createTestApp, type TestApp } from "../support/app.ts";
import { startSmtpServer } from "../support/smtp.ts";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const silent = () => {};

describe("notify", () => {
  it("writes the notification and its outbox e-mail in the caller's transaction", async () => {
    const user = await app.make.user();
    await app.prisma.$transaction((tx) => notify(tx, [user.id], "review.assigned", { city: "Ghent", start: "1 March", end: "3 March" }));
    const [n] = await app.prisma.notification.findMany({ where: { userId: user.id } });
    expect(n).toMatchObject({ kind: "review.assigned", readAt: null });
    const [email] = await app.prisma.emailOutbox.findMany({ where: { userId: user.id } });
    expect(email).toMatchObject({ status: "PENDING", mode: "IMMEDIATE", subject: "You are a reviewer of Ghent's pilot", notificationId: n!.id });
  });

  it("notifies nobody when the change rolls back", async () => {
    const user = await app.make.user();
    await expect(
      app.prisma.$transaction(async (tx) => {
        await notify(tx, [user.id], "review.cancelled", { city: "Milan" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await app.prisma.notification.count({ where: { userId: user.id } })).toBe(0);
    expect(await app.prisma.emailOutbox.count({ where: { userId: user.id } })).toBe(0);
  });

  it("follows each person's preference: no e-mail, or a daily digest, but always in-app", async () => {
    const quiet = await app.make.user();
    const digest = await app.make.user();
    await app.prisma.notificationPreference.createMany({
      data: [
        { userId: quiet.id, kind: "review.assigned", email: "NONE" },
        { userId: digest.id, kind: "review.assigned", email: "DAILY_DIGEST" },
      ],
    });
    await app.prisma.$transaction((tx) => notify(tx, [quiet.id, digest.id], "review.assigned", { city: "Ghent", start: "1", end: "2" }));
    expect(await app.prisma.notification.count({ where: { userId: { in: [quiet.id, digest.id] } } })).toBe(2);
    expect(await app.prisma.emailOutbox.count({ where: { userId: quiet.id } })).toBe(0);
    expect(await app.prisma.emailOutbox.findFirst({ where: { userId: digest.id } })).toMatchObject({ mode: "DAILY_DIGEST", status: "PENDING" });
  });

  it("renders the e-mail in the recipient's language", async () => {
    const user = await app.make.user();
    await app.prisma.user.update({ where: { id: user.id }, data: { locale: "de" } });
    await app.prisma.$transaction((tx) => notify(tx, [user.id], "review.cancelled", { city: "Mailand" }));
    const email = await app.prisma.emailOutbox.findFirstOrThrow({ where: { userId: user.id } });
    expect(email.subject).toBe("Ein Peer Review wurde abgesagt");
    expect(email.htmlBody).toContain('lang="de"');
  });
});

describe("delivery through a real SMTP server", () => {
  it("the background job sends committed e-mails and records them as sent", async () => {
    const smtp = await startSmtpServer();
    const jobs = await startJobs(app.db, { work: true, mailer: createMailer(smtp.url), log: silent, pollingIntervalSeconds: 0.5 });
    try {
      await app.prisma.emailOutbox.updateMany({ where: { status: "PENDING" }, data: { status: "LOGGED" } }); // earlier tests' mail
      const user = await app.make.user();
      await app.prisma.user.update({ where: { id: user.id }, data: { locale: "ar" } });
      await app.prisma.$transaction((tx) => notify(tx, [user.id], "grant.tranche_paid", { tranche: "PRE_FINANCING" }));
      jobs.emailsWaiting();
      const [mail] = await smtp.waitFor(1);
      expect(mail!.to).toMatchObject({ value: [{ address: user.email }] });
      expect(mail!.subject).toBe("تم دفع دفعة من المنحة");
      expect(mail!.text).toContain("التمويل المسبق");
      expect(mail!.text).not.toContain("PRE_FINANCING");
      expect(mail!.html).toContain('dir="rtl"');
      const row = await app.prisma.emailOutbox.findFirstOrThrow({ where: { userId: user.id } });
      expect(row).toMatchObject({ status: "SENT", attempts: 1 });
    } finally {
      await jobs.stop();
      await smtp.close();
    }
  });

  it("retries with backoff when the server refuses, and records the failure after the last attempt", async () => {
    const smtp = await startSmtpServer({ reject: () => true });
    const mailer = createMailer(smtp.url);
    try {
      const user = await app.make.user();
      await app.prisma.$transaction((tx) => notify(tx, [user.id], "review.cancelled", { city: "Cluj" }));
      const first = await deliverDueEmails(app.prisma, mailer, silent);
      expect(first.retrying).toBeGreaterThanOrEqual(1);
      let row = await app.prisma.emailOutbox.findFirstOrThrow({ where: { userId: user.id } });
      expect(row.status).toBe("PENDING");
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(/Mailbox unavailable/);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000); // backoff, not a busy loop

      for (let attempt = 2; attempt <= 5; attempt++) {
        await app.prisma.emailOutbox.update({ where: { id: row.id }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
        await deliverDueEmails(app.prisma, mailer, silent);
      }
      row = await app.prisma.emailOutbox.findFirstOrThrow({ where: { userId: user.id } });
      expect(row).toMatchObject({ status: "FAILED", attempts: 5 });
    } finally {
      await smtp.close();
    }
  });

  it("without SMTP the e-mail goes to the log and stays in the outbox", async () => {
    const user = await app.make.user();
    await app.prisma.$transaction((tx) => notify(tx, [user.id], "review.cancelled", { city: "Sofia" }));
    const lines: string[] = [];
    await deliverDueEmails(app.prisma, null, (line) => lines.push(line));
    expect(lines.join("\n")).toContain(user.email);
    expect(await app.prisma.emailOutbox.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ status: "LOGGED" });
  });

  it("folds a day's digest e-mails into one", async () => {
    const smtp = await startSmtpServer();
    try {
      await app.prisma.emailOutbox.updateMany({ where: { status: "PENDING" }, data: { status: "LOGGED" } });
      const user = await app.make.user();
      await app.prisma.notificationPreference.create({ data: { userId: user.id, kind: "grant.expense_decided", email: "DAILY_DIGEST" } });
      for (const description of ["Train tickets", "Interpreters"]) {
        await app.prisma.$transaction((tx) => notify(tx, [user.id], "grant.expense_decided", { description, decision: "APPROVED" }));
      }
      expect(await queueDailyDigests(app.prisma)).toBe(1);
      await deliverDueEmails(app.prisma, createMailer(smtp.url), silent);
      const [mail] = await smtp.waitFor(1);
      expect(mail!.subject).toBe("2 updates on citypeer");
      expect(mail!.text).toContain("An expense was decided");
      expect(await app.prisma.emailOutbox.count({ where: { userId: user.id, status: "DIGESTED" } })).toBe(2);
    } finally {
      await smtp.close();
    }
  });
});

describe("notifications API", () => {
  const LIST = /* GraphQL */ `{ notifications(first: 10) { edges { node { id kind isRead payload } } } unreadNotificationCount }`;
  const MARK = /* GraphQL */ `mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) }`;

  it("lists the viewer's own notifications newest first, and marks only their own read", async () => {
    const me = await app.make.user();
    const other = await app.make.user();
    for (const city of ["Athens", "Zagreb"]) {
      await app.prisma.$transaction((tx) => notify(tx, [me.id, other.id], "review.cancelled", { city }));
      await new Promise((r) => setTimeout(r, 5));
    }
    const mine = await app.gql(me, LIST);
    expect(mine.data.unreadNotificationCount).toBe(2);
    expect(mine.data.notifications.edges.map((e: any) => e.node.payload.city)).toEqual(["Zagreb", "Athens"]);

    const theirs = await app.gql(other, LIST);
    const theirIds = theirs.data.notifications.edges.map((e: any) => e.node.id);
    const left = await app.gql(me, MARK, { input: { ids: [mine.data.notifications.edges[0].node.id, ...theirIds] } });
    expect(left.data.markNotificationsRead).toBe(1);
    expect((await app.gql(other, LIST)).data.unreadNotificationCount).toBe(2);
  });

  it("refuses another person's notification through node()", async () => {
    const me = await app.make.user();
    const other = await app.make.user();
    await app.prisma.$transaction((tx) => notify(tx, [other.id], "review.cancelled", { city: "Nantes" }));
    const id = (await app.gql(other, LIST)).data.notifications.edges[0].node.id;
    const res = await app.gql(me, "query ($id: ID!) { node(id: $id) { ... on Notification { kind } } }", { id });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("stores preferences per kind and refuses an unknown kind", async () => {
    const me = await app.make.user();
    const UPDATE = /* GraphQL */ `
      mutation ($input: UpdateNotificationPreferencesInput!) {
        updateNotificationPreferences(input: $input) {
          __typename
          ... on MutationUpdateNotificationPreferencesSuccess { data { kind email isDefault } }
          ... on InputError { issues { path code } }
        }
      }
    `;
    const ok = await app.gql(me, UPDATE, { input: { preferences: [{ kind: "review.assigned", email: "DAILY_DIGEST" }] } });
    const row = ok.data.updateNotificationPreferences.data.find((p: any) => p.kind === "review.assigned");
    expect(row).toEqual({ kind: "review.assigned", email: "DAILY_DIGEST", isDefault: false });
    const bad = await app.gql(me, UPDATE, { input: { preferences: [{ kind: "no.such.kind", email: "NONE" }] } });
    expect(bad.data.updateNotificationPreferences.issues[0].path).toEqual(["preferences", "0", "kind"]);
    const read = await app.gql(me, "{ notificationPreferences { kind email } }");
    expect(read.data.notificationPreferences.find((p: any) => p.kind === "review.assigned").email).toBe("DAILY_DIGEST");
  });

  it("refuses anonymous readers", async () => {
    const res = await app.gql(null, "{ unreadNotificationCount }");
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
