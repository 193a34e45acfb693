import { describe, expect, it } from "vitest";
import {
  grantAlerts,
  grantDue,
  isActionOverdue,
  needsManagerAttention,
  officerDueItems,
  recommendationDue,
  scoringState,
  submissionDue,
  type CityGrant,
  type CityRound,
  type DueItem,
} from "./dashboard.ts";

const NOW = new Date("2026-05-10T12:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const round = (over: Partial<CityRound> = {}): CityRound => ({
  roundId: "r1",
  roundName: "Baseline",
  communityName: "Housing",
  opensAt: new Date("2026-05-01T00:00:00Z"),
  closesAt: new Date("2026-06-01T00:00:00Z"),
  extendedUntil: null,
  submissionStatus: null,
  ...over,
});
const grant = (over: Partial<CityGrant> = {}): CityGrant => ({ grantId: "g1", budgetStatus: "APPROVED", tranches: [], deadlines: [], expenses: [], ...over });

describe("submissionDue", () => {
  it.each([
    ["not started", null, "NOT_STARTED"],
    ["a draft", "DRAFT", "DRAFT"],
    ["returned for changes", "RETURNED", "RETURNED"],
  ] as const)("lists an open round whose self-assessment is %s", (_label, status, expected) => {
    expect(submissionDue(round({ submissionStatus: status }), NOW)).toMatchObject({ kind: "BENCHMARK_SUBMISSION", status: expected, deadline: new Date("2026-06-01T00:00:00Z") });
  });

  it.each([
    ["submitted", round({ submissionStatus: "SUBMITTED" })],
    ["validated", round({ submissionStatus: "VALIDATED" })],
    ["not open yet", round({ opensAt: new Date("2026-05-20T00:00:00Z") })],
    ["closed", round({ closesAt: new Date("2026-05-09T00:00:00Z") })],
  ])("leaves out a round that is %s", (_label, r) => {
    expect(submissionDue(r, NOW)).toBeNull();
  });

  it("keeps a closed round open until the city's own extended deadline, and shows that deadline", () => {
    const extended = round({ closesAt: new Date("2026-05-09T00:00:00Z"), extendedUntil: new Date("2026-05-20T00:00:00Z") });
    expect(submissionDue(extended, NOW)).toMatchObject({ deadline: new Date("2026-05-20T00:00:00Z") });
  });
});

describe("grantDue", () => {
  it("asks for the budget first while none is proposed", () => {
    expect(grantDue(grant({ budgetStatus: "NOT_PROPOSED" }), NOW).map((i) => i.kind)).toEqual(["BUDGET_PROPOSAL"]);
    expect(grantDue(grant({ budgetStatus: "PROPOSED" }), NOW)).toEqual([]);
  });

  it("lists reports until submitted, overdue once the due day has passed", () => {
    const items = grantDue(
      grant({
        deadlines: [
          { deadlineId: "d1", kind: "INTERIM_REPORT", dueDate: day("2026-05-09"), submittedAt: null },
          { deadlineId: "d2", kind: "FINAL_REPORT", dueDate: day("2026-05-10"), submittedAt: null },
          { deadlineId: "d3", kind: "FINAL_REPORT", dueDate: day("2026-04-01"), submittedAt: day("2026-03-30") },
        ],
      }),
      NOW,
    );
    expect(items.map((i) => [i.kind, i.isOverdue])).toEqual([
      ["REPORT", true],
      ["REPORT", false], // due today is not late yet
    ]);
  });

  it("lists planned tranches to request, not requested or paid ones", () => {
    const tranche = (status: string) => ({ trancheId: status, kind: "INTERIM" as const, amountCents: 100, status, plannedDate: day("2026-06-01") });
    const items = grantDue(grant({ tranches: ["PLANNED", "REQUESTED", "APPROVED", "PAID"].map(tranche) }), NOW);
    expect(items).toEqual([expect.objectContaining({ kind: "TRANCHE_REQUEST", trancheId: "PLANNED" })]);
  });

  it("lists expenses rejected in the last 30 days, with the reason", () => {
    const expense = (id: string, status: string, decidedAt: Date | null) => ({ expenseId: id, description: id, amountCents: 100, status, decidedAt, rejectionReason: status === "REJECTED" ? "No receipt" : null });
    const items = grantDue(
      grant({
        expenses: [
          expense("recent", "REJECTED", new Date("2026-05-01T00:00:00Z")),
          expense("old", "REJECTED", new Date("2026-03-01T00:00:00Z")),
          expense("approved", "APPROVED", new Date("2026-05-01T00:00:00Z")),
          expense("pending", "DECLARED", null),
        ],
      }),
      NOW,
    );
    expect(items).toEqual([expect.objectContaining({ kind: "REJECTED_EXPENSE", expenseId: "recent", reason: "No receipt" })]);
  });
});

