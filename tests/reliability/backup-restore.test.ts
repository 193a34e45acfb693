/**
 * The backup drill, for both databases: seed, add activity through the API (budgets, expenses, tranches, cap changes,
 * all audited), back up with `pnpm db:backup`, restore with `pnpm db:restore` into a fresh database, and compare
 * row counts of every table, the money totals and the audit chain. Then the restored database takes new writes.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@citypeer/db";
import { createApp, CSRF_HEADER } from "@citypeer/api/app";
import { startSession } from "@citypeer/api/auth/session";
import { verifyAuditChain } from "@citypeer/api/modules/audit/service";
import { seed } from "../../prisma/seed/index.ts";
import type { TestApp } from "../api/support/app.ts";
import { APPROVE_EXPENSE, APPROVE_TRANCHE, PAY_TRANCHE, REJECT_EXPENSE, SET_CAP, approvedBudget, declared, manager, requestedTranche } from "../api/grants/support.ts";
import { emptyDatabase, type TestDatabase } from "./support/database.ts";

const exec = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(path.join(tmpdir(), "citypeer-drill-"));
const databases: TestDatabase[] = [];

afterAll(async () => {
  for (const d of databases) await d.drop();
  rmSync(work, { recursive: true, force: true });
});

/** The in-process API on `db`, shaped like the API tests' TestApp so their grant helpers work. */
function appOn(db: Db): TestApp {
  const { yoga } = createApp({ db });
  const cookieFor = async (user: { id: string }) => {
    const { token } = await db.prisma.$transaction((tx) => startSession(tx, user.id, { ip: "203.0.113.9", userAgent: "drill" }));
    return `citypeer_session=${token}`;
  };
  const gql = async (user: { id: string } | null, query: string, variables?: Record<string, unknown>) => {
    const response = await yoga.fetch("http://citypeer.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", [CSRF_HEADER]: "1", ...(user ? { cookie: await cookieFor(user) } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  };
  const userByEmail = (email: string) => db.prisma.user.findUniqueOrThrow({ where: { email } });
  return { db, prisma: db.prisma, yoga, gql, cookieFor, userByEmail } as unknown as TestApp;
}

const ok = (res: any) => {
  const answer = Object.values(res.data ?? {})[0] as { __typename: string } | undefined;
  if (!answer?.__typename.endsWith("Success")) throw new Error(JSON.stringify(res));
  return answer;
};

/** A working platform's worth of money changes, each through the API with its audit entries and notifications. */
async function addActivity(app: TestApp) {
  const pm = await manager(app);
  for (const [i, city] of ["ghent", "milan", "vienna"].entries()) {
    const g = await approvedBudget(app, city, [
      { category: "STAFF", plannedCents: 600_000 + i * 10_000 },
      { category: "TRAVEL_SUBSISTENCE", plannedCents: 200_000 },
    ]);
    const expenses = [await declared(app, g, 50_000 + i), await declared(app, g, 70_000), await declared(app, g, 90_000)];
    ok(await app.gql(pm, APPROVE_EXPENSE, { input: { expenseId: expenses[0] } }));
    ok(await app.gql(pm, APPROVE_EXPENSE, { input: { expenseId: expenses[1], idempotencyKey: `drill-${city}` } }));
    ok(await app.gql(pm, REJECT_EXPENSE, { input: { expenseId: expenses[2], reason: "No receipt" } }));
    const tranche = await requestedTranche(app, g, "PRE_FINANCING", 900_000);
    ok(await app.gql(pm, APPROVE_TRANCHE, { input: { trancheId: tranche } }));
    ok(await app.gql(pm, PAY_TRANCHE, { input: { trancheId: tranche } }));
    ok(await app.gql(pm, SET_CAP, { input: { grantId: g.id, capCents: 2_500_000 + i } }));
  }
}

/** What must survive a backup: every table's row count, the money totals and the audit chain. */
async function snapshot(db: Db) {
  const p = db.prisma;
  const tables = await p.$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`;
  const rows: Record<string, number> = {};
  for (const { name } of tables) {
    const [count] = await p.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${name}"`);
    rows[name] = count!.n;
  }
  const sum = (v: { _sum?: object }) => (Object.values(v._sum ?? {})[0] as number | null | undefined) ?? 0;
  const money = {
    approvedExpensesCents: sum(await p.expense.aggregate({ where: { status: "APPROVED" }, _sum: { amountCents: true } })),
    declaredExpensesCents: sum(await p.expense.aggregate({ where: { status: "DECLARED" }, _sum: { amountCents: true } })),
    rejectedExpensesCents: sum(await p.expense.aggregate({ where: { status: "REJECTED" }, _sum: { amountCents: true } })),
    paidTranchesCents: sum(await p.tranche.aggregate({ where: { status: "PAID" }, _sum: { amountCents: true } })),
    committedCents: sum(await p.grant.aggregate({ _sum: { committedCents: true } })),
    capsCents: sum(await p.grant.aggregate({ _sum: { capCents: true } })),
    approvedBudgetsCents: sum(await p.budgetLine.aggregate({ _sum: { approvedCents: true } })),
    plannedBudgetsCents: sum(await p.budgetLine.aggregate({ _sum: { plannedCents: true } })),
  };
  const last = await p.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const chain = await verifyAuditChain(p);
  return { rows, money, audit: { entries: chain.checked, ok: chain.ok, lastSeq: last?.seq.toString(), lastHash: last?.hash } };
}

