import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER } from "@citypeer/api/app";
import { verifyAuditChain } from "@citypeer/api/modules/audit/service";
import { createTestApp, type TestApp } from "../support/app.ts";
import { PDF, PNG, multipartBody } from "../attachments/fixtures.ts";
import {
  ACCEPT_REPORT,
  APPROVE_BUDGET,
  APPROVE_EXPENSE,
  APPROVE_TRANCHE,
  DECLARE,
  GRANT,
  GRANTS,
  PAY_TRANCHE,
  PLAN_TRANCHE,
  PROPOSE,
  REJECT_EXPENSE,
  REQUEST_TRANCHE,
  SUBMIT_REPORT,
  cityGrant,
  gid,
  manager,
  rawId,
  today,
} from "./support.ts";

let app: TestApp;
let dataDir: string;
const previousDataDir = process.env.CITYPEER_DATA_DIR;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "citypeer-grants-"));
  process.env.CITYPEER_DATA_DIR = dataDir;
  app = await createTestApp({ seed: true });
}, 180_000); // seeding twelve cities on PGlite takes 20 s on an idle machine; more when every core is busy
afterAll(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
  if (previousDataDir === undefined) delete process.env.CITYPEER_DATA_DIR;
  else process.env.CITYPEER_DATA_DIR = previousDataDir;
});

const UPLOAD = /* GraphQL */ `
  mutation ($input: UploadAttachmentInput!) {
    uploadAttachment(input: $input) { __typename ... on MutationUploadAttachmentSuccess { data { id fileName } } }
  }
`;

/** Uploads a file through the real multipart `uploadAttachment` mutation; returns the attachment's global id. */
async function upload(user: { id: string }, name: string, type: string, bytes: Uint8Array, purpose: "RECEIPT" | "REPORT") {
  const { body, contentType } = multipartBody({ query: UPLOAD, variables: { input: { file: null, purpose } } }, "variables.input.file", { name, type, bytes });
  const response = await app.yoga.fetch(
    "http://citypeer.test/graphql",
    { method: "POST", headers: { "content-type": contentType, [CSRF_HEADER]: "1", cookie: await app.cookieFor(user) }, body },
    { ip: "203.0.113.7" },
  );
  const json = (await response.json()) as any;
  expect(json.data.uploadAttachment.__typename).toBe("MutationUploadAttachmentSuccess");
  return json.data.uploadAttachment.data.id as string;
}

const BUDGET = [
  { category: "STAFF", plannedCents: 1_500_000 },
  { category: "TRAVEL_SUBSISTENCE", plannedCents: 300_000 },
  { category: "EQUIPMENT", plannedCents: 200_000 },
  { category: "EXTERNAL_SERVICES", plannedCents: 600_000 },
  { category: "CO_DESIGN_PARTICIPATION", plannedCents: 300_000 },
  { category: "OTHER", plannedCents: 100_000 },
];

