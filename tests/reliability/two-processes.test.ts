/**
 * Two API processes against one PostgreSQL database, as a city would run them behind a load balancer:
 * whatever one process knows (sessions, sign-in failures, money already approved) the other knows too,
 * because it lives in the database and not in a process.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@citypeer/db";
import { verifyAuditChain } from "@citypeer/api/modules/audit/service";
import { seed } from "../../prisma/seed/index.ts";
import { APPROVE_BUDGET, APPROVE_EXPENSE, DECLARE, PROPOSE, SET_CAP, gid, rawId } from "../api/grants/support.ts";
import { emptyDatabase, type TestDatabase } from "./support/database.ts";
import { HttpClient, ME, SIGN_IN, SIGN_OUT, signIn } from "./support/http.ts";
import { startServer, type ServerProcess } from "./support/server.ts";

const PORT = Number(process.env.RELIABILITY_PORT ?? 4610);

let database: TestDatabase;
let db: Db;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  database = await emptyDatabase("citypeer_two");
  db = await createDb({ url: database.url, poolSize: 3 });
  await seed(db.prisma);
  // the first runs the background jobs, the second serves requests only (WORKER=separate)
  [a, b] = await Promise.all([
    startServer({ port: PORT, databaseUrl: database.url }),
    startServer({ port: PORT + 1, databaseUrl: database.url, env: { WORKER: "separate" } }),
  ]);
}, 240_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.close();
  await database?.drop();
});

describe("two API processes on one PostgreSQL database", () => {
  it("accepts a session made on one process on the other, and ends it on both", async () => {
    const browser = await signIn(a.url, "officer.ghent@citypeer.eu");
    expect((await browser.gql(b.url, ME)).body.data.me.email).toBe("officer.ghent@citypeer.eu");
    expect((await browser.gql(a.url, ME)).body.data.me.email).toBe("officer.ghent@citypeer.eu");

    const cookie = browser.cookie;
    expect((await browser.gql(b.url, SIGN_OUT)).body.data.signOut).toBe(true);
    // the old cookie, replayed: the session ended in the database, so neither process knows it any more
    const replay = new HttpClient(cookie);
    expect((await replay.gql(a.url, ME)).body.data.me).toBeNull();
    expect((await replay.gql(b.url, ME)).body.data.me).toBeNull();
  });

  it("counts failed sign-ins on both processes towards one throttle", async () => {
    const email = "officer.zagreb@citypeer.eu";
    const attempt = async (server: ServerProcess, password: string) => {
      const res = await new HttpClient().gql(server.url, SIGN_IN, { input: { email, password } });
      return res.body.data.signIn as { __typename: string; retryAfterSeconds?: number; issues?: { code: string }[] };
    };
    // five free failures on the account (THROTTLE.account), spread over both processes
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await attempt(i % 2 === 0 ? a : b, `wrong-${i}`));
    expect(answers.map((x) => x.issues?.[0]?.code)).toEqual(Array(5).fill("invalid_credentials"));
    expect(await db.prisma.signInThrottle.findUnique({ where: { key: `account:${email}` } })).toMatchObject({ failures: 5 });

    // the fifth failure (on A) blocks the account on B as well, even with the right password
    const onB = await attempt(b, "citypeer-demo");
    expect(onB).toMatchObject({ __typename: "TooManyAttemptsError" });
    expect(onB.retryAfterSeconds).toBeGreaterThan(0);
    expect(await attempt(a, "citypeer-demo")).toMatchObject({ __typename: "TooManyAttemptsError" });

    // once the wait is over, the right password works (on either) and clears the count for both
    await new Promise((r) => setTimeout(r, onB.retryAfterSeconds! * 1000 + 200));
    expect(await attempt(b, "citypeer-demo")).toMatchObject({ __typename: "MutationSignInSuccess" });
    expect(await db.prisma.signInThrottle.findUnique({ where: { key: `account:${email}` } })).toBeNull();
  });

  it("keeps the grant cap when approvals race on both processes", async () => {
    const officer = await signIn(a.url, "officer.vienna@citypeer.eu");
    const managerOnA = await signIn(a.url, "manager@citypeer.eu");
    const managerOnB = await signIn(b.url, "manager@citypeer.eu");
    const grant = await db.prisma.grant.findFirstOrThrow({ where: { pilot: { organization: { slug: "vienna" } } } });
    const grantId = gid("Grant", grant.id);
    const ok = (res: { body: { data?: Record<string, { __typename: string }> } }) => {
      const answer = Object.values(res.body.data ?? {})[0];
      if (!answer?.__typename.endsWith("Success")) throw new Error(JSON.stringify(res.body));
      return answer as { __typename: string; data: { id: string } };
    };

    ok(await officer.gql(a.url, PROPOSE, { input: { grantId, lines: [{ category: "STAFF", plannedCents: 500_000 }] } }));
    ok(await managerOnB.gql(b.url, APPROVE_BUDGET, { input: { grantId } }));
    const expenses: string[] = [];
    for (let i = 0; i < 20; i++) {
      const declared = ok(
        await officer.gql(i % 2 ? b.url : a.url, DECLARE, {
          input: { grantId, category: "STAFF", amountCents: 100_000, spentOn: "2026-01-10", description: `Two processes ${i}`, supplier: "S" },
        }),
      );
      expenses.push(declared.data.id);
    }
    ok(await managerOnA.gql(a.url, SET_CAP, { input: { grantId, capCents: 750_000 } })); // room for seven

    const answers = await Promise.all(
      expenses.map((expenseId, i) => (i % 2 ? managerOnB.gql(b.url, APPROVE_EXPENSE, { input: { expenseId } }) : managerOnA.gql(a.url, APPROVE_EXPENSE, { input: { expenseId } }))),
    );
    const results = answers.map((r) => r.body.data.approveExpense as { __typename: string; issues?: { code: string }[] });
    expect(results.filter((r) => r.__typename === "MutationApproveExpenseSuccess")).toHaveLength(7);
    expect(results.filter((r) => r.issues?.[0]?.code === "grant_cap_exceeded")).toHaveLength(13);

    const approved = await db.prisma.expense.aggregate({ where: { grantId: grant.id, status: "APPROVED" }, _sum: { amountCents: true }, _count: true });
    expect(approved).toMatchObject({ _count: 7, _sum: { amountCents: 700_000 } });
    expect(await db.prisma.auditEntry.count({ where: { entityId: { in: expenses.map(rawId) }, action: "expense.approved" } })).toBe(7);
    expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: true });
    expect([a.isRunning(), b.isRunning()]).toEqual([true, true]);
  });
});
