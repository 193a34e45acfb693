/**
 * The grant cap under concurrent approvals: every trial builds a fresh grant with a random cap, budget,
 * tranches and declared expenses, then fires 50 money mutations at it at the same moment (expense
 * approvals and rejections, tranche approvals, cap reductions), each in its own request, transaction
 * and pooled connection. Afterwards the state, the answers and the audit log must tell the same story.
 *
 * RELIABILITY_TRIALS (default 200) and RELIABILITY_SEED (printed; set it to replay a failure) tune the run.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "@citypeer/db";
import { COST_CATEGORIES, TRANCHE_KINDS } from "@citypeer/domain/grants";
import { createApp, CSRF_HEADER } from "@citypeer/api/app";
import { startSession } from "@citypeer/api/auth/session";
import { verifyAuditChain } from "@citypeer/api/modules/audit/service";
import { gid, rawId } from "../api/grants/support.ts";
import { emptyDatabase, type TestDatabase } from "./support/database.ts";
import { prng, seedFromEnv, type Random } from "./support/random.ts";

const TRIALS = Number(process.env.RELIABILITY_TRIALS ?? 200);
const CONCURRENCY = 50;
const SEED = seedFromEnv();

let database: TestDatabase;
let db: Db;
let yoga: ReturnType<typeof createApp>["yoga"];
let managerCookie: string;
let communityId: string;

beforeAll(async () => {
  database = await emptyDatabase("citypeer_cap");
  // one connection per concurrent request, so all 50 really are in flight at once
  db = await createDb({ url: database.url, poolSize: CONCURRENCY + 5 });
  yoga = createApp({ db }).yoga;
  const manager = await db.prisma.user.create({ data: { email: "manager@cap.test", name: "Manager", roles: ["PROJECT_MANAGER"] } });
  const { token } = await db.prisma.$transaction((tx) => startSession(tx, manager.id, { ip: "203.0.113.7", userAgent: "reliability" }));
  managerCookie = `citypeer_session=${token}`;
  const community = await db.prisma.community.create({ data: { slug: "cap-trials", name: "Cap trials", theme: "OTHER", description: "" } });
  communityId = community.id;
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

type Request =
  | { kind: "approveExpense"; expense: number; key?: string }
  | { kind: "rejectExpense"; expense: number }
  | { kind: "approveTranche"; tranche: number }
  | { kind: "setGrantCap"; capCents: number };

type Answer = { __typename: string; code?: string; issues?: { path: string[]; code: string }[]; data?: { id: string } };

// the answer and nothing more: the time goes into the race, not into loading relations for the response
const answer = (mutation: string, input: string) => /* GraphQL */ `
  mutation ($input: ${input}!) {
    ${mutation}(input: $input) {
      __typename
      ... on Mutation${mutation[0]!.toUpperCase()}${mutation.slice(1)}Success { data { id } }
      ... on Error { ... on InputError { issues { path code } } ... on ConflictError { code } }
    }
  }
`;
const DOCUMENTS = {
  approveExpense: answer("approveExpense", "ApproveExpenseInput"),
  rejectExpense: answer("rejectExpense", "RejectExpenseInput"),
  approveTranche: answer("approveTranche", "ApproveTrancheInput"),
  setGrantCap: answer("setGrantCap", "SetGrantCapInput"),
};

