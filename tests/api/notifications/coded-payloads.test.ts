/**
 * Notifications carry codes, not English words: the reader's catalogue words the decision, the tranche,
 * the report and the result (#9: no user-facing string outside the catalogues). What people wrote (a
 * reason, a description) reaches the reader exactly as written.
 */
import { readFileSync, readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayStart, isoDayOf } from "@citypeer/domain/grants";
import type { NotificationKind, NotificationPayload } from "@citypeer/domain/notifications";
import { sendReportReminders } from "@citypeer/api/modules/grants/reminders";
import { renderNotification } from "@citypeer/api/modules/notifications/service";
import { createTestApp, type TestApp } from "../support/app.ts";
import {
  APPROVE_EXPENSE,
  APPROVE_TRANCHE,
  PAY_TRANCHE,
  PROPOSE,
  REJECT_BUDGET,
  REJECT_EXPENSE,
  approvedBudget,
  cityGrant,
  declared,
  manager,
  requestedTranche,
} from "../grants/support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
});
afterAll(() => app.close());

/** English words the server used to put into payloads, and the codes that replaced them. */
const ENGLISH = /\b(approved|rejected|pre-financing|interim|final balance|final report|not selected|selected)\b/i;
const CODE = /\b(APPROVED|REJECTED|PRE_FINANCING|INTERIM|FINAL_BALANCE|INTERIM_REPORT|FINAL_REPORT|SELECTED|NOT_SELECTED)\b/;

async function emailsOf(userId: string, kind: NotificationKind) {
  return app.prisma.emailOutbox.findMany({ where: { userId, kind }, orderBy: { createdAt: "asc" } });
}

