/**
 * PostgreSQL goes away in the middle of a write load and comes back. The API process must keep running,
 * answer every request (an error, not a hang), say so on /healthz, serve again within 10 s of the database
 * returning without being restarted itself, and leave nothing half-written: every expense and every
 * decision is either there with its audit entry or not there at all, and the audit chain is intact.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "@citypeer/db";
import { verifyAuditChain } from "@citypeer/api/modules/audit/service";
import { seed } from "../../prisma/seed/index.ts";
import { APPROVE_BUDGET, APPROVE_EXPENSE, DECLARE, PROPOSE, gid, rawId } from "../api/grants/support.ts";
import { emptyDatabase, type TestDatabase } from "./support/database.ts";
import { signIn, type HttpClient } from "./support/http.ts";
import { canRestartPostgres, ensurePostgresRunning, startPostgres, stopPostgres, waitForPostgres } from "./support/postgres-server.ts";
import { startServer, type ServerProcess } from "./support/server.ts";

const PORT = Number(process.env.RELIABILITY_PORT ?? 4610) + 2;
/** A request that takes longer than this counts as a hang. */
const REQUEST_TIMEOUT_MS = 10_000;
const RECOVERY_LIMIT_MS = 10_000;
const OUTAGE_MS = 2_500;
const CITIES = ["ghent", "milan", "lublin", "nantes"];

let database: TestDatabase;
let db: Db;
let server: ServerProcess;

beforeAll(async () => {
  database = await emptyDatabase("citypeer_restart");
  db = await createDb({ url: database.url, poolSize: 2 });
  await seed(db.prisma);
  server = await startServer({ port: PORT, databaseUrl: database.url });
}, 240_000);

afterAll(async () => {
  await ensurePostgresRunning();
  await server?.stop();
  await db?.close();
  await database?.drop();
});

type Outcome = "ok" | "refused" | "error" | "timeout";
interface Op {
  kind: "declare" | "approve";
  city?: string;
  key: string;
  expenseId?: string;
  outcome: Outcome;
  status?: number;
  code?: string;
  at: number;
  ms: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const declaration = (grantId: string, key: string) => ({
  grantId,
  category: "STAFF",
  amountCents: 100,
  spentOn: "2026-01-10",
  description: key,
  supplier: "Load",
  idempotencyKey: key,
});

async function call(client: HttpClient, query: string, input: Record<string, unknown>) {
  const started = Date.now();
  try {
    const res = await client.gql(server.url, query, { input }, REQUEST_TIMEOUT_MS);
    const answer = Object.values(res.body.data ?? {})[0] as { __typename: string; data?: { id: string } } | null | undefined;
    const ms = Date.now() - started;
    if (answer?.__typename.endsWith("Success")) return { outcome: "ok" as const, status: res.status, id: answer.data!.id, ms };
    if (answer) return { outcome: "refused" as const, status: res.status, code: answer.__typename, ms };
    return { outcome: "error" as const, status: res.status, code: res.body.errors?.[0]?.extensions?.code ?? res.body.errors?.[0]?.message, ms };
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    return { outcome: timedOut ? ("timeout" as const) : ("error" as const), code: (error as Error).message, ms: Date.now() - started };
  }
}

it.skipIf(!canRestartPostgres())(
  "survives a PostgreSQL restart under write load: errors, not hangs; back within 10 s; nothing half-written",
  async () => {
    // four cities with approved budgets declare; the manager approves what they declared
    const manager = await signIn(server.url, "manager@citypeer.eu");
    const officers: { city: string; client: HttpClient; grantId: string }[] = [];
    for (const city of CITIES) {
      const client = await signIn(server.url, `officer.${city}@citypeer.eu`);
      const grant = await db.prisma.grant.findFirstOrThrow({ where: { pilot: { organization: { slug: city } } } });
      const grantId = gid("Grant", grant.id);
      await client.gql(server.url, PROPOSE, { input: { grantId, lines: [{ category: "STAFF", plannedCents: 1_000_000 }] } });
      const approved = await manager.gql(server.url, APPROVE_BUDGET, { input: { grantId } });
      expect(approved.body.data.approveBudget.__typename).toBe("MutationApproveBudgetSuccess");
      officers.push({ city, client, grantId });
    }

    const ops: Op[] = [];
    const toApprove: string[] = [];
    const health: { at: number; status: number }[] = [];
    let running = true;
    const t0 = Date.now();
    let n = 0;

    const declaring = officers.map(async ({ city, client, grantId }) => {
      while (running) {
        const key = `restart-${city}-${n++}`;
        const at = Date.now() - t0;
        const r = await call(client, DECLARE, declaration(grantId, key));
        ops.push({ kind: "declare", city, key, expenseId: r.id, outcome: r.outcome, status: r.status, code: r.code, at, ms: r.ms });
        if (r.id) toApprove.push(r.id);
        if (r.outcome !== "ok") await sleep(50);
      }
    });
    const approving = [0, 1].map(async () => {
      while (running) {
        const expenseId = toApprove.shift();
        if (!expenseId) {
          await sleep(20);
          continue;
        }
        const key = `approve-${expenseId}`;
        const at = Date.now() - t0;
        const r = await call(manager, APPROVE_EXPENSE, { expenseId, idempotencyKey: key });
        ops.push({ kind: "approve", key, expenseId, outcome: r.outcome, status: r.status, code: r.code, at, ms: r.ms });
        if (r.outcome !== "ok") await sleep(50);
      }
    });
    const probing = (async () => {
      while (running) {
        const at = Date.now() - t0;
        const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }).catch(() => null);
        health.push({ at, status: res?.status ?? 0 });
        await sleep(100);
      }
    })();