/** A grant as the city and the manager would have left it: approved budget, requested tranches, declared expenses. */
async function buildGrant(r: Random, trial: number) {
  const p = db.prisma;
  const org = await p.organization.create({
    data: { name: `Trial city ${trial}`, cityName: `Trial city ${trial}`, slug: `trial-${trial}`, kind: "PARTNER_CITY", country: "DE", languages: ["en"] },
  });
  const officer = await p.user.create({ data: { email: `officer.${trial}@cap.test`, name: `Officer ${trial}`, roles: ["CITY_OFFICER"], organizationId: org.id } });
  const pilot = await p.pilot.create({ data: { organizationId: org.id, communityId, title: `Pilot ${trial}`, targetGroups: [] } });

  const capCents = r.int(50_000, 3_000_000);
  const categories = COST_CATEGORIES.filter(() => r.chance(0.5));
  if (categories.length === 0) categories.push(r.pick(COST_CATEGORIES));
  // a budget within a third of the cap, so lowering the cap has room before it meets the budget
  const lines = categories.map((category) => {
    const cents = r.int(0, Math.floor(capCents / 3 / categories.length));
    return { category, plannedCents: cents, approvedCents: cents };
  });
  const tranches = TRANCHE_KINDS.filter(() => r.chance(0.7)).map((kind) => ({
    kind,
    amountCents: r.int(Math.floor(capCents / 5), Math.floor(capCents * 0.8)),
    plannedDate: new Date("2027-01-15"),
    status: "REQUESTED" as const,
    requestedAt: new Date(),
  }));
  // some spend approved before the race starts (at most half the cap), the rest waiting for a decision
  let alreadyApproved = 0;
  const expenses = Array.from({ length: r.int(8, 35) }, (_, i) => {
    const amountCents = r.int(500, Math.max(1_000, Math.floor(capCents / r.int(3, 12))));
    const approved = r.chance(0.15) && alreadyApproved + amountCents <= capCents / 2;
    if (approved) alreadyApproved += amountCents;
    return {
      category: r.pick(categories),
      amountCents,
      spentOn: new Date("2026-01-10"),
      description: `Trial ${trial} expense ${i}`,
      supplier: "Supplier",
      declaredById: officer.id,
      status: approved ? ("APPROVED" as const) : ("DECLARED" as const),
      ...(approved ? { decidedAt: new Date() } : {}),
    };
  });
  const budgetTotalCents = lines.reduce((s, l) => s + l.approvedCents, 0);
  const grant = await p.grant.create({
    data: {
      pilotId: pilot.id,
      capCents,
      budgetStatus: "APPROVED",
      budgetApprovedAt: new Date(),
      budgetTotalCents,
      budgetLines: { create: lines },
      tranches: { create: tranches },
      expenses: { create: expenses },
    },
    include: { tranches: { orderBy: { kind: "asc" } }, expenses: { orderBy: { description: "asc" } } },
  });
  return { grant, officer, budgetTotalCents };
}

function randomRequests(r: Random, trial: number, grant: Awaited<ReturnType<typeof buildGrant>>["grant"]): Request[] {
  const declared = grant.expenses.map((e, i) => ({ e, i })).filter(({ e }) => e.status === "DECLARED").map(({ i }) => i);
  return Array.from({ length: CONCURRENCY }, (): Request => {
    const roll = r.next();
    if (roll < 0.1 && declared.length > 0) return { kind: "rejectExpense", expense: r.pick(declared) };
    if (roll < 0.25 && grant.tranches.length > 0) return { kind: "approveTranche", tranche: r.int(0, grant.tranches.length - 1) };
    if (roll < 0.32) return { kind: "setGrantCap", capCents: grant.capCents - r.int(0, Math.floor(grant.capCents / 2)) };
    const expense = declared.length > 0 ? r.pick(declared) : r.int(0, grant.expenses.length - 1);
    // a keyed request repeated by a double click shares the key: one effect, the same answer
    return r.chance(0.25) ? { kind: "approveExpense", expense, key: `trial-${trial}-expense-${expense}` } : { kind: "approveExpense", expense };
  });
}

function variables(request: Request, grant: Awaited<ReturnType<typeof buildGrant>>["grant"]) {
  switch (request.kind) {
    case "approveExpense":
      return { expenseId: gid("Expense", grant.expenses[request.expense]!.id), ...(request.key ? { idempotencyKey: request.key } : {}) };
    case "rejectExpense":
      return { expenseId: gid("Expense", grant.expenses[request.expense]!.id), reason: "Not eligible" };
    case "approveTranche":
      return { trancheId: gid("Tranche", grant.tranches[request.tranche]!.id) };
    case "setGrantCap":
      return { grantId: gid("Grant", grant.id), capCents: request.capCents };
  }
}

async function send(request: Request, grant: Awaited<ReturnType<typeof buildGrant>>["grant"]): Promise<Answer> {
  const response = await yoga.fetch(
    "http://citypeer.test/graphql",
    {
      method: "POST",
      headers: { "content-type": "application/json", [CSRF_HEADER]: "1", cookie: managerCookie },
      body: JSON.stringify({ query: DOCUMENTS[request.kind], variables: { input: variables(request, grant) } }),
    },
    { ip: "203.0.113.7" },
  );
  const body = (await response.json()) as { data?: Record<string, Answer>; errors?: unknown[] };
  if (body.errors) throw new Error(`${request.kind}: unexpected errors ${JSON.stringify(body.errors)}`);
  return Object.values(body.data!)[0]!;
}

const SUCCESS = /^Mutation\w+Success$/;
const codeOf = (a: Answer) => a.code ?? a.issues?.[0]?.code;

