import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { SAVE, SUBMIT, VALIDATE, baseline, validatedSubmission } from "../benchmarks/support.ts";
import { APPROVE_EXPENSE, REJECT_EXPENSE, approvedBudget, cityGrant, declared } from "../grants/support.ts";
import { ANSWER, SUBMIT_REPORT, dashboardOf, dayStart, gid, makeReview, person, pilotOf } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
});
afterAll(() => app?.close());

const officerOf = (city: string) => person(app, `officer.${city}@citypeer.eu`);
const manager = () => person(app, "manager@citypeer.eu");
const kinds = (due: { __typename: string }[]) => due.map((d) => d.__typename);

describe("the city officer's dashboard", () => {
  it("lists the open self-assessment, the reports and the budget proposal of the officer's own city", async () => {
    const { round } = await baseline(app, "housing");
    const athens = await cityGrant(app, "athens");
    const officer = (await dashboardOf(app, await officerOf("athens"))).officer;

    expect(kinds(officer.due)).toEqual(["DueBenchmarkSubmission", "DueReport", "DueReport", "DueBudgetProposal"]);
    expect(officer.due[0]).toMatchObject({ roundId: gid("BenchmarkRound", round.id), roundName: "Baseline", communityName: "Local housing support", state: "NOT_STARTED", isOverdue: false });
    expect(officer.due[1]).toMatchObject({ reportKind: "INTERIM_REPORT", isOverdue: false, grantId: athens.id });
    expect(officer.due[3]).toMatchObject({ grantId: athens.id });
    expect(officer.grant).toMatchObject({ grantId: athens.id, totals: { capCents: 3_000_000, remainingCents: 3_000_000, availableCents: 3_000_000 }, alerts: [] });
    expect(officer.scores).toBeNull();
  });

  it("follows the self-assessment from draft to submitted, then shows the city's scores against the median", async () => {
    const { round, indicators, roundGid } = await baseline(app, "housing");
    const athens = await officerOf("athens");
    const dueSubmission = async () => (await dashboardOf(app, athens)).officer.due.find((d: any) => d.__typename === "DueBenchmarkSubmission" && d.roundId === roundGid);

    const saved = await app.gql(athens, SAVE, { input: { roundId: roundGid, revision: 0, scores: indicators.map((i) => ({ indicatorId: i.id, level: 2, evidenceText: "Athens" })) } });
    const submissionId = saved.data.saveSubmissionDraft.data.id;
    expect(await dueSubmission()).toMatchObject({ state: "DRAFT" });

    await app.gql(athens, SUBMIT, { input: { submissionId } });
    expect(await dueSubmission()).toBeUndefined();
    let scores = (await dashboardOf(app, athens)).officer.scores;
    // submitted, not validated: the city sees its own score, the median has nobody in it yet
    expect(scores).toMatchObject({ roundId: gid("BenchmarkRound", round.id), status: "SUBMITTED", overall: 2, overallMedian: null, validatedCityCount: 0 });

    await app.gql(await manager(), VALIDATE, { input: { submissionId } });
    await validatedSubmission(app, "ghent", "housing", [4]);
    scores = (await dashboardOf(app, athens)).officer.scores;
    expect(scores).toMatchObject({ status: "VALIDATED", overall: 2, overallMedian: 3, validatedCityCount: 2, communityName: "Local housing support" });
    expect(scores.dimensions.length).toBeGreaterThan(0);
    for (const d of scores.dimensions) expect(d).toMatchObject({ score: 2, median: 3 });
  });

  it("raises an overdue report first and as an alert, for the city and the project manager, until it is submitted", async () => {
    const athens = await cityGrant(app, "athens");
    const interim = athens.deadline("INTERIM_REPORT");
    await app.prisma.reportingDeadline.update({ where: { id: interim.id }, data: { dueDate: dayStart(-2) } });

    const officer = (await dashboardOf(app, athens.officer)).officer;
    expect(officer.due[0]).toMatchObject({ __typename: "DueReport", reportKind: "INTERIM_REPORT", isOverdue: true, dueOn: dayStart(-2).toISOString().slice(0, 10) });
    expect(officer.grant.alerts).toEqual([{ kind: "REPORT_OVERDUE", count: 1, category: null }]);
    const attention = (await dashboardOf(app, await manager())).manager.grants.attention;
    expect(attention.find((g: any) => g.grantId === athens.id)).toMatchObject({ cityName: "Athens", alerts: [{ kind: "REPORT_OVERDUE", count: 1 }] });

    expect((await app.gql(athens.officer, SUBMIT_REPORT, { input: { deadlineId: gid("ReportingDeadline", interim.id) } })).data.submitReport.__typename).toBe("MutationSubmitReportSuccess");
    const after = (await dashboardOf(app, athens.officer)).officer;
    expect(after.due.some((d: any) => d.__typename === "DueReport" && d.reportKind === "INTERIM_REPORT")).toBe(false);
    expect(after.grant.alerts).toEqual([]);
    const attentionAfter = (await dashboardOf(app, await manager())).manager.grants.attention;
    expect(attentionAfter.find((g: any) => g.grantId === athens.id)).toBeUndefined();
  });

  it("drops the budget proposal once proposed, and flags a category spent more than 20% over its approved line", async () => {
    const g = await approvedBudget(app, "nantes", [
      { category: "STAFF", plannedCents: 100_000 },
      { category: "OTHER", plannedCents: 500_000 },
    ]);
    const expense = await declared(app, g, 150_000);
    expect((await app.gql(await manager(), APPROVE_EXPENSE, { input: { expenseId: expense } })).data.approveExpense.__typename).toBe("MutationApproveExpenseSuccess");

    const officer = (await dashboardOf(app, g.officer)).officer;
    expect(kinds(officer.due)).not.toContain("DueBudgetProposal");
    expect(officer.grant.totals).toMatchObject({ approvedSpendCents: 150_000, remainingCents: 3_000_000 - 150_000 });
    expect(officer.grant.alerts).toEqual([{ kind: "CATEGORY_OVERRUN", count: null, category: "STAFF" }]);
    const attention = (await dashboardOf(app, await manager())).manager.grants.attention;
    expect(attention.find((a: any) => a.grantId === g.id)).toMatchObject({ cityName: "Nantes", alerts: [{ kind: "CATEGORY_OVERRUN", category: "STAFF" }], budgetAwaitingApproval: false });
  });

  it("shows a rejected expense with the reason, and declared expenses as waiting for the project manager", async () => {
    const g = await cityGrant(app, "nantes");
    const expense = await declared(app, g, 20_000, { description: "Taxi to the workshop" });
    const pending = (await dashboardOf(app, await manager())).manager.grants.attention.find((a: any) => a.grantId === g.id);
    expect(pending.pendingSpendCents).toBe(20_000);

    await app.gql(await manager(), REJECT_EXPENSE, { input: { expenseId: expense, reason: "Not an eligible cost" } });
    const rejected = (await dashboardOf(app, g.officer)).officer.due.find((d: any) => d.__typename === "DueRejectedExpense");
    expect(rejected).toMatchObject({ expenseId: expense, description: "Taxi to the workshop", amountCents: 20_000, reason: "Not an eligible cost", grantId: g.id });
  });

  it("lists review recommendations until the city answers them", async () => {
    const pilot = await pilotOf(app, "zagreb");
    const review = await makeReview(app, pilot.id, [(await person(app, "reviewer.milan@citypeer.eu")).id], { status: "IN_PROGRESS" });
    const recommendation = await app.prisma.reviewRecommendation.create({ data: { reviewId: review.id, text: "Involve migrant organisations in the steering group", priority: "HIGH", position: 0 } });
    const zagreb = await officerOf("zagreb");

    const due = (await dashboardOf(app, zagreb)).officer.due;
    expect(due.find((d: any) => d.__typename === "DueRecommendation")).toMatchObject({
      reviewId: gid("PeerReview", review.id),
      recommendationId: recommendation.id,
      text: "Involve migrant organisations in the steering group",
      priority: "HIGH",
    });

    expect((await app.gql(zagreb, ANSWER, { input: { recommendationId: recommendation.id, response: "ACCEPTED" } })).data.answerRecommendation.__typename).toBe(
      "MutationAnswerRecommendationSuccess",
    );
    expect(kinds((await dashboardOf(app, zagreb)).officer.due)).not.toContain("DueRecommendation");
  });

  it("shows an officer their own city's items only", async () => {
    const milan = await officerOf("milan");
    const milanGrant = await cityGrant(app, "milan");
    const athensRecommendationReview = await makeReview(app, (await pilotOf(app, "athens")).id, [(await person(app, "reviewer.vienna@citypeer.eu")).id]);
    await app.prisma.reviewRecommendation.create({ data: { reviewId: athensRecommendationReview.id, text: "Only for Athens", priority: "LOW", position: 0 } });

    const officer = (await dashboardOf(app, milan)).officer;
    const grantIds = new Set(officer.due.filter((d: any) => d.grantId).map((d: any) => d.grantId));
    expect([...grantIds]).toEqual([milanGrant.id]);
    expect(officer.grant.grantId).toBe(milanGrant.id);
    expect(officer.due.some((d: any) => d.text === "Only for Athens")).toBe(false);
    // Milan assesses itself in the two communities it belongs to, not in housing
    const communities = officer.due.filter((d: any) => d.__typename === "DueBenchmarkSubmission").map((d: any) => d.communityName);
    expect(communities.sort()).toEqual(["Early labour-market integration", "One-stop shops"]);
    expect(officer.scores).toBeNull();
  });
});
