import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import {
  APPROVE_EXPENSE,
  APPROVE_TRANCHE,
  DECLARE,
  PAY_TRANCHE,
  SET_CAP,
  approvedBudget,
  declared,
  manager,
  moneyState,
  rawId,
  requestedTranche,
  today,
} from "./support.ts";

let app: TestApp;
// seeding twelve cities on PGlite takes 20 s on an idle machine; more when every core is busy
beforeAll(async () => {
  app = await createTestApp({ seed: true });
}, 180_000);
afterAll(() => app.close());

const STAFF_ONLY = [{ category: "STAFF", plannedCents: 1_000_000 }];
const result = (res: any) => Object.values(res.data ?? {})[0] as any;

describe("idempotency: a repeated request with the same key has one effect", () => {
  it("declares one expense for the same request sent twice, and returns it both times", async () => {
    const g = await approvedBudget(app, "dortmund", STAFF_ONLY);
    const input = { grantId: g.id, category: "STAFF", amountCents: 42_000, spentOn: today(), description: "Interpreter", supplier: "Lingua", idempotencyKey: "declare-1" };
    const before = await app.prisma.expense.count({ where: { grantId: g.grant.id } });
    const first = await app.gql(g.officer, DECLARE, { input });
    const second = await app.gql(g.officer, DECLARE, { input });
    expect(result(first).__typename).toBe("MutationDeclareExpenseSuccess");
    expect(result(second)).toEqual(result(first));
    expect(await app.prisma.expense.count({ where: { grantId: g.grant.id } })).toBe(before + 1);
    expect(await app.prisma.auditEntry.count({ where: { entityId: rawId(result(first).data.id), action: "expense.declared" } })).toBe(1);
  });

  it("pays a tranche once for the same payment sent twice; without a key the repeat is a conflict", async () => {
    const g = await approvedBudget(app, "vienna", STAFF_ONLY);
    const pm = await manager(app);
    const tranche = await requestedTranche(app, g, "PRE_FINANCING", 900_000);
    await app.gql(pm, APPROVE_TRANCHE, { input: { trancheId: tranche } });
    const pay = { trancheId: tranche, idempotencyKey: "pay-vienna-pre" };
    const first = await app.gql(pm, PAY_TRANCHE, { input: pay });
    const second = await app.gql(pm, PAY_TRANCHE, { input: pay });
    expect(result(first).data.status).toBe("PAID");
    expect(result(second)).toEqual(result(first)); // same paidAt: one payment
    expect(await app.prisma.auditEntry.count({ where: { entityId: rawId(tranche), action: "tranche.paid" } })).toBe(1);
    expect(await app.prisma.notification.count({ where: { userId: g.officer.id, kind: "grant.tranche_paid" } })).toBe(1);
    expect(result(await app.gql(pm, PAY_TRANCHE, { input: { trancheId: tranche } }))).toMatchObject({ __typename: "ConflictError", code: "tranche_not_approved" });
  });

  it("refuses a key reused for another request, and writes nothing", async () => {
    const g = await approvedBudget(app, "ghent", STAFF_ONLY);
    const pm = await manager(app);
    const input = { grantId: g.id, category: "STAFF", amountCents: 10_000, spentOn: today(), description: "Room hire", supplier: "Hall", idempotencyKey: "k-1" };
    const expense = result(await app.gql(g.officer, DECLARE, { input })).data.id;

    const before = await moneyState(app);
    const otherAmount = await app.gql(g.officer, DECLARE, { input: { ...input, amountCents: 20_000 } });
    expect(result(otherAmount)).toMatchObject({ __typename: "InputError", issues: [{ path: ["idempotencyKey"], code: "idempotency_key_reused" }] });
    expect(await moneyState(app)).toEqual(before);
    await app.gql(pm, APPROVE_EXPENSE, { input: { expenseId: expense, idempotencyKey: "pm-1" } });
    const afterApproval = await moneyState(app);
    const otherMutation = await app.gql(pm, SET_CAP, { input: { grantId: g.id, capCents: 2_000_000, idempotencyKey: "pm-1" } });
    expect(result(otherMutation).issues).toEqual([{ path: ["idempotencyKey"], code: "idempotency_key_reused" }]);
    expect(await moneyState(app)).toEqual(afterApproval);

    // keys belong to one person: the manager's "k-1" is not the officer's
    const declaredByOfficer = await declared(app, g, 5_000);
    expect(result(await app.gql(pm, APPROVE_EXPENSE, { input: { expenseId: declaredByOfficer, idempotencyKey: "k-1" } })).data.status).toBe("APPROVED");
  });

  it("does not use up a key on a refused request: fixing the input and retrying with the key works", async () => {
    const g = await approvedBudget(app, "athens", STAFF_ONLY);
    const input = { grantId: g.id, category: "STAFF", amountCents: 3_000_001, spentOn: today(), description: "Too much", supplier: "X", idempotencyKey: "retry-1" };
    expect(result(await app.gql(g.officer, DECLARE, { input })).issues[0].code).toBe("over_grant_balance");
    expect(result(await app.gql(g.officer, DECLARE, { input: { ...input, amountCents: 300_000 } })).__typename).toBe("MutationDeclareExpenseSuccess");
    expect(await app.prisma.idempotencyKey.count({ where: { actorId: g.officer.id, key: "retry-1" } })).toBe(1);
  });
});