async function pnpm(args: string[], env: Record<string, string>) {
  const started = Date.now();
  try {
    const { stdout } = await exec("pnpm", ["-s", ...args], { cwd: root, env: { ...process.env, ...env } });
    return { code: 0, output: stdout, ms: Date.now() - started };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: `${e.stdout}${e.stderr}`, ms: Date.now() - started };
  }
}

/** After the comparison: the restored database is a working one, and its audit chain continues. */
async function takesNewWrites(db: Db) {
  const app = appOn(db);
  const g = await approvedBudget(app, "lublin", [{ category: "STAFF", plannedCents: 100_000 }]);
  ok(await app.gql(await manager(app), APPROVE_EXPENSE, { input: { expenseId: await declared(app, g, 10_000) } }));
  expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: true });
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} kB`;
/** The command's own report ("Backed up ... : 187 kB in 0.4 s"). */
const said = (output: string) => output.split("\n").find((l) => /^(Backed up|Restored) /.test(l))?.replace(/^.*: /, "") ?? "?";

describe("backup and restore drill", () => {
  it("PostgreSQL: pg_dump to a file, pg_restore into a new database, same rows, money and audit chain", async () => {
    const source = await emptyDatabase("citypeer_drill_src");
    databases.push(source);
    const db = await createDb({ url: source.url, poolSize: 3 });
    await seed(db.prisma);
    await addActivity(appOn(db));
    const before = await snapshot(db);
    expect(before.audit.ok).toBe(true);
    expect(before.audit.entries).toBeGreaterThan(30);

    // online: the source stays open, as a running API would keep it
    const file = path.join(work, "citypeer.dump");
    const backup = await pnpm(["db:backup", file], { DATABASE_URL: source.url });
    expect(backup, backup.output).toMatchObject({ code: 0 });
    await db.close();

    const target = await emptyDatabase("citypeer_drill_dst");
    databases.push(target);
    const restore = await pnpm(["db:restore", file], { DATABASE_URL: target.url });
    expect(restore, restore.output).toMatchObject({ code: 0 });

    const restored = await createDb({ url: target.url, migrate: false, poolSize: 3 });
    try {
      expect(await snapshot(restored)).toEqual(before);
      // restoring over a database in use is refused, and leaves it as it was
      const again = await pnpm(["db:restore", file], { DATABASE_URL: target.url });
      expect(again.code).toBe(1);
      expect(again.output).toMatch(/not empty/);
      // the embedded database's restore refuses a PostgreSQL backup with a hint
      const wrongKind = await pnpm(["db:restore", file], { DATABASE_URL: "", CITYPEER_DATA_DIR: path.join(work, "wrong") });
      expect(wrongKind.output).toMatch(/is a PostgreSQL backup; set DATABASE_URL/);
      await takesNewWrites(restored);
    } finally {
      await restored.close();
    }
    console.log(
      `PostgreSQL drill: ${Object.keys(before.rows).length} tables, ${Object.values(before.rows).reduce((a, b) => a + b, 0)} rows, ` +
        `${before.audit.entries} audit entries; backup ${kb(statSync(file).size)}: pg_dump ${said(backup.output)}, pg_restore ${said(restore.output)} ` +
        `(${backup.ms} / ${restore.ms} ms with pnpm and tsx start)`,
    );
  }, 240_000);

  it("embedded PGlite: data-dir tarball, restored into an empty data dir, same rows, money and audit chain", async () => {
    const dirA = path.join(work, "a");
    const db = await createDb({ url: "", dataDir: path.join(dirA, "db") });
    await seed(db.prisma);
    await addActivity(appOn(db));
    const before = await snapshot(db);
    expect(before.audit.ok).toBe(true);

    // while a process has it open, the backup is refused (the embedded database serves one process)
    const file = path.join(work, "citypeer.tar.gz");
    const whileOpen = await pnpm(["db:backup", file], { DATABASE_URL: "", CITYPEER_DATA_DIR: dirA });
    expect(whileOpen.code).toBe(1);
    expect(whileOpen.output).toMatch(/stop citypeer first/);
    await db.close();

    const backup = await pnpm(["db:backup", file], { DATABASE_URL: "", CITYPEER_DATA_DIR: dirA });
    expect(backup, backup.output).toMatchObject({ code: 0 });
    const dirB = path.join(work, "b");
    const restore = await pnpm(["db:restore", file], { DATABASE_URL: "", CITYPEER_DATA_DIR: dirB });
    expect(restore, restore.output).toMatchObject({ code: 0 });
    const refused = await pnpm(["db:restore", file], { DATABASE_URL: "", CITYPEER_DATA_DIR: dirB });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/already holds a database/);

    const restored = await createDb({ url: "", dataDir: path.join(dirB, "db"), migrate: false });
    try {
      expect(await snapshot(restored)).toEqual(before);
      await takesNewWrites(restored);
    } finally {
      await restored.close();
    }
    console.log(
      `PGlite drill: ${Object.keys(before.rows).length} tables, ${before.audit.entries} audit entries; ` +
        `backup ${kb(statSync(file).size)}: dump ${said(backup.output)}, restore ${said(restore.output)} (${backup.ms} / ${restore.ms} ms with pnpm and tsx start)`,
    );
  }, 300_000);
});
