import type { Client } from "@citypeer/db";
import { spread, weightedScores, type FrameworkShape, type SubmissionStatus } from "@citypeer/domain/benchmarks";
import {
  DASHBOARD_LIST_LIMIT,
  grantAlerts,
  grantDecisionsWaiting,
  needsManagerAttention,
  officerDueItems,
  type CityGrant,
  type CityRecommendation,
  type CityRound,
  type DueItem,
  type GrantAlert,
} from "@citypeer/domain/dashboard";
import { grantFigures, type GrantFigures } from "@citypeer/domain/grants";
import { grantPortfolio } from "../grants/portfolio.ts";

// Loaders of the dashboard sections. Each reads a fixed number of SQL statements, whatever the number of
// cities, rounds, expenses or reviews: lists load in bulk, relations once per level.

/** Calls `load` once, however many fields ask (a section's fields share what they read). */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= load());
}

// ---------------------------------------------------------------------------------------------
// City officer
// ---------------------------------------------------------------------------------------------

/** Rounds open now (or until the city's extended deadline) in the communities the city is an active member of. */
export async function cityRounds(db: Client, organizationId: string, now: Date): Promise<CityRound[]> {
  const rounds = await db.benchmarkRound.findMany({
    where: {
      community: { members: { some: { organizationId, status: "ACTIVE" } } },
      opensAt: { lte: now },
      OR: [{ closesAt: { gt: now } }, { extensions: { some: { organizationId, closesAt: { gt: now } } } }],
    },
    orderBy: [{ closesAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      opensAt: true,
      closesAt: true,
      community: { select: { name: true } },
      extensions: { where: { organizationId }, select: { closesAt: true } },
      submissions: { where: { organizationId }, select: { status: true } },
    },
  });
  return rounds.map((r) => ({
    roundId: r.id,
    roundName: r.name,
    communityName: r.community.name,
    opensAt: r.opensAt,
    closesAt: r.closesAt,
    extendedUntil: r.extensions[0]?.closesAt ?? null,
    submissionStatus: (r.submissions[0]?.status ?? null) as SubmissionStatus | null,
  }));
}

export type CityGrantState = CityGrant & { figures: GrantFigures; alerts: GrantAlert[] };

/** The city's pilot grant with its figures (the same domain rules as the grant page) and alerts. */
export async function cityGrant(db: Client, organizationId: string, now: Date): Promise<CityGrantState | null> {
  const grant = await db.grant.findFirst({
    where: { pilot: { organizationId } },
    select: {
      id: true,
      capCents: true,
      budgetStatus: true,
      budgetLines: { select: { category: true, plannedCents: true, approvedCents: true } },
      tranches: { select: { id: true, kind: true, amountCents: true, status: true, plannedDate: true } },
      expenses: { select: { id: true, category: true, amountCents: true, status: true, spentOn: true, description: true, decidedAt: true, rejectionReason: true } },
      deadlines: { select: { id: true, kind: true, dueDate: true, submittedAt: true } },
    },
  });
  if (!grant) return null;
  const figures = grantFigures({ ...grant, lines: grant.budgetLines }, now);
  return {
    grantId: grant.id,
    budgetStatus: grant.budgetStatus,
    tranches: grant.tranches.map((t) => ({ trancheId: t.id, kind: t.kind, amountCents: t.amountCents, status: t.status, plannedDate: t.plannedDate })),
    deadlines: grant.deadlines.map((d) => ({ deadlineId: d.id, kind: d.kind, dueDate: d.dueDate, submittedAt: d.submittedAt })),
    expenses: grant.expenses.map((e) => ({ expenseId: e.id, description: e.description, amountCents: e.amountCents, status: e.status, decidedAt: e.decidedAt, rejectionReason: e.rejectionReason })),
    figures,
    alerts: grantAlerts(figures),
  };
}

/** Review recommendations to the city's pilot that wait for the city's answer. */
export async function cityRecommendations(db: Client, organizationId: string): Promise<CityRecommendation[]> {
  const rows = await db.reviewRecommendation.findMany({
    where: { answer: { is: null }, review: { pilot: { organizationId }, status: { not: "CANCELLED" } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, reviewId: true, text: true, priority: true, review: { select: { status: true } } },
  });
  return rows.map((r) => ({ recommendationId: r.id, reviewId: r.reviewId, text: r.text, priority: r.priority, isAnswered: false, reviewStatus: r.review.status }));
}

export async function cityDueItems(loaders: { rounds: () => Promise<CityRound[]>; grant: () => Promise<CityGrantState | null>; recommendations: () => Promise<CityRecommendation[]> }, now: Date): Promise<DueItem[]> {
  const [rounds, grant, recommendations] = await Promise.all([loaders.rounds(), loaders.grant(), loaders.recommendations()]);
  return officerDueItems({ rounds, grant, recommendations }, now);
}

export type CityScores = {
  roundId: string;
  roundName: string;
  communityName: string;
  status: SubmissionStatus;
  overall: number | null;
  overallMedian: number | null;
  validatedCityCount: number;
  dimensions: { dimensionId: string; code: string; title: string; score: number | null; median: number | null }[];
};

/**
 * The city's scores in its latest round with a submitted or validated self-assessment, beside the community
 * median of the validated ones (the results page's rules: weighted 0-4 scores, type-7 median).
 */
export async function cityScores(db: Client, organizationId: string): Promise<CityScores | null> {
  const round = await db.benchmarkRound.findFirst({
    where: { submissions: { some: { organizationId, status: { in: ["SUBMITTED", "VALIDATED"] } } } },
    orderBy: [{ opensAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      community: { select: { name: true } },
      framework: {
        select: { dimensions: { orderBy: { position: "asc" }, select: { id: true, code: true, title: true, indicators: { select: { id: true, code: true, weight: true } } } } },
      },
      submissions: {
        where: { OR: [{ status: "VALIDATED" }, { organizationId, status: "SUBMITTED" }] },
        select: { organizationId: true, status: true, scores: { select: { indicatorId: true, level: true } } },
      },
    },
  });
  if (!round) return null;
  const shape: FrameworkShape = { dimensions: round.framework.dimensions };
  const scored = round.submissions.map((s) => ({
    organizationId: s.organizationId,
    status: s.status,
    score: weightedScores(shape, Object.fromEntries(s.scores.map((x) => [x.indicatorId, x.level]))),
  }));
  const mine = scored.find((s) => s.organizationId === organizationId)!;
  const validated = scored.filter((s) => s.status === "VALIDATED");
  const medianOf = (values: (number | null)[]) => spread(values.filter((v): v is number => v !== null))?.median ?? null;
  return {
    roundId: round.id,
    roundName: round.name,
    communityName: round.community.name,
    status: mine.status,
    overall: mine.score.overall,
    overallMedian: medianOf(validated.map((s) => s.score.overall)),
    validatedCityCount: validated.length,
    dimensions: round.framework.dimensions.map((d) => ({
      dimensionId: d.id,
      code: d.code,
      title: d.title,
      score: mine.score.byDimension[d.id] ?? null,
      median: medianOf(validated.map((s) => s.score.byDimension[d.id] ?? null)),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Project manager
// ---------------------------------------------------------------------------------------------

export type GrantAttention = {
  grantId: string;
  cityName: string | null;
  organizationName: string;
  alerts: GrantAlert[];
  budgetAwaitingApproval: boolean;
  pendingSpendCents: number;
};

export type GrantsOverview = {
  grantCount: number;
  capCents: number;
  approvedSpendCents: number;
  pendingSpendCents: number;
  remainingCents: number;
  /** Grants with an alert or a decision waiting, alerts first; at most DASHBOARD_LIST_LIMIT. */
  attention: GrantAttention[];
  attentionCount: number;
};

/** The portfolio (the grants module's own rows and figures) summed up, and the grants that need the team. */
export async function grantsOverview(db: Client, now: Date): Promise<GrantsOverview> {
  const rows = await grantPortfolio(db, now);
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((total, r) => total + pick(r), 0);
  const attention = rows
    .filter(needsManagerAttention)
    .map((r) => ({
      grantId: r.grantId,
      cityName: r.cityName,
      organizationName: r.organizationName,
      alerts: grantAlerts(r),
      budgetAwaitingApproval: grantDecisionsWaiting(r).budgetAwaitingApproval,
      pendingSpendCents: r.pendingSpendCents,
    }))
    // alerts before waiting decisions; the portfolio's city order within each
    .sort((a, b) => Number(b.alerts.length > 0) - Number(a.alerts.length > 0));
  return {
    grantCount: rows.length,
    capCents: sum((r) => r.capCents),
    approvedSpendCents: sum((r) => r.approvedSpendCents),
    pendingSpendCents: sum((r) => r.pendingSpendCents),
    remainingCents: sum((r) => r.remainingCents),
    attention: attention.slice(0, DASHBOARD_LIST_LIMIT),
    attentionCount: attention.length,
  };
}
