import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withinCap } from "@citypeer/api/modules/grants/service";
import { createTestApp, type TestApp } from "../support/app.ts";
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
  REJECT_BUDGET,
  REJECT_EXPENSE,
  REQUEST_TRANCHE,
  SET_CAP,
  SUBMIT_REPORT,
  approvedBudget,
  cityGrant,
  declared,
  gid,
  manager,
  moneyState,
  officer,
  requestedTranche,
  today,
} from "./support.ts";

let app: TestApp;
// seeding twelve cities on PGlite takes 20 s on an idle machine; more when every core is busy
beforeAll(async () => {
  app = await createTestApp({ seed: true });
}, 180_000);
afterAll(() => app.close());

const STAFF_ONLY = [{ category: "STAFF", plannedCents: 2_000_000 }];
const result = (res: any) => Object.values(res.data ?? {})[0] as any;

/** Runs a refused request and checks that it wrote nothing at all. */
async function refused(run: () => Promise<any>) {
  const before = await moneyState(app);
  const res = await run();
  expect(await moneyState(app)).toEqual(before);
  return res;
}

describe("who sees what", () => {
  it("shows a project manager every grant and an officer only their own city's", async () => {
    expect((await app.gql(await manager(app), GRANTS)).data.grants).toHaveLength(12);
    const ghent = await app.gql(await officer(app, "ghent"), GRANTS);
    expect(ghent.data.grants.map((g: any) => g.pilot.organization.name)).toEqual(["Stad Gent"]);
  });

  it("hides another city's grant and its records from an officer, and every grant from people without a grant role", async () => {
    const athens = await approvedBudget(app, "athens", STAFF_ONLY);
    const expenseId = await declared(app, athens, 10_000);
    const ghentOfficer = await officer(app, "ghent");
    expect((await app.gql(ghentOfficer, GRANT, { id: athens.id })).data.grant).toBeNull();
    const node = await app.gql(ghentOfficer, "query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", { ids: [athens.id, expenseId] });
    expect(node.data.nodes).toEqual([null, null]);
    for (const email of ["reviewer.athens@citypeer.eu", "mentor.ghent@citypeer.eu", "admin@citypeer.eu"]) {
      const someone = await app.userByEmail(email);
      expect((await app.gql(someone, GRANTS)).data.grants).toEqual([]);
      expect((await app.gql(someone, GRANT, { id: athens.id })).data.grant).toBeNull();
    }
    // allowed: the city itself and the project team
    expect((await app.gql(athens.officer, GRANT, { id: athens.id })).data.grant.expenses).toHaveLength(1);
    expect((await app.gql(await manager(app), "query ($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: [expenseId] })).data.nodes).toEqual([{ id: expenseId }]);
    expect((await app.gql(null, GRANTS)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("who may do what", () => {
  it("refuses an officer of another city to propose, declare, request or report, and writes nothing", async () => {
    const nantes = await approvedBudget(app, "nantes", STAFF_ONLY);
    const tranche = await requestedTranche(app, nantes, "PRE_FINANCING", 500_000);
    const zagrebOfficer = await officer(app, "zagreb");
    const attempts = [
      () => app.gql(zagrebOfficer, PROPOSE, { input: { grantId: nantes.id, lines: STAFF_ONLY } }),
      () => app.gql(zagrebOfficer, DECLARE, { input: { grantId: nantes.id, category: "STAFF", amountCents: 100, spentOn: today(), description: "x", supplier: "y" } }),
      () => app.gql(zagrebOfficer, REQUEST_TRANCHE, { input: { trancheId: tranche } }),
      () => app.gql(zagrebOfficer, SUBMIT_REPORT, { input: { deadlineId: gid("ReportingDeadline", nantes.deadline("INTERIM_REPORT").id) } }),
    ];
    for (const attempt of attempts) expect((await refused(attempt)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // a reviewer of the same city is not its officer either
    const reviewer = await app.userByEmail("reviewer.nantes@citypeer.eu");
    expect((await refused(() => app.gql(reviewer, PROPOSE, { input: { grantId: nantes.id, lines: STAFF_ONLY } }))).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // allowed: the city's own officer
    expect(result(await app.gql(nantes.officer, PROPOSE, { input: { grantId: nantes.id, lines: STAFF_ONLY } })).__typename).toBe("MutationProposeBudgetSuccess");
  });

  it("refuses an officer to approve, reject, pay, plan or set the cap, even for their own city, and writes nothing", async () => {
    const cluj = await cityGrant(app, "cluj");
    await app.gql(cluj.officer, PROPOSE, { input: { grantId: cluj.id, lines: STAFF_ONLY } });
    const tranche = await requestedTranche(app, cluj, "PRE_FINANCING", 500_000);
    const expenseId = await declared(app, cluj, 10_000);
    const attempts = [
      () => app.gql(cluj.officer, APPROVE_BUDGET, { input: { grantId: cluj.id } }),
      () => app.gql(cluj.officer, REJECT_BUDGET, { input: { grantId: cluj.id, reason: "no" } }),
      () => app.gql(cluj.officer, SET_CAP, { input: { grantId: cluj.id, capCents: 4_000_000 } }),
      () => app.gql(cluj.officer, PLAN_TRANCHE, { input: { grantId: cluj.id, kind: "INTERIM", amountCents: 1, plannedDate: "2027-01-01" } }),
      () => app.gql(cluj.officer, APPROVE_TRANCHE, { input: { trancheId: tranche } }),
      () => app.gql(cluj.officer, PAY_TRANCHE, { input: { trancheId: tranche } }),
      () => app.gql(cluj.officer, APPROVE_EXPENSE, { input: { expenseId } }),
      () => app.gql(cluj.officer, REJECT_EXPENSE, { input: { expenseId, reason: "no" } }),
      () => app.gql(cluj.officer, ACCEPT_REPORT, { input: { deadlineId: gid("ReportingDeadline", cluj.deadline("INTERIM_REPORT").id) } }),
    ];
    for (const attempt of attempts) expect((await refused(attempt)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // allowed: a project manager
    expect(result(await app.gql(await manager(app), APPROVE_EXPENSE, { input: { expenseId } })).__typename).toBe("MutationApproveExpenseSuccess");
  });
});

describe("money rules: refused with a typed error on the right field, nothing written", () => {
  it("refuses a budget over the cap and accepts one exactly at it", async () => {
    const g = await cityGrant(app, "lublin");
    const over = [{ category: "STAFF", plannedCents: 2_000_000 }, { category: "OTHER", plannedCents: 1_000_001 }];
    const res = await refused(() => app.gql(g.officer, PROPOSE, { input: { grantId: g.id, lines: over } }));
    expect(result(res)).toMatchObject({ __typename: "InputError", issues: [{ path: ["lines"], code: "budget_over_cap" }] });
    const negative = await refused(() => app.gql(g.officer, PROPOSE, { input: { grantId: g.id, lines: [{ category: "STAFF", plannedCents: -5 }] } }));
    expect(result(negative).issues).toEqual([{ path: ["lines", "0", "plannedCents"], code: "too_small" }]);
    const exact = [{ category: "STAFF", plannedCents: 2_000_000 }, { category: "OTHER", plannedCents: 1_000_000 }];
    expect(result(await app.gql(g.officer, PROPOSE, { input: { grantId: g.id, lines: exact } })).data.budgetStatus).toBe("PROPOSED");
  });

  it("refuses a tranche approval that would commit more than the cap", async () => {
    const g = await approvedBudget(app, "vienna", STAFF_ONLY);
    const pm = await manager(app);
    const pre = await requestedTranche(app, g, "PRE_FINANCING", 2_000_000);
    const interim = await requestedTranche(app, g, "INTERIM", 1_000_000);
    expect(result(await app.gql(pm, APPROVE_TRANCHE, { input: { trancheId: pre } })).data.grant.committedCents).toBe(2_000_000);
    // the agreement was amended: the cap goes down to EUR 25,000 (still above what is committed and budgeted)
    expect(result(await app.gql(pm, SET_CAP, { input: { grantId: g.id, capCents: 2_500_000 } })).data.capCents).toBe(2_500_000);
    const res = await refused(() => app.gql(pm, APPROVE_TRANCHE, { input: { trancheId: interim } }));
    expect(result(res)).toMatchObject({ __typename: "InputError", issues: [{ path: ["trancheId"], code: "grant_cap_exceeded" }] });
    expect((await app.prisma.grant.findUniqueOrThrow({ where: { id: g.grant.id } })).committedCents).toBe(2_000_000);
    // allowed again once the cap is back up
    await app.gql(pm, SET_CAP, { input: { grantId: g.id, capCents: 3_000_000 } });
    expect(result(await app.gql(pm, APPROVE_TRANCHE, { input: { trancheId: interim } })).data.grant.committedCents).toBe(3_000_000);
  });

  it("refuses a cap below what is committed, budgeted or spent", async () => {
    const g = await approvedBudget(app, "fuenlabrada", [{ category: "STAFF", plannedCents: 1_000_000 }]);
    const pm = await manager(app);
    const pre = await requestedTranche(app, g, "PRE_FINANCING", 1_200_000);
    await app.gql(pm, APPROVE_TRANCHE, { input: { trancheId: pre } });
    await app.gql(pm, APPROVE_EXPENSE, { input: { expenseId: await declared(app, g, 1_100_000) } });
    const below = await refused(() => app.gql(pm, SET_CAP, { input: { grantId: g.id, capCents: 999_999 } }));
    expect(result(below).issues).toEqual([
      { path: ["capCents"], code: "cap_below_committed" },
      { path: ["capCents"], code: "cap_below_budget" },
      { path: ["capCents"], code: "cap_below_approved_spend" },
    ]);
    expect(result(await refused(() => app.gql(pm, SET_CAP, { input: { grantId: g.id, capCents: 0 } }))).issues[0]).toMatchObject({ path: ["capCents"], code: "too_small" });
    expect(result(await app.gql(pm, SET_CAP, { input: { grantId: g.id, capCents: 1_200_000 } })).data.capCents).toBe(1_200_000);
  });

  it("pays the final balance only after the final report is accepted", async () => {
    const g = await approvedBudget(app, "gothenburg", STAFF_ONLY);
    const pm = await manager(app);
    const final = await requestedTranche(app, g, "FINAL_BALANCE", 600_000);
    await app.gql(pm, APPROVE_TRANCHE, { input: { trancheId: final } });
    const early = await refused(() => app.gql(pm, PAY_TRANCHE, { input: { trancheId: final } }));
    expect(result(early)).toMatchObject({ __typename: "InputError", issues: [{ path: ["trancheId"], code: "final_report_not_accepted" }] });

    const report = gid("ReportingDeadline", g.deadline("FINAL_REPORT").id);
    await app.gql(g.officer, SUBMIT_REPORT, { input: { deadlineId: report } });
    expect(result(await refused(() => app.gql(pm, PAY_TRANCHE, { input: { trancheId: final } }))).issues[0].code).toBe("final_report_not_accepted"); // submitted is not enough
    await app.gql(pm, ACCEPT_REPORT, { input: { deadlineId: report } });
    expect(result(await app.gql(pm, PAY_TRANCHE, { input: { trancheId: final } })).data.status).toBe("PAID");
  });

  it("refuses to reject an expense without a reason, missing or blank", async () => {
    const g = await approvedBudget(app, "milan", STAFF_ONLY);
    const expenseId = await declared(app, g, 25_000);
    const pm = await manager(app);
    for (const reason of [undefined, "", "   "]) {
      const res = await refused(() => app.gql(pm, REJECT_EXPENSE, { input: { expenseId, reason } }));
      expect(result(res)).toMatchObject({ __typename: "InputError", issues: [{ path: ["reason"], code: "too_small" }] });
    }
    const budgetReason = await refused(() => app.gql(pm, REJECT_BUDGET, { input: { grantId: g.id, reason: " " } }));
    expect(result(budgetReason).issues).toEqual([{ path: ["reason"], code: "too_small" }]);
    expect(result(await app.gql(pm, REJECT_EXPENSE, { input: { expenseId, reason: "Not eligible: VAT is recoverable" } })).data.status).toBe("REJECTED");
    // decided once: a second decision is a conflict
    expect(result(await refused(() => app.gql(pm, APPROVE_EXPENSE, { input: { expenseId } })))).toEqual({ __typename: "ConflictError", message: "This expense was already decided", code: "expense_already_decided" });
  });

  it("refuses an expense beyond what is left of the grant, dated in the future, or with another city's receipt", async () => {
    const g = await approvedBudget(app, "sofia", STAFF_ONLY);
    const base = { grantId: g.id, category: "STAFF", spentOn: today(), description: "Trainer", supplier: "Trainer Ltd" };
    await declared(app, g, 2_900_000);
    const over = await refused(() => app.gql(g.officer, DECLARE, { input: { ...base, amountCents: 100_001 } }));
    expect(result(over).issues).toEqual([{ path: ["amountCents"], code: "over_grant_balance" }]);
    const future = await refused(() => app.gql(g.officer, DECLARE, { input: { ...base, amountCents: 100, spentOn: "2099-01-01" } }));
    expect(result(future).issues).toEqual([{ path: ["spentOn"], code: "date_in_future" }]);
    const badDate = await refused(() => app.gql(g.officer, DECLARE, { input: { ...base, amountCents: 100, spentOn: "2026-02-30" } }));
    expect(result(badDate).issues[0]).toMatchObject({ path: ["spentOn"] });

    const otherCity = await app.prisma.attachment.create({
      data: { sha256: "a".repeat(64), fileName: "x.pdf", mimeType: "application/pdf", sizeBytes: 10, uploadedById: (await officer(app, "athens")).id },
    });
    const foreign = await refused(() => app.gql(g.officer, DECLARE, { input: { ...base, amountCents: 100, receiptAttachmentId: gid("Attachment", otherCity.id) } }));
    expect(result(foreign).issues).toEqual([{ path: ["receiptAttachmentId"], code: "attachment_not_found" }]);
    // allowed: a receipt uploaded by someone of the same city, within the balance
    const own = await app.prisma.attachment.create({
      data: { sha256: "b".repeat(64), fileName: "receipt.pdf", mimeType: "application/pdf", sizeBytes: 10, uploadedById: g.officer.id },
    });
    const ok = await app.gql(g.officer, DECLARE, { input: { ...base, amountCents: 100_000, receiptAttachmentId: gid("Attachment", own.id) } });
    expect(result(ok).data.receipt).toEqual({ fileName: "receipt.pdf" });
  });

  it("refuses an expense approval that would spend more than the cap", async () => {
    const g = await approvedBudget(app, "zagreb", STAFF_ONLY);
    const pm = await manager(app);
    const first = await declared(app, g, 2_000_000);
    const second = await declared(app, g, 1_000_000);
    await app.gql(pm, APPROVE_EXPENSE, { input: { expenseId: first } });
    await app.gql(pm, SET_CAP, { input: { grantId: g.id, capCents: 2_500_000 } });
    const res = await refused(() => app.gql(pm, APPROVE_EXPENSE, { input: { expenseId: second } }));
    expect(result(res).issues).toEqual([{ path: ["expenseId"], code: "grant_cap_exceeded" }]);
  });

  it("moves tranches and budgets only one step at a time", async () => {
    const g = await approvedBudget(app, "athens", STAFF_ONLY);
    const pm = await manager(app);
    const planned = result(await app.gql(pm, PLAN_TRANCHE, { input: { grantId: g.id, kind: "INTERIM", amountCents: 900_000, plannedDate: "2027-05-01" } })).data.id;
    expect(result(await refused(() => app.gql(pm, APPROVE_TRANCHE, { input: { trancheId: planned } })))).toMatchObject({ __typename: "ConflictError", code: "tranche_not_requested" });
    expect(result(await refused(() => app.gql(pm, PAY_TRANCHE, { input: { trancheId: planned } })))).toMatchObject({ __typename: "ConflictError", code: "tranche_not_approved" });
    const overPlanned = await refused(() => app.gql(pm, PLAN_TRANCHE, { input: { grantId: g.id, kind: "FINAL_BALANCE", amountCents: 2_100_001, plannedDate: "2028-01-01" } }));
    expect(result(overPlanned).issues).toEqual([{ path: ["amountCents"], code: "tranche_total_over_cap" }]);
    await app.gql(g.officer, REQUEST_TRANCHE, { input: { trancheId: planned } });
    expect(result(await refused(() => app.gql(g.officer, REQUEST_TRANCHE, { input: { trancheId: planned } })))).toMatchObject({ code: "tranche_not_planned" });
    const replan = await refused(() => app.gql(pm, PLAN_TRANCHE, { input: { grantId: g.id, kind: "INTERIM", amountCents: 1, plannedDate: "2027-05-01" } }));
    expect(result(replan).issues).toEqual([{ path: ["kind"], code: "tranche_not_planned" }]);
    // an approved budget is approved again only after a new proposal
    expect(result(await refused(() => app.gql(pm, APPROVE_BUDGET, { input: { grantId: g.id } })))).toMatchObject({ __typename: "ConflictError", code: "budget_not_proposed" });
  });

  it("rejects a proposed budget with a reason: a first proposal stays a draft, a change keeps the approved budget", async () => {
    const g = await cityGrant(app, "ghent");
    const pm = await manager(app);
    await app.gql(g.officer, PROPOSE, { input: { grantId: g.id, lines: STAFF_ONLY } });
    expect(result(await app.gql(pm, REJECT_BUDGET, { input: { grantId: g.id, reason: "Add co-design costs" } })).data.budgetStatus).toBe("NOT_PROPOSED");
    const note = await app.prisma.notification.findFirstOrThrow({ where: { userId: g.officer.id, kind: "grant.budget_decided" } });
    expect(note.payload).toMatchObject({ decision: "REJECTED", reason: "Add co-design costs" });

    const lines = [...STAFF_ONLY, { category: "CO_DESIGN_PARTICIPATION", plannedCents: 300_000 }];
    await app.gql(g.officer, PROPOSE, { input: { grantId: g.id, lines } });
    await app.gql(pm, APPROVE_BUDGET, { input: { grantId: g.id } });
    await app.gql(g.officer, PROPOSE, { input: { grantId: g.id, lines: [{ category: "STAFF", plannedCents: 2_900_000 }] } });
    expect(result(await app.gql(pm, REJECT_BUDGET, { input: { grantId: g.id, reason: "Too much staff" } })).data.budgetStatus).toBe("APPROVED");
    const view = (await app.gql(pm, GRANT, { id: g.id })).data.grant;
    expect(view.budgetLines.filter((l: any) => l.plannedCents > 0).map((l: any) => [l.category, l.plannedCents, l.approvedCents])).toEqual([
      ["STAFF", 2_000_000, 2_000_000],
      ["CO_DESIGN_PARTICIPATION", 300_000, 300_000],
    ]);
    const audit = await app.prisma.auditEntry.findFirstOrThrow({ where: { entityId: g.grant.id, action: "budget.rejected" }, orderBy: { seq: "desc" } });
    expect(audit.after).toMatchObject({ budgetStatus: "APPROVED", reason: "Too much staff" });
  });

  it("answers an unknown record with NotFoundError", async () => {
    const missing = gid("Expense", "00000000-0000-4000-8000-000000000000");
    expect(result(await app.gql(await manager(app), APPROVE_EXPENSE, { input: { expenseId: missing } }))).toMatchObject({ __typename: "NotFoundError", entity: "Expense" });
  });
});

describe("the database backstop", () => {
  it("turns a CHECK violation on the grant into an InputError and keeps nothing", async () => {
    const g = await cityGrant(app, "dortmund");
    const attempt = app.prisma.$transaction((tx) =>
      withinCap(["trancheId"], () => tx.grant.update({ where: { id: g.grant.id }, data: { committedCents: g.grant.capCents + 1 } })),
    );
    await expect(attempt).rejects.toMatchObject({ issues: [{ path: ["trancheId"], code: "grant_cap_exceeded" }] });
    const budget = app.prisma.$transaction((tx) => withinCap(["lines"], () => tx.grant.update({ where: { id: g.grant.id }, data: { budgetTotalCents: 3_000_001 } })));
    await expect(budget).rejects.toMatchObject({ issues: [{ path: ["lines"], code: "budget_over_cap" }] });
    expect(await app.prisma.grant.findUniqueOrThrow({ where: { id: g.grant.id } })).toMatchObject({ committedCents: 0, budgetTotalCents: 0 });
  });
});