describe("recommendationDue", () => {
  const rec = { recommendationId: "x", reviewId: "r", text: "Do it", priority: "HIGH" as const, isAnswered: false, reviewStatus: "CLOSED" };
  it("waits for an answer, except on a cancelled review", () => {
    expect(recommendationDue(rec)).toMatchObject({ kind: "RECOMMENDATION" });
    expect(recommendationDue({ ...rec, isAnswered: true })).toBeNull();
    expect(recommendationDue({ ...rec, reviewStatus: "CANCELLED" })).toBeNull();
  });
});

describe("officerDueItems", () => {
  it("orders overdue first, then by date, then the budget, recommendations by priority and rejected expenses", () => {
    const items = officerDueItems(
      {
        rounds: [round({ closesAt: new Date("2026-05-30T00:00:00Z") })],
        grant: grant({
          budgetStatus: "NOT_PROPOSED",
          deadlines: [
            { deadlineId: "late", kind: "INTERIM_REPORT", dueDate: day("2026-05-01"), submittedAt: null },
            { deadlineId: "soon", kind: "FINAL_REPORT", dueDate: day("2026-05-20"), submittedAt: null },
          ],
          expenses: [{ expenseId: "e", description: "Taxi", amountCents: 100, status: "REJECTED", decidedAt: day("2026-05-05"), rejectionReason: "Not eligible" }],
        }),
        recommendations: [
          { recommendationId: "low", reviewId: "r", text: "b", priority: "LOW", isAnswered: false, reviewStatus: "CLOSED" },
          { recommendationId: "high", reviewId: "r", text: "a", priority: "HIGH", isAnswered: false, reviewStatus: "IN_PROGRESS" },
        ],
      },
      NOW,
    );
    const label = (i: DueItem) => (i.kind === "REPORT" ? i.deadlineId : i.kind === "RECOMMENDATION" ? i.recommendationId : i.kind);
    expect(items.map(label)).toEqual(["late", "soon", "BENCHMARK_SUBMISSION", "BUDGET_PROPOSAL", "high", "low", "REJECTED_EXPENSE"]);
  });

  it("is empty for a city with nothing to do", () => {
    expect(officerDueItems({ rounds: [], grant: null, recommendations: [] }, NOW)).toEqual([]);
  });
});

describe("alerts and attention", () => {
  it("turns overdue reports and overrun categories into alerts", () => {
    expect(grantAlerts({ overdueReportCount: 0, overrunCategories: [] })).toEqual([]);
    expect(grantAlerts({ overdueReportCount: 2, overrunCategories: ["STAFF", "OTHER"] })).toEqual([
      { kind: "REPORT_OVERDUE", count: 2 },
      { kind: "CATEGORY_OVERRUN", category: "STAFF" },
      { kind: "CATEGORY_OVERRUN", category: "OTHER" },
    ]);
  });

  it.each([
    [{ overdueReportCount: 0, overrunCategories: [], budgetStatus: "APPROVED", pendingSpendCents: 0 }, false],
    [{ overdueReportCount: 1, overrunCategories: [], budgetStatus: "APPROVED", pendingSpendCents: 0 }, true],
    [{ overdueReportCount: 0, overrunCategories: ["STAFF"], budgetStatus: "APPROVED", pendingSpendCents: 0 }, true],
    [{ overdueReportCount: 0, overrunCategories: [], budgetStatus: "PROPOSED", pendingSpendCents: 0 }, true],
    [{ overdueReportCount: 0, overrunCategories: [], budgetStatus: "APPROVED", pendingSpendCents: 500 }, true],
  ] as const)("puts a grant on the manager's list only when it needs attention (%o)", (row, expected) => {
    expect(needsManagerAttention({ ...row, overrunCategories: [...row.overrunCategories] })).toBe(expected);
  });

  it.each([
    [0, false, "NOT_STARTED"],
    [2, false, "IN_PROGRESS"],
    [6, false, "READY_TO_SUBMIT"],
    [6, true, "SUBMITTED"],
  ] as const)("tells a reviewer with %i of 6 criteria scored (submitted: %s) where they stand: %s", (scoredCount, hasSubmittedScores, expected) => {
    expect(scoringState({ criteriaCount: 6, scoredCount, hasSubmittedScores })).toBe(expected);
  });

  it.each([
    ["OPEN", "2026-05-09", true],
    ["IN_PROGRESS", "2026-05-09", true],
    ["OPEN", "2026-05-10", false],
    ["DONE", "2026-05-01", false],
    ["CANCELLED", "2026-05-01", false],
  ] as const)("an action %s due %s is overdue: %s", (status, due, expected) => {
    expect(isActionOverdue({ status, dueDate: day(due) }, NOW)).toBe(expected);
  });

  it("never marks an action without a due day overdue", () => {
    expect(isActionOverdue({ status: "OPEN", dueDate: null }, NOW)).toBe(false);
  });
});
