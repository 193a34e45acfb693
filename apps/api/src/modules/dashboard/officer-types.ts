import type { DueItem, GrantAlert } from "@citypeer/domain/dashboard";
import { builder } from "../../builder.ts";
import { SubmissionStatusEnum } from "../benchmarks/types.ts";
import { CostCategoryEnum, GrantTotalsRef, ReportKindEnum, TrancheKindEnum } from "../grants/types.ts";
import { PriorityEnum } from "../reviews/types.ts";
import type { CityGrantState, CityScores } from "./service.ts";

// The city officer's section: what is due, the city's scores against the community median, its grant.

type Due<K extends DueItem["kind"]> = Extract<DueItem, { kind: K }>;

const DUE_TYPENAMES: Record<DueItem["kind"], string> = {
  BENCHMARK_SUBMISSION: "DueBenchmarkSubmission",
  BUDGET_PROPOSAL: "DueBudgetProposal",
  TRANCHE_REQUEST: "DueTrancheRequest",
  REPORT: "DueReport",
  RECOMMENDATION: "DueRecommendation",
  REJECTED_EXPENSE: "DueRejectedExpense",
};

export const DueItemRef = builder.interfaceRef<DueItem>("DueItem").implement({
  description: "Something the city has to do; each kind carries the ids of the page where it is done.",
  resolveType: (item) => DUE_TYPENAMES[item.kind],
  fields: (t) => ({
    isOverdue: t.exposeBoolean("isOverdue", { description: "Its due day has passed (reports only: other items cannot be late)." }),
  }),
});

export const DueSubmissionStateEnum = builder.enumType("DueSubmissionState", { values: ["NOT_STARTED", "DRAFT", "RETURNED"] as const });

builder.objectRef<Due<"BENCHMARK_SUBMISSION">>(DUE_TYPENAMES.BENCHMARK_SUBMISSION).implement({
  description: "A benchmark self-assessment to submit before the round closes for the city.",
  interfaces: [DueItemRef],
  fields: (t) => ({
    roundId: t.globalID({ resolve: (i) => ({ type: "BenchmarkRound", id: i.roundId }) }),
    roundName: t.exposeString("roundName"),
    communityName: t.exposeString("communityName"),
    /** The city's deadline: the round's closing time, or the city's extension. */
    deadline: t.expose("deadline", { type: "DateTime" }),
    state: t.field({ type: DueSubmissionStateEnum, resolve: (i) => i.status }),
  }),
});

builder.objectRef<Due<"BUDGET_PROPOSAL">>(DUE_TYPENAMES.BUDGET_PROPOSAL).implement({
  description: "The grant's budget to propose: nothing can be spent before it is approved.",
  interfaces: [DueItemRef],
  fields: (t) => ({ grantId: t.globalID({ resolve: (i) => ({ type: "Grant", id: i.grantId }) }) }),
});

builder.objectRef<Due<"TRANCHE_REQUEST">>(DUE_TYPENAMES.TRANCHE_REQUEST).implement({
  description: "A planned tranche the city requests when it is due.",
  interfaces: [DueItemRef],
  fields: (t) => ({
    grantId: t.globalID({ resolve: (i) => ({ type: "Grant", id: i.grantId }) }),
    trancheKind: t.field({ type: TrancheKindEnum, resolve: (i) => i.trancheKind }),
    amountCents: t.exposeInt("amountCents"),
    plannedOn: t.expose("plannedOn", { type: "Date" }),
  }),
});

builder.objectRef<Due<"REPORT">>(DUE_TYPENAMES.REPORT).implement({
  description: "An interim or final report not submitted yet.",
  interfaces: [DueItemRef],
  fields: (t) => ({
    grantId: t.globalID({ resolve: (i) => ({ type: "Grant", id: i.grantId }) }),
    reportKind: t.field({ type: ReportKindEnum, resolve: (i) => i.reportKind }),
    dueOn: t.expose("dueOn", { type: "Date" }),
  }),
});