describe("grant decisions reach a Polish officer in Polish", () => {
  it("budget and expense decisions, with the manager's reason as written", async () => {
    const g = await cityGrant(app, "lublin");
    await app.prisma.user.update({ where: { id: g.officer.id }, data: { locale: "pl" } });
    const pm = await manager(app);
    await app.gql(g.officer, PROPOSE, { input: { grantId: g.id, lines: [{ category: "STAFF", plannedCents: 2_000_000 }] } });
    const rejected = await app.gql(pm, REJECT_BUDGET, { input: { grantId: g.id, reason: "Add co-design costs (approved categories only)" } });
    expect(rejected.data.rejectBudget.__typename).toBe("MutationRejectBudgetSuccess");

    const [budgetMail] = await emailsOf(g.officer.id, "grant.budget_decided");
    expect(budgetMail!.subject).toBe("Podjęto decyzję w sprawie budżetu pilotażu");
    expect(budgetMail!.textBody).toContain("Zespół projektu odrzucił budżet Twojego pilotażu. Powód: Add co-design costs (approved categories only)");
    // the only English left is the manager's own text
    expect(budgetMail!.textBody.replace("Add co-design costs (approved categories only)", "")).not.toMatch(ENGLISH);
    const note = await app.prisma.notification.findFirstOrThrow({ where: { userId: g.officer.id, kind: "grant.budget_decided" } });
    expect(note.payload).toMatchObject({ decision: "REJECTED", reason: "Add co-design costs (approved categories only)" });

    const ok = await approvedBudget(app, "lublin", [{ category: "STAFF", plannedCents: 2_000_000 }]);
    const approvedMail = (await emailsOf(ok.officer.id, "grant.budget_decided")).find((m) => m.id !== budgetMail!.id)!;
    expect(approvedMail.textBody).toContain("Zespół projektu zatwierdził budżet Twojego pilotażu.");
    expect(approvedMail.textBody).not.toMatch(ENGLISH);
    expect(approvedMail.textBody).not.toMatch(CODE);

    const first = await declared(app, ok, 10_000, { description: "Tłumaczenie ulotek" });
    const second = await declared(app, ok, 20_000, { description: "Wynajem sali" });
    await app.gql(pm, APPROVE_EXPENSE, { input: { expenseId: first } });
    await app.gql(pm, REJECT_EXPENSE, { input: { expenseId: second, reason: "Brak faktury" } });
    // expense decisions e-mail in the daily digest by default: the queued e-mails are already rendered
    const expenseMails = await emailsOf(ok.officer.id, "grant.expense_decided");
    const approvedExpense = expenseMails.find((m) => m.textBody.includes("Tłumaczenie ulotek"));
    const rejectedExpense = expenseMails.find((m) => m.textBody.includes("Wynajem sali"));
    expect(approvedExpense!.textBody).toContain("Twój wydatek „Tłumaczenie ulotek” został zatwierdzony.");
    expect(rejectedExpense!.textBody).toContain("Twój wydatek „Wynajem sali” został odrzucony. Powód: Brak faktury");
    for (const mail of [approvedExpense!, rejectedExpense!]) {
      expect(mail.textBody).not.toMatch(ENGLISH);
      expect(mail.htmlBody).toContain('lang="pl"');
    }
  });

  it("a paid tranche is named in the reader's words", async () => {
    const g = await approvedBudget(app, "athens", [{ category: "STAFF", plannedCents: 2_000_000 }]);
    await app.prisma.user.update({ where: { id: g.officer.id }, data: { locale: "pl" } });
    const pm = await manager(app);
    const tranche = await requestedTranche(app, g, "PRE_FINANCING", 500_000);
    await app.gql(pm, APPROVE_TRANCHE, { input: { trancheId: tranche } });
    expect((await app.gql(pm, PAY_TRANCHE, { input: { trancheId: tranche } })).data.markTranchePaid.data.status).toBe("PAID");
    const [mail] = await emailsOf(g.officer.id, "grant.tranche_paid");
    expect(mail!.textBody).toContain("Zespół projektu wypłacił płatność zaliczkową z grantu na Twój pilotaż.");
    expect(mail!.textBody).not.toMatch(ENGLISH);
    expect(mail!.textBody).not.toMatch(CODE);
  });

  it("a report reminder names the report in German, not 'Interim report'", async () => {
    const milan = await cityGrant(app, "milan");
    await app.prisma.user.update({ where: { id: milan.officer.id }, data: { locale: "de" } });
    const now = new Date();
    const due = dayStart(isoDayOf(new Date(now.getTime() + 3 * 86_400_000)));
    await app.prisma.reportingDeadline.update({ where: { id: milan.deadline("INTERIM_REPORT").id }, data: { dueDate: due } });
    expect(await sendReportReminders(app.prisma, now)).toBeGreaterThanOrEqual(1);
    const [mail] = await emailsOf(milan.officer.id, "grant.report_due");
    expect(mail!.textBody).toContain(`Ihr Zwischenbericht ist am ${isoDayOf(due)} fällig.`);
    expect(mail!.textBody).not.toMatch(ENGLISH);
  });
});

/** Every code of every coded kind, with the English words its branch uses. */
const CASES: { kind: NotificationKind; payload: NotificationPayload; english: RegExp }[] = [
  { kind: "grant.budget_decided", payload: { decision: "APPROVED" }, english: /approved/i },
  { kind: "grant.budget_decided", payload: { decision: "REJECTED", reason: "«R»" }, english: /rejected|reason/i },
  { kind: "grant.expense_decided", payload: { description: "«D»", decision: "APPROVED" }, english: /approved/i },
  { kind: "grant.expense_decided", payload: { description: "«D»", decision: "REJECTED", reason: "«R»" }, english: /rejected|reason/i },
  { kind: "grant.tranche_paid", payload: { tranche: "PRE_FINANCING" }, english: /pre-financing/i },
  { kind: "grant.tranche_paid", payload: { tranche: "INTERIM" }, english: /interim/i },
  { kind: "grant.tranche_paid", payload: { tranche: "FINAL_BALANCE" }, english: /final balance/i },
  { kind: "grant.report_due", payload: { report: "INTERIM_REPORT", date: "2027-03-01" }, english: /interim report/i },
  { kind: "grant.report_due", payload: { report: "FINAL_REPORT", date: "2027-03-01" }, english: /final report/i },
  { kind: "call.results_published", payload: { call: "«C»", result: "SELECTED" }, english: /selected/i },
  { kind: "call.results_published", payload: { call: "«C»", result: "NOT_SELECTED" }, english: /selected/i },
];