    let stoppedAt = 0;
    let backAt = 0;
    try {
      await sleep(2_000);
      stoppedAt = Date.now() - t0;
      await stopPostgres();
      await sleep(OUTAGE_MS);
      await startPostgres();
      await waitForPostgres();
      backAt = Date.now() - t0;
      // served again: a write committed after the database came back, and /healthz says ok
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const wrote = ops.some((o) => o.outcome === "ok" && o.at >= backAt);
        const healthy = health.some((h) => h.status === 200 && h.at >= backAt);
        if (wrote && healthy) break;
        await sleep(50);
      }
      await sleep(2_000);
    } finally {
      running = false;
      await ensurePostgresRunning();
      await Promise.all([...declaring, ...approving, probing]);
    }

    const firstOkAfterBack = ops.filter((o) => o.outcome === "ok" && o.at >= backAt).sort((a, b) => a.at + a.ms - (b.at + b.ms))[0];
    const recoveryMs = firstOkAfterBack ? firstOkAfterBack.at + firstOkAfterBack.ms - backAt : Infinity;
    const count = (outcome: Outcome) => ops.filter((o) => o.outcome === outcome).length;
    const errorCodes = [...new Set(ops.filter((o) => o.outcome === "error").map((o) => `${o.status ?? "-"} ${o.code}`))];
    console.log(
      [
        `PostgreSQL restart under load: stopped at ${stoppedAt} ms for ${OUTAGE_MS} ms, accepting queries again at ${backAt} ms`,
        `  ${ops.length} requests: ${count("ok")} ok, ${count("refused")} refused, ${count("error")} errors, ${count("timeout")} timeouts; slowest answer ${Math.max(...ops.map((o) => o.ms))} ms`,
        `  first committed write ${Math.round(recoveryMs)} ms after the database was back; /healthz: ${health.filter((h) => h.status === 503).length} x 503, ${health.filter((h) => h.status === 200).length} x 200, ${health.filter((h) => h.status === 0).length} x no answer`,
        `  errors seen by clients: ${errorCodes.join("; ") || "none"}`,
      ].join("\n"),
    );

    // the process kept running: no crash, no restart
    expect(server.isRunning(), server.output()).toBe(true);
    // every request got an answer in time: errors during the outage, never a hang
    expect(count("timeout"), JSON.stringify(ops.filter((o) => o.outcome === "timeout"))).toBe(0);
    expect(count("error")).toBeGreaterThan(0);
    // errors say what happened: the database is unavailable (or, as it comes back, busy): 503, retry; not an anonymous 500
    for (const op of ops.filter((o) => o.outcome === "error" && o.status !== undefined)) {
      expect({ status: op.status, code: op.code }).toEqual({ status: 503, code: expect.stringMatching(/^DATABASE_(UNAVAILABLE|BUSY)$/) });
    }
    // /healthz told the truth: unavailable during the outage, ok before and after
    expect(health.some((h) => h.status === 503 && h.at > stoppedAt && h.at < backAt)).toBe(true);
    expect(health.some((h) => h.status === 200 && h.at < stoppedAt)).toBe(true);
    expect(health.some((h) => h.status === 200 && h.at > backAt)).toBe(true);
    expect(health.every((h) => h.status !== 0), "a /healthz request went unanswered").toBe(true);
    // served again soon, without a restart of the API
    expect(recoveryMs).toBeLessThan(RECOVERY_LIMIT_MS);

    // nothing half-written: state and audit agree for every expense the load touched
    const expenses = await db.prisma.expense.findMany({ where: { description: { startsWith: "restart-" } } });
    const audit = await db.prisma.auditEntry.findMany({ where: { entityType: "Expense", entityId: { in: expenses.map((e) => e.id) } } });
    const entries = (id: string, action: string) => audit.filter((a) => a.entityId === id && a.action === action).length;
    for (const e of expenses) {
      expect(entries(e.id, "expense.declared"), e.description).toBe(1);
      expect(entries(e.id, "expense.approved"), e.description).toBe(e.status === "APPROVED" ? 1 : 0);
    }
    const orphans = await db.prisma.auditEntry.count({ where: { entityType: "Expense", action: { startsWith: "expense." }, entityId: { notIn: (await db.prisma.expense.findMany({ select: { id: true } })).map((e) => e.id) } } });
    expect(orphans).toBe(0);
    const notifications = await db.prisma.notification.count({ where: { kind: "grant.expense_decided" } });
    expect(notifications).toBe(expenses.filter((e) => e.status === "APPROVED").length);

    const byKey = new Map(expenses.map((e) => [e.description, e]));
    for (const op of ops) {
      if (op.kind === "declare" && op.outcome === "ok") expect(byKey.get(op.key)?.id, op.key).toBe(rawId(op.expenseId!));
      if (op.kind === "approve" && op.outcome === "ok") expect(expenses.find((e) => e.id === rawId(op.expenseId!))?.status, op.key).toBe("APPROVED");
    }
    // a declaration that failed is either absent or whole (its commit may have landed before the connection broke)
    const failedDeclares = ops.filter((o) => o.kind === "declare" && o.outcome !== "ok");
    for (const op of failedDeclares) {
      const e = byKey.get(op.key);
      if (e) expect(entries(e.id, "expense.declared"), op.key).toBe(1);
    }
    // idempotency keys name records that exist: no claim survived without its change
    const keys = await db.prisma.idempotencyKey.findMany({ where: { key: { startsWith: "restart-" } } });
    for (const k of keys) expect(byKey.get(k.key)?.id, k.key).toBe((k.resultJson as { id: string }).id);
    expect(keys.length).toBe(expenses.length);

    // a client that retries what failed, with the same idempotency key as Retry-After suggests, gets each expense exactly once
    // (each officer's client retries its own failures, one at a time, waiting as long as a 503 says)
    const retries = new Map<string, Awaited<ReturnType<typeof call>>>();
    await Promise.all(
      officers.map(async (officer) => {
        for (const op of failedDeclares.filter((o) => o.city === officer.city)) {
          let r = await call(officer.client, DECLARE, declaration(officer.grantId, op.key));
          for (let attempt = 1; r.status === 503 && attempt < 5; attempt++) {
            await sleep(1_000);
            r = await call(officer.client, DECLARE, declaration(officer.grantId, op.key));
          }
          retries.set(op.key, r);
        }
      }),
    );
    for (const op of failedDeclares) {
      const r = retries.get(op.key)!;
      expect(r.outcome, `${op.key}: ${JSON.stringify(r)}`).toBe("ok");
      if (byKey.has(op.key)) expect(rawId(r.id!), `${op.key}: the retry returns the expense that did commit`).toBe(byKey.get(op.key)!.id);
    }
    console.log(
      `  ${failedDeclares.length} failed declarations retried with their idempotency keys: all ok, ` +
        `${failedDeclares.filter((op) => byKey.has(op.key)).length} of them had committed before the connection broke (the retry returned those)`,
    );
    const perKey = await db.prisma.expense.groupBy({ by: ["description"], where: { description: { startsWith: "restart-" } }, _count: true });
    expect(perKey.filter((g) => g._count !== 1)).toEqual([]);
    expect(perKey.length).toBe(new Set(ops.filter((o) => o.kind === "declare").map((o) => o.key)).size);

    expect(await verifyAuditChain(db.prisma)).toMatchObject({ ok: true });

    // the background jobs reconnected too: an e-mail committed now is delivered (logged, without SMTP) by pg-boss
    const vienna = await signIn(server.url, "officer.vienna@citypeer.eu");
    const grant = await db.prisma.grant.findFirstOrThrow({ where: { pilot: { organization: { slug: "vienna" } } } });
    await vienna.gql(server.url, PROPOSE, { input: { grantId: gid("Grant", grant.id), lines: [{ category: "STAFF", plannedCents: 1_000 }] } });
    expect((await manager.gql(server.url, APPROVE_BUDGET, { input: { grantId: gid("Grant", grant.id) } })).body.data.approveBudget.__typename).toBe(
      "MutationApproveBudgetSuccess",
    );
    const queued = Date.now();
    let delivered = false;
    while (!delivered && Date.now() - queued < 30_000) {
      const emails = await db.prisma.emailOutbox.findMany({ where: { toAddress: "officer.vienna@citypeer.eu" } });
      delivered = emails.length > 0 && emails.every((e) => e.status !== "PENDING");
      if (!delivered) await sleep(250);
    }
    console.log(`  an e-mail queued after the restart was delivered by the job runner in ${Date.now() - queued} ms`);
    expect(delivered, server.output().slice(-3000)).toBe(true);
  },
  180_000,
);