builder.objectRef<Due<"RECOMMENDATION">>(DUE_TYPENAMES.RECOMMENDATION).implement({
  description: "A peer review recommendation waiting for the city's answer.",
  interfaces: [DueItemRef],
  fields: (t) => ({
    reviewId: t.globalID({ resolve: (i) => ({ type: "PeerReview", id: i.reviewId }) }),
    recommendationId: t.exposeID("recommendationId"),
    text: t.exposeString("text"),
    priority: t.field({ type: PriorityEnum, resolve: (i) => i.priority }),
  }),
});

builder.objectRef<Due<"REJECTED_EXPENSE">>(DUE_TYPENAMES.REJECTED_EXPENSE).implement({
  description: "An expense the project team rejected in the last 30 days: read why, declare it again if it applies.",
  interfaces: [DueItemRef],
  fields: (t) => ({
    grantId: t.globalID({ resolve: (i) => ({ type: "Grant", id: i.grantId }) }),
    expenseId: t.globalID({ resolve: (i) => ({ type: "Expense", id: i.expenseId }) }),
    description: t.exposeString("description"),
    amountCents: t.exposeInt("amountCents"),
    reason: t.exposeString("reason"),
    rejectedAt: t.expose("rejectedAt", { type: "DateTime" }),
  }),
});

export const GrantAlertKindEnum = builder.enumType("GrantAlertKind", { values: ["REPORT_OVERDUE", "CATEGORY_OVERRUN"] as const });

export const GrantAlertRef = builder.objectRef<GrantAlert>("GrantAlert").implement({
  description: "A report past its due day (with how many), or a cost category more than 20% over its approved line.",
  fields: (t) => ({
    kind: t.field({ type: GrantAlertKindEnum, resolve: (a) => a.kind }),
    count: t.int({ nullable: true, resolve: (a) => (a.kind === "REPORT_OVERDUE" ? a.count : null) }),
    category: t.field({ type: CostCategoryEnum, nullable: true, resolve: (a) => (a.kind === "CATEGORY_OVERRUN" ? a.category : null) }),
  }),
});

export const CityGrantRef = builder.objectRef<CityGrantState>("CityGrantSummary").implement({
  description: "The city's pilot grant at a glance: the grant page's figures and its alerts.",
  fields: (t) => ({
    grantId: t.globalID({ resolve: (g) => ({ type: "Grant", id: g.grantId }) }),
    totals: t.field({ type: GrantTotalsRef, resolve: (g) => g.figures }),
    alerts: t.field({ type: [GrantAlertRef], resolve: (g) => g.alerts }),
  }),
});

const DimensionComparisonRef = builder.objectRef<CityScores["dimensions"][number]>("DimensionComparison").implement({
  description: "The city's weighted score on one dimension (0-4) beside the community median of validated self-assessments.",
  fields: (t) => ({
    dimensionId: t.exposeID("dimensionId"),
    code: t.exposeString("code"),
    title: t.exposeString("title"),
    score: t.exposeFloat("score", { nullable: true }),
    median: t.exposeFloat("median", { nullable: true }),
  }),
});

export const CityScoresRef = builder.objectRef<CityScores>("CityScores").implement({
  description: "The city's latest submitted or validated self-assessment against the community median.",
  fields: (t) => ({
    roundId: t.globalID({ resolve: (s) => ({ type: "BenchmarkRound", id: s.roundId }) }),
    roundName: t.exposeString("roundName"),
    communityName: t.exposeString("communityName"),
    /** SUBMITTED: waits for validation, so it is not in the median yet. */
    status: t.field({ type: SubmissionStatusEnum, resolve: (s) => s.status }),
    overall: t.exposeFloat("overall", { nullable: true }),
    overallMedian: t.exposeFloat("overallMedian", { nullable: true }),
    validatedCityCount: t.exposeInt("validatedCityCount"),
    dimensions: t.field({ type: [DimensionComparisonRef], resolve: (s) => s.dimensions }),
  }),
});
