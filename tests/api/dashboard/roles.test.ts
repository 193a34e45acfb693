import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { SAVE, SUBMIT, VALIDATE, baseline } from "../benchmarks/support.ts";
import { DASHBOARD, SAVE_SCORES, dashboardOf, gid, makeCall, makeMentoring, makeReview, person, pilotOf } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
});
afterAll(() => app?.close());

const manager = () => person(app, "manager@citypeer.eu");

describe("the peer reviewer's dashboard", () => {
  it("lists the reviewer's running reviews with their dates and what is still to score, per reviewer", async () => {
    const [milan, vienna, ghent] = await Promise.all(["milan", "vienna", "ghent"].map((c) => person(app, `reviewer.${c}@citypeer.eu`)));
    const nantes = await pilotOf(app, "nantes");
    const review = await makeReview(app, nantes.id, [milan!.id, vienna!.id], { startsInDays: 12 });
    await makeReview(app, nantes.id, [milan!.id], { startsInDays: 40, status: "CANCELLED" });
    await makeReview(app, nantes.id, [milan!.id], { startsInDays: -40, status: "CLOSED" });
    const reviews = async (who: { id: string }) => (await dashboardOf(app, who)).reviewer.reviews;

    expect(await reviews(milan!)).toEqual([
      expect.objectContaining({
        id: gid("PeerReview", review.id),
        startsOn: review.startsOn.toISOString().slice(0, 10),
        endsOn: review.endsOn.toISOString().slice(0, 10),
        criteriaCount: 6,
        viewerScoredCount: 0,
        viewerScoringState: "NOT_STARTED",
        pilot: expect.objectContaining({ title: nantes.title, organization: expect.objectContaining({ cityName: "Nantes" }) }),
      }),
    ]);
    expect(await reviews(ghent!)).toEqual([]);

    const score = (criteria: typeof review.criteria, submit: boolean) =>
      app.gql(milan!, SAVE_SCORES, { input: { reviewId: gid("PeerReview", review.id), scores: criteria.map((c) => ({ criterionId: c.id, score: 4 })), submit } });
    await score(review.criteria.slice(0, 2), false);
    expect((await reviews(milan!))[0]).toMatchObject({ viewerScoredCount: 2, viewerScoringState: "IN_PROGRESS" });
    expect((await reviews(vienna!))[0]).toMatchObject({ viewerScoredCount: 0, viewerScoringState: "NOT_STARTED" });

    await score(review.criteria, false);
    expect((await reviews(milan!))[0]).toMatchObject({ viewerScoredCount: 6, viewerScoringState: "READY_TO_SUBMIT" });
    expect((await score(review.criteria, true)).data.saveReviewScores.__typename).toBe("MutationSaveReviewScoresSuccess");
    expect((await reviews(milan!))[0]).toMatchObject({ viewerScoringState: "SUBMITTED" });
  });
});

describe("the project manager's dashboard", () => {
  it("lists self-assessments waiting for validation until they are validated", async () => {
    const { indicators, roundGid } = await baseline(app, "one-stop-shops");
    const sofia = await person(app, "officer.sofia@citypeer.eu");
    const saved = await app.gql(sofia, SAVE, { input: { roundId: roundGid, revision: 0, scores: indicators.map((i) => ({ indicatorId: i.id, level: 3 })) } });
    const submissionId = saved.data.saveSubmissionDraft.data.id;
    const waiting = async () => (await dashboardOf(app, await manager())).manager;

    expect((await waiting()).submissionsToValidate.map((s: any) => s.id)).not.toContain(submissionId);
    await app.gql(sofia, SUBMIT, { input: { submissionId } });
    const before = await waiting();
    expect(before.submissionsToValidateCount).toBe(1);
    expect(before.submissionsToValidate).toEqual([
      expect.objectContaining({ id: submissionId, organization: expect.objectContaining({ cityName: "Sofia" }), round: expect.objectContaining({ id: roundGid, community: expect.objectContaining({ name: "One-stop shops" }) }) }),
    ]);

    await app.gql(await manager(), VALIDATE, { input: { submissionId } });
    const after = await waiting();
    expect(after.submissionsToValidateCount).toBe(0);
    expect(after.submissionsToValidate).toEqual([]);
  });

  it("shows the schedule of running reviews, the grants summed up and the calls still running", async () => {
    const cluj = await pilotOf(app, "cluj");
    const reviewer = await person(app, "reviewer.lublin@citypeer.eu");
    const running = await makeReview(app, cluj.id, [reviewer.id], { startsInDays: -1, status: "IN_PROGRESS" });
    const closed = await makeReview(app, cluj.id, [reviewer.id], { startsInDays: -60, status: "CLOSED" });
    const draft = await makeCall(app, "Second call (draft)", "DRAFT", 60);
    const open = await makeCall(app, "First call", "PUBLISHED", 10);
    const done = await makeCall(app, "Pilot call", "RESULTS_PUBLISHED", -90);

    const m = (await dashboardOf(app, await manager())).manager;
    const reviewIds = m.reviewSchedule.map((r: any) => r.id);
    expect(reviewIds).toContain(gid("PeerReview", running.id));
    expect(reviewIds).not.toContain(gid("PeerReview", closed.id));
    expect(m.openCalls.map((c: any) => c.title)).toEqual(["First call", "Second call (draft)"]);
    expect(m.openCalls[0]).toMatchObject({ id: gid("OpenCall", open.id), status: "PUBLISHED", isOpen: true, applicationCount: 0, places: 3 });
    expect(m.openCalls.map((c: any) => c.id)).not.toContain(gid("OpenCall", done.id));
    expect(m.openCalls[1].id).toBe(gid("OpenCall", draft.id));
    expect(m.grants).toMatchObject({ grantCount: 12, capCents: 12 * 3_000_000 });
  });

  it("sums grants past 2^31 cents (the 100x bench: 903 grants at the cap) without an error", async () => {
    // twelve grants at EUR 20 million each stand in for a programme of 800 grants at EUR 30,000
    const caps = await app.prisma.grant.findMany({ select: { id: true, capCents: true } });
    await app.prisma.grant.updateMany({ data: { capCents: 2_000_000_000 } });
    try {
      const res = await app.gql(await manager(), DASHBOARD);
      expect(res.errors).toBeUndefined();
      expect(res.data.dashboard.manager.grants.capCents).toBe(12 * 2_000_000_000);
      expect(res.data.dashboard.manager.grants.remainingCents).toBeGreaterThan(2 ** 31);
    } finally {
      for (const g of caps) await app.prisma.grant.update({ where: { id: g.id }, data: { capCents: g.capCents } });
    }
  });
});