/** The answers each mutation may give in a race: success or a typed refusal, never an unexpected error. */
const ALLOWED_REFUSALS: Record<Request["kind"], string[]> = {
  approveExpense: ["grant_cap_exceeded", "expense_already_decided"],
  rejectExpense: ["expense_already_decided"],
  approveTranche: ["grant_cap_exceeded", "tranche_not_requested"],
  setGrantCap: ["cap_below_committed", "cap_below_budget", "cap_below_approved_spend"],
};

type AuditRow = { seq: bigint; action: string; entityId: string; before: any; after: any };

async function checkTrial(
  trial: number,
  built: Awaited<ReturnType<typeof buildGrant>>,
  requests: Request[],
  answers: Answer[],
): Promise<{ approvals: number; refusedByCap: number; capChanges: number }> {
  const { grant: initial, officer } = built;
  const where = `trial ${trial} (seed ${SEED})`;
  const p = db.prisma;
  const grant = await p.grant.findUniqueOrThrow({ where: { id: initial.id }, include: { tranches: true, expenses: true } });
  const entityIds = [grant.id, ...grant.tranches.map((t) => t.id), ...grant.expenses.map((e) => e.id)];
  const audit: AuditRow[] = await p.auditEntry.findMany({ where: { entityId: { in: entityIds } }, orderBy: { seq: "asc" } });

  answers.forEach((answer, i) => {
    const request = requests[i]!;
    if (SUCCESS.test(answer.__typename)) return;
    expect(ALLOWED_REFUSALS[request.kind], `${where}: ${request.kind} answered ${JSON.stringify(answer)}`).toContain(codeOf(answer));
  });
  const succeeded = (kind: Request["kind"]) => requests.flatMap((r, i) => (r.kind === kind && SUCCESS.test(answers[i]!.__typename) ? [r] : []));

  // expenses: decided exactly by the requests that said so, one audit entry and one notification per decision
  const approvedBefore = new Set(initial.expenses.filter((e) => e.status === "APPROVED").map((e) => e.id));
  const approvedNow = new Set(succeeded("approveExpense").map((r) => initial.expenses[(r as { expense: number }).expense]!.id));
  const rejectedNow = new Set(succeeded("rejectExpense").map((r) => initial.expenses[(r as { expense: number }).expense]!.id));
  for (const e of grant.expenses) {
    const expected = approvedBefore.has(e.id) || approvedNow.has(e.id) ? "APPROVED" : rejectedNow.has(e.id) ? "REJECTED" : "DECLARED";
    expect(e.status, `${where}: expense ${e.description}`).toBe(expected);
    expect(audit.filter((a) => a.entityId === e.id && a.action === "expense.approved").length, `${where}: approval entries of ${e.description}`).toBe(
      approvedNow.has(e.id) ? 1 : 0,
    );
    expect(audit.filter((a) => a.entityId === e.id && a.action === "expense.rejected").length, `${where}: rejection entries of ${e.description}`).toBe(
      rejectedNow.has(e.id) ? 1 : 0,
    );
  }
  expect([...approvedNow].some((id) => rejectedNow.has(id)), `${where}: an expense both approved and rejected`).toBe(false);
  expect(await p.notification.count({ where: { userId: officer.id } }), `${where}: notifications`).toBe(approvedNow.size + rejectedNow.size);

  // tranches: the committed total is the sum of the approved ones, each approval logged with its grant change
  const approvedTranches = new Set(succeeded("approveTranche").map((r) => initial.tranches[(r as { tranche: number }).tranche]!.id));
  for (const t of grant.tranches) {
    expect(t.status, `${where}: tranche ${t.kind}`).toBe(approvedTranches.has(t.id) ? "APPROVED" : "REQUESTED");
    expect(audit.filter((a) => a.entityId === t.id && a.action === "tranche.approved").length).toBe(approvedTranches.has(t.id) ? 1 : 0);
  }
  expect(grant.committedCents, `${where}: committed`).toBe(grant.tranches.filter((t) => t.status === "APPROVED").reduce((s, t) => s + t.amountCents, 0));
  expect(audit.filter((a) => a.action === "grant.committed_changed").length, `${where}: committed_changed entries`).toBe(approvedTranches.size);

  // the cap: each change starts from the previous one; the last is the cap now
  const capChanges = audit.filter((a) => a.action === "grant.cap_changed");
  let cap = initial.capCents;
  for (const change of capChanges) {
    expect(change.before.capCents, `${where}: cap change chain`).toBe(cap);
    cap = change.after.capCents;
  }
  expect(grant.capCents, `${where}: cap`).toBe(cap);
  expect(capChanges.length).toBeLessThanOrEqual(succeeded("setGrantCap").length);

  // replayed in commit order, the log never shows spend or commitments beyond the cap of that moment
  let spend = initial.expenses.filter((e) => e.status === "APPROVED").reduce((s, e) => s + e.amountCents, 0);
  let committed = 0;
  cap = initial.capCents;
  let lowestCap = cap;
  for (const row of audit) {
    if (row.action === "expense.approved") spend += row.after.amountCents;
    if (row.action === "tranche.approved") committed += row.after.amountCents;
    if (row.action === "grant.cap_changed") cap = row.after.capCents;
    lowestCap = Math.min(lowestCap, cap);
    expect(spend, `${where}: approved spend after audit entry ${row.seq}`).toBeLessThanOrEqual(cap);
    expect(committed, `${where}: committed after audit entry ${row.seq}`).toBeLessThanOrEqual(cap);
  }
  const approvedSpend = grant.expenses.filter((e) => e.status === "APPROVED").reduce((s, e) => s + e.amountCents, 0);
  expect(approvedSpend, `${where}: approved spend`).toBe(spend);
  expect(approvedSpend, `${where}: approved spend within the cap`).toBeLessThanOrEqual(grant.capCents);

  // refusals were right: a refusal means spend + amount > cap at that moment; spend and commitments only grow and
  // the cap was never below its lowest value, so what was refused would not fit the final spend under that cap either
  let refusedByCap = 0;
  answers.forEach((answer, i) => {
    if (codeOf(answer) !== "grant_cap_exceeded") return;
    refusedByCap++;
    const request = requests[i]!;
    if (request.kind === "approveExpense") {
      const e = grant.expenses.find((x) => x.id === initial.expenses[request.expense]!.id)!;
      if (e.status === "DECLARED") expect(approvedSpend + e.amountCents, `${where}: refused expense would have fitted`).toBeGreaterThan(lowestCap);
    } else if (request.kind === "approveTranche") {
      const t = grant.tranches.find((x) => x.id === initial.tranches[request.tranche]!.id)!;
      if (t.status === "REQUESTED") expect(grant.committedCents + t.amountCents, `${where}: refused tranche would have fitted`).toBeGreaterThan(lowestCap);
    }
  });
  // every success answer names the record it changed
  answers.forEach((answer, i) => {
    if (!SUCCESS.test(answer.__typename)) return;
    const request = requests[i]!;
    const expectedId =
      request.kind === "setGrantCap" ? grant.id : request.kind === "approveTranche" ? initial.tranches[request.tranche]!.id : initial.expenses[request.expense]!.id;
    expect(rawId(answer.data!.id)).toBe(expectedId);
  });
  return { approvals: approvedNow.size + approvedTranches.size, refusedByCap, capChanges: capChanges.length };
}