/** Payloads stored before codes: they fall to the message's `other` branch, which words them neutrally. */
const LEGACY: { kind: NotificationKind; payload: NotificationPayload }[] = [
  { kind: "grant.budget_decided", payload: { decision: "rejected (Too expensive)" } },
  { kind: "grant.expense_decided", payload: { description: "«D»", decision: "approved" } },
  { kind: "grant.tranche_paid", payload: { tranche: "pre-financing" } },
  { kind: "grant.report_due", payload: { report: "interim report", date: "2027-03-01" } },
  { kind: "call.results_published", payload: { call: "«C»", result: "not selected" } },
];

/** Every shipped catalogue but the English reference (the catalogue test keeps this list equal to SUPPORTED_LOCALES). */
const LOCALES = readdirSync(new URL("../../../packages/i18n/messages/", import.meta.url))
  .map((f) => f.replace(/\.json$/, ""))
  .filter((l) => l !== "en");

describe.each(LOCALES)("catalogue %s", (locale) => {
  const body = (kind: NotificationKind, payload: NotificationPayload) => renderNotification(locale, kind, payload).text.split("\n\n")[0]!;

  it("words every code in its own language, keeping what people wrote", () => {
    for (const { kind, payload, english } of CASES) {
      const text = body(kind, payload);
      const where = `${locale} ${kind} ${JSON.stringify(payload)}: ${text}`;
      expect(text, where).not.toMatch(english);
      expect(text, where).not.toMatch(CODE);
      for (const written of Object.values(payload).filter((v) => String(v).startsWith("«") || /^\d{4}-/.test(String(v)))) {
        expect(text, where).toContain(String(written));
      }
      // each code has its own branch: not the neutral wording an unknown value gets
      expect(text, where).not.toBe(body(kind, { ...payload, decision: "?", tranche: "?", report: "?", result: "?" }));
    }
  });

  it("words older English payloads neutrally, without the English", () => {
    for (const { kind, payload } of LEGACY) {
      const text = body(kind, payload);
      expect(text, `${locale} ${kind}: ${text}`).not.toMatch(ENGLISH);
    }
  });
});

describe("the migration of stored payloads", () => {
  it("turns the English words of older notifications into codes, keeping the reason as written", async () => {
    const user = await app.make.user();
    const legacy: [NotificationKind, NotificationPayload, NotificationPayload][] = [
      ["grant.budget_decided", { decision: "approved" }, { decision: "APPROVED" }],
      ["grant.budget_decided", { decision: "rejected (Costs (travel) too high)" }, { decision: "REJECTED", reason: "Costs (travel) too high" }],
      ["grant.expense_decided", { description: "Flyers", decision: "rejected (Zła\nfaktura)" }, { description: "Flyers", decision: "REJECTED", reason: "Zła\nfaktura" }],
      ["grant.tranche_paid", { tranche: "final balance" }, { tranche: "FINAL_BALANCE" }],
      ["grant.report_due", { report: "interim report", date: "2027-03-01" }, { report: "INTERIM_REPORT", date: "2027-03-01" }],
      ["call.results_published", { call: "Call", result: "not selected" }, { call: "Call", result: "NOT_SELECTED" }],
      ["call.results_published", { call: "Call", result: "SELECTED" }, { call: "Call", result: "SELECTED" }],
    ];
    const rows = [];
    for (const [kind, payload] of legacy) rows.push(await app.prisma.notification.create({ data: { userId: user.id, kind, payload: { ...payload, link: "/x" } } }));

    const dir = new URL("../../../prisma/migrations/", import.meta.url);
    const name = readdirSync(dir).find((d) => d.endsWith("_notification_payload_codes"))!;
    const sql = readFileSync(new URL(`${name}/migration.sql`, dir), "utf8").replace(/^--.*$/gm, "");
    for (const statement of sql.split(/;\s*$/m).map((s) => s.trim()).filter(Boolean)) await app.prisma.$executeRawUnsafe(statement);

    for (const [i, [, , expected]] of legacy.entries()) {
      const row = await app.prisma.notification.findUniqueOrThrow({ where: { id: rows[i]!.id } });
      expect(row.payload).toEqual({ ...expected, link: "/x" });
    }
  });
});
