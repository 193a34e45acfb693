import { acceptsSubmissions, isEditable, type SubmissionStatus } from "./benchmarks.ts";
import { dayStart, isReportOverdue, isoDayOf, type BudgetStatus, type CostCategory, type GrantFigures, type ReportKind, type TrancheKind } from "./grants.ts";
import type { ACTION_STATUSES } from "./open-call.ts";

// What each role's start page lists: the rules that decide what is "due", "overdue" and worth an alert.
// They compose the rules of the other contexts (round windows, report deadlines, budget overruns) so the
// dashboard and the pages where people act always agree.

/** A rejected expense stays on the city's list this long, so the officer reads the reason and can declare it again. */
export const REJECTED_EXPENSE_DAYS = 30;
/** Lists on a dashboard show this many rows; the page behind the link shows them all. */
export const DASHBOARD_LIST_LIMIT = 10;
/** How many upcoming mentoring sessions a mentor sees per mentee city. */
export const UPCOMING_SESSIONS_PER_MENTEE = 3;

const DAY_MS = 86_400_000;
const PRIORITY_ORDER = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;
export type RecommendationPriority = keyof typeof PRIORITY_ORDER;

// ---------------------------------------------------------------------------------------------
// The city officer's list of what is due
// ---------------------------------------------------------------------------------------------

/** A benchmark round of a community the city belongs to, with the city's own submission state and deadline. */
export type CityRound = {
  roundId: string;
  roundName: string;
  communityName: string;
  opensAt: Date;
  closesAt: Date;
  /** The city's own later deadline, when a project manager extended it. */
  extendedUntil: Date | null;
  /** Null: the city has not started its self-assessment. */
  submissionStatus: SubmissionStatus | null;
};

export type CityGrant = {
  grantId: string;
  budgetStatus: BudgetStatus;
  tranches: readonly { trancheId: string; kind: TrancheKind; amountCents: number; status: string; plannedDate: Date }[];
  deadlines: readonly { deadlineId: string; kind: ReportKind; dueDate: Date; submittedAt: Date | null }[];
  expenses: readonly { expenseId: string; description: string; amountCents: number; status: string; decidedAt: Date | null; rejectionReason: string | null }[];
};

export type CityRecommendation = { recommendationId: string; reviewId: string; text: string; priority: RecommendationPriority; isAnswered: boolean; reviewStatus: string };

export type DueItem =
  | { kind: "BENCHMARK_SUBMISSION"; isOverdue: false; roundId: string; roundName: string; communityName: string; deadline: Date; status: "NOT_STARTED" | "DRAFT" | "RETURNED" }
  | { kind: "BUDGET_PROPOSAL"; isOverdue: false; grantId: string }
  | { kind: "TRANCHE_REQUEST"; isOverdue: false; grantId: string; trancheId: string; trancheKind: TrancheKind; amountCents: number; plannedOn: Date }
  | { kind: "REPORT"; isOverdue: boolean; grantId: string; deadlineId: string; reportKind: ReportKind; dueOn: Date }
  | { kind: "RECOMMENDATION"; isOverdue: false; reviewId: string; recommendationId: string; text: string; priority: RecommendationPriority }
  | { kind: "REJECTED_EXPENSE"; isOverdue: false; grantId: string; expenseId: string; description: string; amountCents: number; reason: string; rejectedAt: Date };
export type DueItemKind = DueItem["kind"];

/** The moment an item is due, for ordering; null when it has no date. Calendar days count from their start. */
export function dueMoment(item: DueItem): Date | null {
  switch (item.kind) {
    case "BENCHMARK_SUBMISSION":
      return item.deadline;
    case "TRANCHE_REQUEST":
      return item.plannedOn;
    case "REPORT":
      return item.dueOn;
    default:
      return null;
  }
}

/**
 * A self-assessment is due while the round takes the city's submission (until its own deadline) and the
 * city has not submitted it: not started, a draft, or returned by the project team for changes.
 */