describe("the mentor's dashboard", () => {
  it("lists the mentor's own mentee cities with the next sessions and the open actions", async () => {
    const ghent = await person(app, "mentor.ghent@citypeer.eu");
    const vienna = await person(app, "mentor.vienna@citypeer.eu");
    const brno = await makeMentoring(app, ghent.id, "Brno");
    await makeMentoring(app, ghent.id, "Graz", { status: "COMPLETED" });
    await makeMentoring(app, vienna.id, "Ostrava");

    const mentees = (await dashboardOf(app, ghent)).mentor.mentees;
    expect(mentees.map((m: any) => m.menteeCity.name)).toEqual(["Brno"]);
    expect(mentees[0].id).toBe(gid("MentoringAssignment", brno.id));
    expect(mentees[0].plan.upcomingSessions).toHaveLength(1);
    expect(new Date(mentees[0].plan.upcomingSessions[0].date).getTime()).toBeGreaterThan(Date.now());
    expect(mentees[0].plan.openActions.map((a: any) => [a.title, a.status, a.isOverdue])).toEqual([
      ["Map the intake of Brno", "OPEN", true],
      ["Draft the one-stop shop of Brno", "IN_PROGRESS", false],
    ]);
    expect((await dashboardOf(app, vienna)).mentor.mentees.map((m: any) => m.menteeCity.name)).toEqual(["Ostrava"]);
  });
});

describe("who gets which section", () => {
  it("refuses anonymous readers", async () => {
    const res = await app.gql(null, DASHBOARD);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data ?? null).toBeNull();
  });

  it.each([
    ["officer.athens@citypeer.eu", ["officer"]],
    ["reviewer.athens@citypeer.eu", ["reviewer"]],
    ["manager@citypeer.eu", ["manager"]],
    ["mentor.dortmund@citypeer.eu", ["mentor"]],
    ["admin@citypeer.eu", []],
  ])("gives %s only the sections of their roles", async (email, sections) => {
    const dashboard = await dashboardOf(app, await person(app, email));
    const present = Object.entries(dashboard).filter(([, v]) => v !== null).map(([k]) => k);
    expect(present).toEqual(sections);
  });

  it("gives a person with several roles a section for each, and an admin the manager's only as a project manager", async () => {
    const city = await app.prisma.organization.findUniqueOrThrow({ where: { slug: "vienna" } });
    const both = await app.make.user({ roles: ["CITY_OFFICER", "PEER_REVIEWER", "MENTOR"], organizationId: city.id });
    const adminManager = await app.make.user({ roles: ["ADMIN", "PROJECT_MANAGER"] });
    const present = (d: Record<string, unknown>) => Object.entries(d).filter(([, v]) => v !== null).map(([k]) => k);
    expect(present(await dashboardOf(app, both))).toEqual(["officer", "reviewer", "mentor"]);
    expect(present(await dashboardOf(app, adminManager))).toEqual(["manager"]);
  });

  it("gives an officer without a city an empty section rather than another city's data", async () => {
    const stray = await app.make.user({ roles: ["CITY_OFFICER"] });
    expect((await dashboardOf(app, stray)).officer).toBeNull();
  });
});
