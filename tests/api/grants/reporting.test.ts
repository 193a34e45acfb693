import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PORTFOLIO_CSV_COLUMNS } from "@citypeer/api/modules/grants/portfolio";
import { sendReportReminders } from "@citypeer/api/modules/grants/reminders";
import { createTestApp, type TestApp } from "../support/app.ts";
import { countStatements } from "../support/sql-counter.ts";
import {
  APPROVE_EXPENSE,
  APPROVE_TRANCHE,
  GRANT,
  GRANTS,
  PAY_TRANCHE,
  PORTFOLIO,
  REJECT_EXPENSE,
  SUBMIT_REPORT,
  approvedBudget,
  cityGrant,
  declared,
  gid,
  manager,
  officer,
  requestedTranche,
} from "./support.ts";

let app: TestApp;
// seeding twelve cities on PGlite takes 20 s on an idle machine; more when every core is busy
beforeAll(async () => {
  app = await createTestApp({ seed: true });
}, 180_000);
afterAll(() => app.close());

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const dayStart = (offsetDays: number, now = new Date()) => new Date(`${isoDay(new Date(now.getTime() + offsetDays * DAY))}T00:00:00Z`);

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe("report reminders", () => {
  it("notifies the city's officers once, a week ahead, and not for submitted or later reports", async () => {
    const now = new Date();
    const milan = await cityGrant(app, "milan");
    const sofia = await cityGrant(app, "sofia");
    const cluj = await cityGrant(app, "cluj");
    const due = dayStart(3, now);
    await app.prisma.reportingDeadline.update({ where: { id: milan.deadline("INTERIM_REPORT").id }, data: { dueDate: due } });
    await app.prisma.reportingDeadline.update({ where: { id: sofia.deadline("INTERIM_REPORT").id }, data: { dueDate: dayStart(8, now) } });
    await app.prisma.reportingDeadline.update({ where: { id: cluj.deadline("INTERIM_REPORT").id }, data: { dueDate: dayStart(2, now) } });
    await app.gql(cluj.officer, SUBMIT_REPORT, { input: { deadlineId: gid("ReportingDeadline", cluj.deadline("INTERIM_REPORT").id) } });
    const notes = () => app.prisma.notification.count({ where: { kind: "grant.report_due" } });

    expect(await sendReportReminders(app.prisma, now)).toBe(1);
    const note = await app.prisma.notification.findFirstOrThrow({ where: { userId: milan.officer.id, kind: "grant.report_due" } });
    expect(note.payload).toMatchObject({ report: "INTERIM_REPORT", date: isoDay(due), link: `/grants/${milan.grant.id}` });
    const email = await app.prisma.emailOutbox.findFirstOrThrow({ where: { userId: milan.officer.id, kind: "grant.report_due" } });
    expect(email).toMatchObject({ status: "PENDING", subject: "A report is due in a week" });
    expect(email.textBody).toContain(`Your interim report is due on ${isoDay(due)}.`);
    const reminded = await app.prisma.reportingDeadline.findUniqueOrThrow({ where: { id: milan.deadline("INTERIM_REPORT").id } });
    expect(reminded.reminderSentAt).toEqual(now);
    expect(await notes()).toBe(1);

    // a second run the same day does nothing; the next day Sofia's report is a week ahead: reminded then, once
    expect(await sendReportReminders(app.prisma, now)).toBe(0);
    expect(await sendReportReminders(app.prisma, new Date(now.getTime() + DAY))).toBe(1);
    expect(await sendReportReminders(app.prisma, new Date(now.getTime() + 2 * DAY))).toBe(0);
    expect(await notes()).toBe(2);
    expect(await app.prisma.notification.count({ where: { userId: milan.officer.id, kind: "grant.report_due" } })).toBe(1);
    expect(await app.prisma.notification.count({ where: { userId: sofia.officer.id, kind: "grant.report_due" } })).toBe(1);
  });
});