export function submissionDue(round: CityRound, now: Date): DueItem | null {
  if (!acceptsSubmissions(round, now, round.extendedUntil)) return null;
  if (round.submissionStatus !== null && !isEditable(round.submissionStatus)) return null;
  const deadline = round.extendedUntil && round.extendedUntil > round.closesAt ? round.extendedUntil : round.closesAt;
  return {
    kind: "BENCHMARK_SUBMISSION",
    isOverdue: false,
    roundId: round.roundId,
    roundName: round.roundName,
    communityName: round.communityName,
    deadline,
    status: round.submissionStatus === null ? "NOT_STARTED" : (round.submissionStatus as "DRAFT" | "RETURNED"),
  };
}

/**
 * What a grant asks of the city: a budget to propose before anything else, planned tranches to request,
 * every report not submitted yet (overdue once its day has passed), and expenses the project team
 * rejected in the last 30 days (to read why and declare again if it applies).
 */
export function grantDue(grant: CityGrant, now: Date): DueItem[] {
  const items: DueItem[] = [];
  if (grant.budgetStatus === "NOT_PROPOSED") items.push({ kind: "BUDGET_PROPOSAL", isOverdue: false, grantId: grant.grantId });
  for (const t of grant.tranches) {
    if (t.status !== "PLANNED") continue;
    items.push({ kind: "TRANCHE_REQUEST", isOverdue: false, grantId: grant.grantId, trancheId: t.trancheId, trancheKind: t.kind, amountCents: t.amountCents, plannedOn: t.plannedDate });
  }
  for (const d of grant.deadlines) {
    if (d.submittedAt !== null) continue;
    items.push({ kind: "REPORT", isOverdue: isReportOverdue(d, now), grantId: grant.grantId, deadlineId: d.deadlineId, reportKind: d.kind, dueOn: d.dueDate });
  }
  const since = now.getTime() - REJECTED_EXPENSE_DAYS * DAY_MS;
  for (const e of grant.expenses) {
    if (e.status !== "REJECTED" || !e.decidedAt || e.decidedAt.getTime() < since) continue;
    items.push({
      kind: "REJECTED_EXPENSE",
      isOverdue: false,
      grantId: grant.grantId,
      expenseId: e.expenseId,
      description: e.description,
      amountCents: e.amountCents,
      reason: e.rejectionReason ?? "",
      rejectedAt: e.decidedAt,
    });
  }
  return items;
}

/** A review recommendation waits for the host city's answer until it has one (a cancelled review asks nothing). */
export function recommendationDue(r: CityRecommendation): DueItem | null {
  if (r.isAnswered || r.reviewStatus === "CANCELLED") return null;
  return { kind: "RECOMMENDATION", isOverdue: false, reviewId: r.reviewId, recommendationId: r.recommendationId, text: r.text, priority: r.priority };
}

/**
 * Orders what is due: overdue first, then by date (soonest first), then what has no date: the budget
 * proposal (nothing can be spent before it), recommendations by priority, recently rejected expenses.
 */
export function compareDue(a: DueItem, b: DueItem): number {
  if (a.isOverdue !== b.isOverdue) return a.isOverdue ? -1 : 1;
  const ma = dueMoment(a);
  const mb = dueMoment(b);
  if (ma && mb) return ma.getTime() - mb.getTime();
  if (ma || mb) return ma ? -1 : 1;
  const rank = (i: DueItem) => ["BUDGET_PROPOSAL", "RECOMMENDATION", "REJECTED_EXPENSE"].indexOf(i.kind);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a.kind === "RECOMMENDATION" && b.kind === "RECOMMENDATION") return PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority];
  if (a.kind === "REJECTED_EXPENSE" && b.kind === "REJECTED_EXPENSE") return b.rejectedAt.getTime() - a.rejectedAt.getTime();
  return 0;
}