it(
  `keeps every grant within its cap under ${CONCURRENCY} concurrent approvals, over ${TRIALS} randomised trials`,
  async () => {
    const r = prng(SEED);
    const durations: number[] = [];
    const totals = { requests: 0, approvals: 0, refusedByCap: 0, capChanges: 0 };
    const started = Date.now();
    for (let trial = 0; trial < TRIALS; trial++) {
      const built = await buildGrant(r, trial);
      const requests = randomRequests(r, trial, built.grant);
      const t0 = performance.now();
      const answers = await Promise.all(requests.map((request) => send(request, built.grant)));
      durations.push(performance.now() - t0);
      const counts = await checkTrial(trial, built, requests, answers);
      totals.requests += requests.length;
      totals.approvals += counts.approvals;
      totals.refusedByCap += counts.refusedByCap;
      totals.capChanges += counts.capChanges;
    }
    const chain = await verifyAuditChain(db.prisma);
    expect(chain).toMatchObject({ ok: true, checked: await db.prisma.auditEntry.count() });

    const sorted = [...durations].sort((a, b) => a - b);
    const ms = (v: number) => `${Math.round(v)} ms`;
    console.log(
      [
        `grant cap: ${TRIALS} trials x ${CONCURRENCY} concurrent mutations (seed ${SEED}, replay with RELIABILITY_SEED=${SEED})`,
        `  ${totals.requests} requests: ${totals.approvals} approvals went through, ${totals.refusedByCap} refused by the cap, ${totals.capChanges} cap changes`,
        `  burst time per trial: median ${ms(sorted[Math.floor(sorted.length / 2)]!)}, max ${ms(sorted.at(-1)!)}; whole run ${((Date.now() - started) / 1000).toFixed(1)} s`,
        `  audit chain intact over ${chain.checked} entries`,
      ].join("\n"),
    );
  },
  600_000,
);