describe("the portfolio", () => {
  it("agrees with each grant's own figures and with the rows in the database", async () => {
    const pm = await manager(app);
    // some activity: Gothenburg spends, overruns equipment and has paid pre-financing; Zagreb's final report is overdue
    const g = await approvedBudget(app, "gothenburg", [{ category: "STAFF", plannedCents: 2_000_000 }, { category: "EQUIPMENT", plannedCents: 100_000 }]);
    const pre = await requestedTranche(app, g, "PRE_FINANCING", 1_000_000);
    await app.gql(pm, APPROVE_TRANCHE, { input: { trancheId: pre } });
    await app.gql(pm, PAY_TRANCHE, { input: { trancheId: pre } });
    await app.gql(pm, APPROVE_EXPENSE, { input: { expenseId: await declared(app, g, 500_000) } });
    await app.gql(pm, APPROVE_EXPENSE, { input: { expenseId: await declared(app, g, 150_000, { category: "EQUIPMENT" }) } });
    await app.gql(pm, REJECT_EXPENSE, { input: { expenseId: await declared(app, g, 70_000), reason: "Duplicate" } });
    await declared(app, g, 30_000);
    const zagreb = await cityGrant(app, "zagreb");
    await app.prisma.reportingDeadline.update({ where: { id: zagreb.deadline("FINAL_REPORT").id }, data: { dueDate: dayStart(-1) } });

    const rows = (await app.gql(pm, PORTFOLIO)).data.grantPortfolio;
    expect(rows).toHaveLength(12);
    const gothenburg = rows.find((r: any) => r.cityName === "Gothenburg");
    expect(gothenburg).toMatchObject({
      grantId: g.id,
      organizationName: "Goteborgs Kommun",
      budgetStatus: "APPROVED",
      capCents: 3_000_000,
      committedCents: 1_000_000,
      paidCents: 1_000_000,
      approvedSpendCents: 650_000,
      pendingSpendCents: 30_000,
      remainingCents: 2_350_000,
      availableCents: 2_320_000,
      overrunCategories: ["EQUIPMENT"],
      overdueReportCount: 0,
    });
    expect(rows.find((r: any) => r.cityName === "Zagreb")).toMatchObject({ overdueReportCount: 1, forecastEndBalanceCents: 3_000_000 });

    // each row equals the grant's own totals
    const grants = (await app.gql(pm, GRANTS)).data.grants;
    for (const row of rows) {
      const { grantId, cityName: _city, organizationName, pilotTitle, budgetStatus, ...figures } = row;
      const grant = grants.find((x: any) => x.id === grantId);
      expect({ organizationName, pilotTitle, budgetStatus }).toEqual({ organizationName: grant.pilot.organization.name, pilotTitle: grant.pilot.title, budgetStatus: grant.budgetStatus });
      expect(figures).toEqual(grant.totals);
    }
    // ... and the database
    for (const row of rows) {
      const id = Buffer.from(row.grantId, "base64").toString().split(":")[1]!;
      const grant = await app.prisma.grant.findUniqueOrThrow({ where: { id } });
      const spend = await app.prisma.expense.groupBy({ by: ["status"], where: { grantId: id }, _sum: { amountCents: true } });
      const sumOf = (status: string) => spend.find((s) => s.status === status)?._sum.amountCents ?? 0;
      expect(row).toMatchObject({ capCents: grant.capCents, committedCents: grant.committedCents, approvedSpendCents: sumOf("APPROVED"), pendingSpendCents: sumOf("DECLARED") });
      expect(row.remainingCents).toBe(grant.capCents - sumOf("APPROVED"));
    }

    // the CSV export: the same rows, BOM, CRLF, a header
    const csv = (await app.gql(pm, "{ grantPortfolioCsv }")).data.grantPortfolioCsv as string;
    expect(csv.startsWith("\ufeff")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const [header, ...data] = parseCsv(csv.slice(1));
    expect(header).toEqual([...PORTFOLIO_CSV_COLUMNS]);
    expect(data).toHaveLength(rows.length);
    data.forEach((cells, i) => {
      const r = rows[i];
      const record = Object.fromEntries(header!.map((h, c) => [h, cells[c]]));
      expect(record).toEqual({
        city: r.cityName,
        organization: r.organizationName,
        pilot: r.pilotTitle,
        budget_status: r.budgetStatus,
        cap_cents: String(r.capCents),
        budget_planned_cents: String(r.budgetPlannedCents),
        budget_approved_cents: String(r.budgetApprovedCents),
        committed_cents: String(r.committedCents),
        paid_cents: String(r.paidCents),
        approved_spend_cents: String(r.approvedSpendCents),
        pending_spend_cents: String(r.pendingSpendCents),
        remaining_cents: String(r.remainingCents),
        available_cents: String(r.availableCents),
        burn_rate_cents_per_month: String(r.burnRateCentsPerMonth),
        forecast_end_balance_cents: String(r.forecastEndBalanceCents),
        overdue_reports: String(r.overdueReportCount),
        overrun_categories: r.overrunCategories.join(";"),
      });
    });
  });

  it("is for project managers only, and keeps a city's text from becoming a spreadsheet formula", async () => {
    for (const who of [await officer(app, "gothenburg"), await app.userByEmail("admin@citypeer.eu")]) {
      expect((await app.gql(who, PORTFOLIO)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await app.gql(who, "{ grantPortfolioCsv }")).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const pilot = await app.prisma.pilot.findFirstOrThrow({ where: { organization: { slug: "lublin" } } });
    await app.prisma.pilot.update({ where: { id: pilot.id }, data: { title: '=HYPERLINK("http://evil.example","Open")' } });
    const csv = (await app.gql(await manager(app), "{ grantPortfolioCsv }")).data.grantPortfolioCsv as string;
    const lublin = parseCsv(csv.slice(1)).find((cells) => cells[0] === "Lublin")!;
    expect(lublin[2]).toBe(`'=HYPERLINK("http://evil.example","Open")`);
  });
});

describe("reading lists without N+1", () => {
  /** Adds a month of activity to every grant directly in the database. */
  async function growData(expensesPerGrant: number) {
    const grants = await app.prisma.grant.findMany({ include: { tranches: true } });
    const declarer = await officer(app, "dortmund");
    for (const grant of grants) {
      await app.prisma.budgetLine.createMany({
        data: ["TRAVEL_SUBSISTENCE", "OTHER"].map((category) => ({ grantId: grant.id, category: category as never, plannedCents: 1_000, approvedCents: 1_000 })),
        skipDuplicates: true,
      });
      if (!grant.tranches.some((t) => t.kind === "INTERIM")) {
        await app.prisma.tranche.create({ data: { grantId: grant.id, kind: "INTERIM", amountCents: 1_000, plannedDate: dayStart(90) } });
      }
      await app.prisma.expense.createMany({
        data: Array.from({ length: expensesPerGrant }, (_, i) => ({
          grantId: grant.id,
          category: (i % 2 ? "TRAVEL_SUBSISTENCE" : "OTHER") as never,
          amountCents: 100 + i,
          spentOn: dayStart(-i),
          description: `Grown ${i}`,
          supplier: "Bulk",
          status: (["DECLARED", "APPROVED", "REJECTED"] as const)[i % 3],
          rejectionReason: i % 3 === 2 ? "test" : null,
          declaredById: declarer.id,
        })),
      });
    }
  }

  it("reads every grant with lines, tranches, expenses, deadlines and totals in a fixed number of statements", async () => {
    const pm = await manager(app);
    const cookie = await app.cookieFor(pm);
    const ghent = (await cityGrant(app, "ghent")).id;
    const read = async (query: string, variables?: Record<string, unknown>) => {
      const { result, statements } = await countStatements(app.db, async () => (await app.post({ query, variables }, { cookie })).json());
      expect((result as any).errors).toBeUndefined();
      return statements;
    };
    const measure = async () => ({
      grants: (await read(GRANTS)).length,
      portfolio: (await read(PORTFOLIO)).length,
      csv: (await read("{ grantPortfolioCsv }")).length,
      one: (await read(GRANT, { id: ghent })).length,
    });

    const small = await measure();
    await growData(5);
    const medium = await measure();
    await growData(40);
    const large = await measure();
    expect(medium).toEqual(small);
    expect(large).toEqual(small);
    // the expense relation is loaded once for the list, the per-line figures and the totals together
    const statements = await read(GRANTS);
    expect(statements.filter((s) => /FROM "public"\."Expense"/.test(s))).toHaveLength(1);
    // one statement for the session, one per relation level: 10 for the whole grants page, 8 for the portfolio
    expect(large).toEqual({ grants: 10, portfolio: 8, csv: 8, one: 10 });
  });
});