/** Everything due for one city, in the order it should be done. */
export function officerDueItems(
  input: { rounds: readonly CityRound[]; grant: CityGrant | null; recommendations: readonly CityRecommendation[] },
  now: Date,
): DueItem[] {
  const items = [
    ...input.rounds.map((r) => submissionDue(r, now)),
    ...(input.grant ? grantDue(input.grant, now) : []),
    ...input.recommendations.map(recommendationDue),
  ].filter((i): i is DueItem => i !== null);
  return items.sort(compareDue);
}

// ---------------------------------------------------------------------------------------------
// Grant alerts (the officer's own grant and the project team's portfolio)
// ---------------------------------------------------------------------------------------------

export type GrantAlert = { kind: "REPORT_OVERDUE"; count: number } | { kind: "CATEGORY_OVERRUN"; category: CostCategory };

/** A grant's alerts: reports past their due day, and categories spent more than 20% above their approved line. */
export function grantAlerts(figures: Pick<GrantFigures, "overdueReportCount" | "overrunCategories">): GrantAlert[] {
  return [
    ...(figures.overdueReportCount > 0 ? [{ kind: "REPORT_OVERDUE" as const, count: figures.overdueReportCount }] : []),
    ...figures.overrunCategories.map((category) => ({ kind: "CATEGORY_OVERRUN" as const, category })),
  ];
}

/** The project team's decisions a grant waits for: a proposed budget, declared expenses. */
export function grantDecisionsWaiting(row: { budgetStatus: BudgetStatus; pendingSpendCents: number }): { budgetAwaitingApproval: boolean; expensesAwaitingDecision: boolean } {
  return { budgetAwaitingApproval: row.budgetStatus === "PROPOSED", expensesAwaitingDecision: row.pendingSpendCents > 0 };
}

/** A portfolio row earns a place on the project manager's dashboard when it has an alert or waits for a decision. */
export function needsManagerAttention(row: Pick<GrantFigures, "overdueReportCount" | "overrunCategories"> & { budgetStatus: BudgetStatus; pendingSpendCents: number }): boolean {
  const waiting = grantDecisionsWaiting(row);
  return grantAlerts(row).length > 0 || waiting.budgetAwaitingApproval || waiting.expensesAwaitingDecision;
}

// ---------------------------------------------------------------------------------------------
// Reviewers and mentors
// ---------------------------------------------------------------------------------------------

export const SCORING_STATES = ["NOT_STARTED", "IN_PROGRESS", "READY_TO_SUBMIT", "SUBMITTED"] as const;
export type ScoringState = (typeof SCORING_STATES)[number];

/**
 * Where a reviewer stands with their scores on a review: nothing scored yet, some criteria left, every
 * criterion scored but not submitted (the others' scores stay hidden until then), or submitted (final).
 */
export function scoringState(review: { criteriaCount: number; scoredCount: number; hasSubmittedScores: boolean }): ScoringState {
  if (review.hasSubmittedScores) return "SUBMITTED";
  if (review.scoredCount === 0) return "NOT_STARTED";
  return review.scoredCount >= review.criteriaCount ? "READY_TO_SUBMIT" : "IN_PROGRESS";
}

export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const OPEN_ACTION_STATUSES = ["OPEN", "IN_PROGRESS"] as const satisfies readonly ActionStatus[];

/** A support action is open until it is done or cancelled. */
export function isOpenAction(status: ActionStatus): boolean {
  return (OPEN_ACTION_STATUSES as readonly string[]).includes(status);
}

/** An open support action is overdue once its due day has passed (an action without a day never is). */
export function isActionOverdue(action: { status: ActionStatus; dueDate: Date | null }, now: Date): boolean {
  return isOpenAction(action.status) && action.dueDate !== null && isoDayOf(action.dueDate) < isoDayOf(now);
}

/** Midnight UTC of today: calendar-day comparisons (reviews, sessions, actions) start here. */
export function startOfToday(now: Date): Date {
  return dayStart(isoDayOf(now));
}