describe("a pilot grant from budget to final balance", () => {
  it("is budgeted, paid, spent and reported, with every step in the audit trail", async () => {
    const g = await cityGrant(app, "dortmund");
    const pm = await manager(app);
    const lineOf = (grant: any, category: string) => grant.budgetLines.find((l: any) => l.category === category);

    // the city sees its own grant only, with the EUR 30,000 cap
    const mine = await app.gql(g.officer, GRANTS);
    expect(mine.data.grants).toHaveLength(1);
    expect(mine.data.grants[0]).toMatchObject({ id: g.id, capCents: 3_000_000, budgetStatus: "NOT_PROPOSED", pilot: { organization: { name: "Stadt Dortmund" } } });

    // 1. the city proposes its budget, the manager approves it
    const proposed = await app.gql(g.officer, PROPOSE, { input: { grantId: g.id, lines: BUDGET } });
    expect(proposed.data.proposeBudget.data.budgetStatus).toBe("PROPOSED");
    const approved = await app.gql(pm, APPROVE_BUDGET, { input: { grantId: g.id } });
    expect(approved.data.approveBudget.data.budgetStatus).toBe("APPROVED");
    const budgetNote = await app.prisma.notification.findFirstOrThrow({ where: { userId: g.officer.id, kind: "grant.budget_decided" } });
    expect(budgetNote.payload).toMatchObject({ decision: "APPROVED" });

    // 2. pre-financing: planned by the manager, requested by the city, approved and paid by the manager
    const tranches: Record<string, string> = {};
    for (const [kind, amountCents, plannedDate] of [
      ["PRE_FINANCING", 1_200_000, "2026-12-01"],
      ["INTERIM", 1_200_000, "2027-06-01"],
      ["FINAL_BALANCE", 600_000, "2028-02-01"],
    ] as const) {
      const planned = await app.gql(pm, PLAN_TRANCHE, { input: { grantId: g.id, kind, amountCents, plannedDate } });
      expect(planned.data.planTranche.data).toMatchObject({ kind, status: "PLANNED", amountCents, plannedDate });
      tranches[kind] = planned.data.planTranche.data.id;
    }
    expect((await app.gql(g.officer, REQUEST_TRANCHE, { input: { trancheId: tranches.PRE_FINANCING } })).data.requestTranche.data.status).toBe("REQUESTED");
    const preApproved = await app.gql(pm, APPROVE_TRANCHE, { input: { trancheId: tranches.PRE_FINANCING } });
    expect(preApproved.data.approveTranche.data).toMatchObject({ status: "APPROVED", grant: { committedCents: 1_200_000 } });
    expect((await app.gql(pm, PAY_TRANCHE, { input: { trancheId: tranches.PRE_FINANCING } })).data.markTranchePaid.data.status).toBe("PAID");
    const paidNote = await app.prisma.notification.findFirstOrThrow({ where: { userId: g.officer.id, kind: "grant.tranche_paid" } });
    expect(paidNote.payload).toMatchObject({ tranche: "PRE_FINANCING" });

    // 3. the city declares expenses with receipts uploaded through the real multipart mutation
    const invoice = await upload(g.officer, "invoice.pdf", "application/pdf", PDF, "RECEIPT");
    const ticket = await upload(g.officer, "ticket.png", "image/png", PNG, "RECEIPT");
    const declare = async (category: string, amountCents: number, description: string, receiptAttachmentId?: string) => {
      const res = await app.gql(g.officer, DECLARE, { input: { grantId: g.id, category, amountCents, spentOn: today(), description, supplier: "Supplier GmbH", receiptAttachmentId } });
      expect(res.data.declareExpense.__typename).toBe("MutationDeclareExpenseSuccess");
      return res.data.declareExpense.data;
    };
    const staff = await declare("STAFF", 400_000, "Coordinator, three months", invoice);
    expect(staff).toMatchObject({ status: "DECLARED", receipt: { fileName: "invoice.pdf" }, declaredBy: { email: "officer.dortmund@citypeer.eu" } });
    const travel = await declare("TRAVEL_SUBSISTENCE", 50_000, "Study visit to Ghent", ticket);
    const laptops = await declare("EQUIPMENT", 250_000, "Laptops for the drop-in centre", invoice);

    // 4. the manager approves two and rejects one with a reason
    expect((await app.gql(pm, APPROVE_EXPENSE, { input: { expenseId: staff.id } })).data.approveExpense.data).toMatchObject({ status: "APPROVED", decidedBy: { email: "manager@citypeer.eu" } });
    expect((await app.gql(pm, APPROVE_EXPENSE, { input: { expenseId: laptops.id } })).data.approveExpense.data.status).toBe("APPROVED");
    const rejected = await app.gql(pm, REJECT_EXPENSE, { input: { expenseId: travel.id, reason: "No boarding pass attached" } });
    expect(rejected.data.rejectExpense.data).toMatchObject({ status: "REJECTED", rejectionReason: "No boarding pass attached" });
    const expenseNote = await app.prisma.notification.findFirstOrThrow({ where: { userId: g.officer.id, kind: "grant.expense_decided", payload: { path: ["decision"], equals: "REJECTED" } } });
    expect(expenseNote.payload).toMatchObject({ description: "Study visit to Ghent", decision: "REJECTED", reason: "No boarding pass attached" });
    const pending = await declare("OTHER", 20_000, "Translation of flyers");

    // 5. the balances: overall and per category
    const view = (await app.gql(g.officer, GRANT, { id: g.id })).data.grant;
    expect(view.totals).toMatchObject({
      capCents: 3_000_000,
      committedCents: 1_200_000,
      paidCents: 1_200_000,
      budgetPlannedCents: 3_000_000,
      budgetApprovedCents: 3_000_000,
      approvedSpendCents: 650_000,
      pendingSpendCents: 20_000,
      remainingCents: 2_350_000,
      availableCents: 2_330_000,
      burnRateCentsPerMonth: 650_000, // spent today: at least one month
      overdueReportCount: 0,
      overrunCategories: ["EQUIPMENT"],
    });
    expect(view.totals.forecastEndBalanceCents).toBeLessThan(view.totals.remainingCents);
    expect(lineOf(view, "STAFF")).toEqual({
      category: "STAFF", plannedCents: 1_500_000, approvedCents: 1_500_000, approvedSpendCents: 400_000, pendingSpendCents: 0,
      remainingCents: 1_100_000, availableCents: 1_100_000, overrunCents: 0, isOverrun: false,
    });
    expect(lineOf(view, "EQUIPMENT")).toMatchObject({ approvedSpendCents: 250_000, remainingCents: -50_000, overrunCents: 50_000, isOverrun: true }); // 125% of the line
    expect(lineOf(view, "TRAVEL_SUBSISTENCE")).toMatchObject({ approvedSpendCents: 0, remainingCents: 300_000, availableCents: 300_000 }); // rejected counts nowhere
    expect(lineOf(view, "OTHER")).toMatchObject({ pendingSpendCents: 20_000, remainingCents: 100_000, availableCents: 80_000 });
    expect(view.expenses.map((e: any) => e.description)).toEqual(["Translation of flyers", "Laptops for the drop-in centre", "Study visit to Ghent", "Coordinator, three months"]);
    expect(view.tranches.map((t: any) => `${t.kind}:${t.status}`)).toEqual(["PRE_FINANCING:PAID", "INTERIM:PLANNED", "FINAL_BALANCE:PLANNED"]);

    // 6. a budget change after approval waits for approval; spending is measured against the last approved amounts meanwhile
    const change = BUDGET.map((l) => (l.category === "STAFF" ? { ...l, plannedCents: 1_300_000 } : l.category === "EQUIPMENT" ? { ...l, plannedCents: 400_000 } : l));
    expect((await app.gql(g.officer, PROPOSE, { input: { grantId: g.id, lines: change } })).data.proposeBudget.data.budgetStatus).toBe("PROPOSED");
    const waiting = (await app.gql(pm, GRANT, { id: g.id })).data.grant;
    expect(lineOf(waiting, "EQUIPMENT")).toMatchObject({ plannedCents: 400_000, approvedCents: 200_000, isOverrun: true });
    await app.gql(pm, APPROVE_BUDGET, { input: { grantId: g.id } });
    const changed = (await app.gql(pm, GRANT, { id: g.id })).data.grant;
    expect(lineOf(changed, "EQUIPMENT")).toMatchObject({ plannedCents: 400_000, approvedCents: 400_000, remainingCents: 150_000, isOverrun: false });
    expect(changed.totals.overrunCategories).toEqual([]);

    // 7. reports: interim submitted with its document and accepted; the final report unlocks the final balance
    const reportFile = await upload(g.officer, "interim.pdf", "application/pdf", PDF, "REPORT");
    const interim = gid("ReportingDeadline", g.deadline("INTERIM_REPORT").id);
    const submitted = await app.gql(g.officer, SUBMIT_REPORT, { input: { deadlineId: interim, documentAttachmentId: reportFile } });
    expect(submitted.data.submitReport.data).toMatchObject({ isOverdue: false, document: { fileName: "interim.pdf" } });
    expect((await app.gql(pm, ACCEPT_REPORT, { input: { deadlineId: interim } })).data.acceptReport.data.acceptedAt).toBeTruthy();
    const final = gid("ReportingDeadline", g.deadline("FINAL_REPORT").id);
    await app.gql(g.officer, SUBMIT_REPORT, { input: { deadlineId: final } });
    await app.gql(pm, ACCEPT_REPORT, { input: { deadlineId: final } });
    for (const kind of ["INTERIM", "FINAL_BALANCE"]) {
      await app.gql(g.officer, REQUEST_TRANCHE, { input: { trancheId: tranches[kind] } });
      expect((await app.gql(pm, APPROVE_TRANCHE, { input: { trancheId: tranches[kind] } })).data.approveTranche.__typename).toBe("MutationApproveTrancheSuccess");
      expect((await app.gql(pm, PAY_TRANCHE, { input: { trancheId: tranches[kind] } })).data.markTranchePaid.data.status).toBe("PAID");
    }
    const done = await app.prisma.grant.findUniqueOrThrow({ where: { id: g.grant.id } });
    expect(done.committedCents).toBe(3_000_000);

    // 8. the audit trail: who, when, before and after, for the grant, its lines, tranches and expenses
    const trail = async (entityType: string, id: string) =>
      app.prisma.auditEntry.findMany({ where: { entityType, entityId: id }, orderBy: { seq: "asc" } });
    const grantTrail = await trail("Grant", g.grant.id);
    expect(grantTrail.map((a) => a.action)).toEqual([
      "budget.proposed", "budget.approved", "grant.committed_changed", "budget.proposed", "budget.approved", "grant.committed_changed", "grant.committed_changed",
    ]);
    expect(grantTrail[0]).toMatchObject({ actorId: g.officer.id, before: { budgetStatus: "NOT_PROPOSED", budgetTotalCents: 0 }, after: { budgetStatus: "PROPOSED", budgetTotalCents: 3_000_000 } });
    expect(grantTrail[2]).toMatchObject({ actorId: pm.id, before: { committedCents: 0 }, after: { committedCents: 1_200_000 } });

    const staffLine = await app.prisma.budgetLine.findFirstOrThrow({ where: { grantId: g.grant.id, category: "STAFF" } });
    const lineTrail = await trail("BudgetLine", staffLine.id);
    expect(lineTrail.map((a) => [a.action, a.before, a.after])).toEqual([
      ["budget_line.proposed", null, { category: "STAFF", plannedCents: 1_500_000, approvedCents: null }],
      ["budget_line.approved", { category: "STAFF", plannedCents: 1_500_000, approvedCents: null }, { category: "STAFF", plannedCents: 1_500_000, approvedCents: 1_500_000 }],
      ["budget_line.proposed", { category: "STAFF", plannedCents: 1_500_000, approvedCents: 1_500_000 }, { category: "STAFF", plannedCents: 1_300_000, approvedCents: 1_500_000 }],
      ["budget_line.approved", { category: "STAFF", plannedCents: 1_300_000, approvedCents: 1_500_000 }, { category: "STAFF", plannedCents: 1_300_000, approvedCents: 1_300_000 }],
    ]);

    const preTrail = await trail("Tranche", rawId(tranches.PRE_FINANCING!));
    expect(preTrail.map((a) => [a.action, (a.before as any)?.status ?? null, (a.after as any).status, a.actorId])).toEqual([
      ["tranche.planned", null, "PLANNED", pm.id],
      ["tranche.requested", "PLANNED", "REQUESTED", g.officer.id],
      ["tranche.approved", "REQUESTED", "APPROVED", pm.id],
      ["tranche.paid", "APPROVED", "PAID", pm.id],
    ]);

    const travelTrail = await trail("Expense", rawId(travel.id));
    expect(travelTrail.map((a) => a.action)).toEqual(["expense.declared", "expense.rejected"]);
    expect(travelTrail[1]).toMatchObject({
      actorId: pm.id,
      before: { status: "DECLARED", amountCents: 50_000, rejectionReason: null },
      after: { status: "REJECTED", rejectionReason: "No boarding pass attached", decidedById: pm.id },
    });
    expect(travelTrail.every((a) => a.occurredAt instanceof Date)).toBe(true);
    expect((await trail("Expense", rawId(pending.id))).map((a) => a.action)).toEqual(["expense.declared"]);
    expect((await trail("ReportingDeadline", g.deadline("FINAL_REPORT").id)).map((a) => a.action)).toEqual(["report.submitted", "report.accepted"]);

    // the manager reads the same trail through the API, and the hash chain is intact
    const log = await app.gql(pm, `query ($id: String!) { auditLog(entityType: "Expense", entityId: $id) { action actor { email } before after } }`, { id: rawId(travel.id) });
    expect(log.data.auditLog[0]).toMatchObject({ action: "expense.rejected", actor: { email: "manager@citypeer.eu" } });
    expect((await verifyAuditChain(app.prisma)).ok).toBe(true);
  });
});