// PGlite runs one transaction at a time, so a race there proves nothing: these run on PostgreSQL only.
describe.skipIf(!process.env.TEST_DATABASE_URL)("concurrent approvals on PostgreSQL", () => {
  /** Fires every request at once through Yoga, each in its own transaction and connection. */
  async function atOnce(user: { id: string }, query: string, inputs: Record<string, unknown>[]) {
    const cookie = await app.cookieFor(user);
    const responses = await Promise.all(inputs.map((input) => app.post({ query, variables: { input } }, { cookie })));
    return Promise.all(responses.map(async (r) => result(await r.json())));
  }

  it("lets only one of two tranche approvals through when together they would pass the cap", async () => {
    const g = await approvedBudget(app, "milan", STAFF_ONLY);
    const pm = await manager(app);
    const pre = await requestedTranche(app, g, "PRE_FINANCING", 2_000_000);
    const interim = await requestedTranche(app, g, "INTERIM", 1_000_000);
    await app.gql(pm, SET_CAP, { input: { grantId: g.id, capCents: 2_500_000 } }); // each fits alone, not both

    const results = await atOnce(pm, APPROVE_TRANCHE, [{ trancheId: pre }, { trancheId: interim }]);
    const succeeded = results.filter((r) => r.__typename === "MutationApproveTrancheSuccess");
    const refusedByCap = results.filter((r) => r.__typename === "InputError" && r.issues[0].code === "grant_cap_exceeded");
    expect([succeeded.length, refusedByCap.length]).toEqual([1, 1]);

    const grant = await app.prisma.grant.findUniqueOrThrow({ where: { id: g.grant.id }, include: { tranches: true } });
    const approved = grant.tranches.filter((t) => t.status === "APPROVED");
    expect(approved).toHaveLength(1);
    expect(grant.committedCents).toBe(approved[0]!.amountCents);
    expect(grant.committedCents).toBeLessThanOrEqual(grant.capCents);
    expect(await app.prisma.auditEntry.count({ where: { entityId: { in: [rawId(pre), rawId(interim)] }, action: "tranche.approved" } })).toBe(1);
    expect(await app.prisma.auditEntry.count({ where: { entityId: g.grant.id, action: "grant.committed_changed" } })).toBe(1);
  });

  it("lets exactly as many of ten expense approvals through as the cap allows", async () => {
    const g = await approvedBudget(app, "nantes", STAFF_ONLY);
    const pm = await manager(app);
    const expenses: string[] = [];
    for (let i = 0; i < 10; i++) expenses.push(await declared(app, g, 300_000));
    await app.gql(pm, SET_CAP, { input: { grantId: g.id, capCents: 1_000_000 } }); // room for three

    const results = await atOnce(pm, APPROVE_EXPENSE, expenses.map((expenseId) => ({ expenseId })));
    expect(results.filter((r) => r.__typename === "MutationApproveExpenseSuccess")).toHaveLength(3);
    expect(results.filter((r) => r.__typename === "InputError" && r.issues[0].code === "grant_cap_exceeded")).toHaveLength(7);

    const approved = await app.prisma.expense.aggregate({ where: { grantId: g.grant.id, status: "APPROVED" }, _sum: { amountCents: true }, _count: true });
    expect(approved).toMatchObject({ _count: 3, _sum: { amountCents: 900_000 } });
    expect(await app.prisma.auditEntry.count({ where: { entityId: { in: expenses.map(rawId) }, action: "expense.approved" } })).toBe(3);
    expect(await app.prisma.notification.count({ where: { userId: g.officer.id, kind: "grant.expense_decided" } })).toBe(3);
  });

  it("keeps committed money within the cap when ten approvals of three tranches race", async () => {
    const g = await approvedBudget(app, "lublin", STAFF_ONLY);
    const pm = await manager(app);
    const tranches = [
      await requestedTranche(app, g, "PRE_FINANCING", 1_500_000),
      await requestedTranche(app, g, "INTERIM", 1_000_000),
      await requestedTranche(app, g, "FINAL_BALANCE", 500_000),
    ];
    await app.gql(pm, SET_CAP, { input: { grantId: g.id, capCents: 2_000_000 } });

    const inputs = Array.from({ length: 10 }, (_, i) => ({ trancheId: tranches[i % 3]! }));
    const results = await atOnce(pm, APPROVE_TRANCHE, inputs);
    const succeeded = results.filter((r) => r.__typename === "MutationApproveTrancheSuccess");
    // every other answer is a typed refusal: already approved, or over the cap
    expect(results.every((r) => succeeded.includes(r) || r.code === "tranche_not_requested" || r.issues?.[0]?.code === "grant_cap_exceeded")).toBe(true);

    const grant = await app.prisma.grant.findUniqueOrThrow({ where: { id: g.grant.id }, include: { tranches: true } });
    const approved = grant.tranches.filter((t) => t.status === "APPROVED");
    expect(succeeded).toHaveLength(approved.length);
    expect(approved.length).toBeGreaterThanOrEqual(1);
    expect(grant.committedCents).toBe(approved.reduce((s, t) => s + t.amountCents, 0));
    expect(grant.committedCents).toBeLessThanOrEqual(2_000_000);
    // whatever order they ran in, no tranche that was refused would still have fitted
    const left = grant.tranches.filter((t) => t.status === "REQUESTED");
    expect(left.every((t) => grant.committedCents + t.amountCents > grant.capCents)).toBe(true);
    expect(await app.prisma.auditEntry.count({ where: { entityId: { in: tranches.map(rawId) }, action: "tranche.approved" } })).toBe(approved.length);
  });

  it("declares one expense when the same keyed request arrives ten times at once", async () => {
    const g = await approvedBudget(app, "zagreb", STAFF_ONLY);
    const input = { grantId: g.id, category: "STAFF", amountCents: 77_000, spentOn: today(), description: "Same click, ten times", supplier: "S", idempotencyKey: "burst-1" };
    const results = await atOnce(g.officer, DECLARE, Array.from({ length: 10 }, () => input));
    expect(new Set(results.map((r) => r.data?.id)).size).toBe(1);
    expect(results.every((r) => r.__typename === "MutationDeclareExpenseSuccess")).toBe(true);
    expect(await app.prisma.expense.count({ where: { grantId: g.grant.id, description: "Same click, ten times" } })).toBe(1);
  });
});
