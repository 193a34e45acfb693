import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { SAVE, SUBMIT, validatedSubmission, baseline } from "../benchmarks/support.ts";
import { countStatements } from "../support/sql-counter.ts";
import { growTenfold } from "./grow.ts";
import { DASHBOARD, makeCall, makeMentoring, makeReview, pilotOf } from "./support.ts";

/**
 * The start page must cost the same number of SQL statements whatever the amount of data: every list is
 * read in bulk, one statement per relation it reads (siblings each count: Prisma 7 batches a relation
 * with an `IN (...)` per parent level, it does not join siblings), plus one for the session.
 */
const VIEWERS = {
  officer: "officer.athens@citypeer.eu",
  reviewer: "reviewer.milan@citypeer.eu",
  manager: "manager@citypeer.eu",
  mentor: "mentor.ghent@citypeer.eu",
} as const;
type Role = keyof typeof VIEWERS;

/** The relations each section of the web document reads: the ceiling for its statements, with the session. */
const RELATIONS: Record<Role, string[]> = {
  officer: [
    // what is due: open rounds with their community, the city's extension and submission
    "BenchmarkRound", "Community", "RoundDeadlineExtension", "BenchmarkSubmission",
    // the grant and what its figures and items read
    "Grant", "BudgetLine", "Tranche", "Expense", "ReportingDeadline",
    // recommendations waiting for an answer, with their review's state
    "ReviewRecommendation", "PeerReview",
    // scores: the latest round, its community, framework, dimensions, indicators, submissions and their scores
    "BenchmarkRound", "Community", "BenchmarkFramework", "BenchmarkDimension", "BenchmarkIndicator", "BenchmarkSubmission", "IndicatorScore",
  ],
  // reviews > pilot > organisation; the scoring counts are in the reviews' own statement
  reviewer: ["PeerReview", "Pilot", "Organization"],
  manager: [
    "PeerReview", "Pilot", "Organization", // review schedule
    "BenchmarkSubmission (count)", "BenchmarkSubmission", "Organization", "BenchmarkRound", "Community", // validation queue
    "Grant", "Pilot", "Organization", "BudgetLine", "Tranche", "Expense", "ReportingDeadline", // portfolio
    "OpenCall", // calls, their counts in the same statement
  ],
  mentor: ["MentoringAssignment", "Organization", "SupportPlan", "MentoringSession", "SupportAction"],
};

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
});
afterAll(() => app?.close());

async function measure(email: string) {
  const cookie = await app.cookieFor(await app.userByEmail(email));
  const { result, statements } = await countStatements(app.db, async () => (await app.post({ query: DASHBOARD }, { cookie })).json());
  expect((result as any).errors).toBeUndefined();
  return { count: statements.length, dashboard: (result as any).data.dashboard };
}

async function measureAll() {
  const out = {} as Record<Role, Awaited<ReturnType<typeof measure>>>;
  for (const role of Object.keys(VIEWERS) as Role[]) out[role] = await measure(VIEWERS[role]);
  return out;
}

/** The demo data with one of everything each viewer's lists show, so no list is empty at 1x. */
async function demoActivity() {
  await validatedSubmission(app, "athens", "housing", [1, 2, 3]);
  const { indicators, roundGid } = await baseline(app, "one-stop-shops");
  const sofia = await app.userByEmail("officer.sofia@citypeer.eu");
  const saved = await app.gql(sofia, SAVE, { input: { roundId: roundGid, revision: 0, scores: indicators.map((i) => ({ indicatorId: i.id, level: 2 })) } });
  await app.gql(sofia, SUBMIT, { input: { submissionId: saved.data.saveSubmissionDraft.data.id } });
  const milan = await app.userByEmail(VIEWERS.reviewer);
  const review = await makeReview(app, (await pilotOf(app, "athens")).id, [milan.id], { status: "IN_PROGRESS" });
  await app.prisma.reviewRecommendation.create({ data: { reviewId: review.id, text: "Demo recommendation", priority: "HIGH", position: 0 } });
  await makeMentoring(app, (await app.userByEmail(VIEWERS.mentor)).id, "Demo mentee");
  await makeCall(app, "Demo call", "PUBLISHED");
}

describe("the dashboard without N+1", () => {
  it("reads each role's dashboard in the same number of statements with the demo data and with ten times more", async () => {
    const seedOnly = await measureAll();
    await demoActivity();
    const demo = await measureAll();
    await growTenfold(app);
    const tenfold = await measureAll();

    // the lists really are longer at 10x, or the comparison would prove nothing
    expect(demo.officer.dashboard.officer.scores).not.toBeNull();
    expect(tenfold.officer.dashboard.officer.due.length).toBeGreaterThan(demo.officer.dashboard.officer.due.length);
    expect(tenfold.reviewer.dashboard.reviewer.reviews).toHaveLength(10);
    expect(tenfold.manager.dashboard.manager.reviewSchedule).toHaveLength(10);
    expect(tenfold.manager.dashboard.manager.submissionsToValidate).toHaveLength(10);
    expect(tenfold.manager.dashboard.manager.grants.grantCount).toBe(120);
    expect(tenfold.manager.dashboard.manager.grants.attention).toHaveLength(10);
    expect(tenfold.mentor.dashboard.mentor.mentees).toHaveLength(10);

    const counts = (m: typeof demo) => Object.fromEntries(Object.entries(m).map(([role, r]) => [role, r.count]));
    console.info(`dashboard statements: seed ${JSON.stringify(counts(seedOnly))}, demo ${JSON.stringify(counts(demo))}, 10x ${JSON.stringify(counts(tenfold))}`);
    expect(counts(tenfold)).toEqual(counts(demo));
    expect(counts(seedOnly)).toEqual(counts(demo));
    for (const role of Object.keys(VIEWERS) as Role[]) expect(demo[role].count).toBeLessThanOrEqual(RELATIONS[role].length + 1);
    expect(counts(demo)).toEqual({ officer: 19, reviewer: 4, manager: 17, mentor: 6 });
  }, 180_000); // growing the data tenfold takes 10-60 s on the embedded database, depending on the machine's load

  it("reads a person with every role's section in the sum of the sections' statements, not more", async () => {
    const vienna = await app.prisma.organization.findUniqueOrThrow({ where: { slug: "vienna" } });
    const everyone = await app.make.user({ roles: ["CITY_OFFICER", "PEER_REVIEWER", "PROJECT_MANAGER", "MENTOR"], organizationId: vienna.id });
    const cookie = await app.cookieFor(everyone);
    const { result, statements } = await countStatements(app.db, async () => (await app.post({ query: DASHBOARD }, { cookie })).json());
    expect((result as any).errors).toBeUndefined();
    const sections = (Object.values(RELATIONS) as string[][]).reduce((n, r) => n + r.length, 0);
    expect(statements.length).toBeLessThanOrEqual(sections + 1);
  });
});
