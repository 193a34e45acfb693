import { DASHBOARD_LIST_LIMIT } from "@citypeer/domain/dashboard";
import { builder } from "../../builder.ts";
import type { Viewer } from "../../context.ts";
import { SubmissionRef } from "../benchmarks/types.ts";
import { MentoringAssignmentRef } from "../open-call/mentoring-types.ts";
import { OpenCallRef } from "../open-call/types.ts";
import { ReviewRef } from "../reviews/types.ts";
import { activeReviews, assignedActiveReviews, cityId, mentorActiveAssignments, runningCalls } from "./access.ts";
import { CityGrantRef, CityScoresRef, DueItemRef, GrantAlertRef } from "./officer-types.ts";
import { cityDueItems, cityGrant, cityRecommendations, cityRounds, cityScores, grantsOverview, once, type GrantAttention, type GrantsOverview } from "./service.ts";

/** One request's dashboard: the moment it was asked (every section judges "due" and "overdue" against it). */
export type DashboardRoot = { now: Date };
type Section = { viewer: Viewer; now: Date };

function officerSection(db: Parameters<typeof cityRounds>[0], viewer: Viewer, now: Date) {
  const organizationId = cityId(viewer);
  return {
    now,
    rounds: once(() => cityRounds(db, organizationId, now)),
    grant: once(() => cityGrant(db, organizationId, now)),
    recommendations: once(() => cityRecommendations(db, organizationId)),
    scores: once(() => cityScores(db, organizationId)),
  };
}

const OfficerDashboardRef = builder.objectRef<ReturnType<typeof officerSection>>("OfficerDashboard").implement({
  description: "A city officer's start page, for their own city only.",
  fields: (t) => ({
    /** Everything the city has to do, overdue first, then by date. */
    due: t.field({ type: [DueItemRef], resolve: (s) => cityDueItems(s, s.now) }),
    /** Null until the city has submitted a self-assessment. */
    scores: t.field({ type: CityScoresRef, nullable: true, resolve: (s) => s.scores() }),
    /** Null for a city without a pilot grant (an outside city). */
    grant: t.field({ type: CityGrantRef, nullable: true, resolve: (s) => s.grant() }),
  }),
});

const ReviewerDashboardRef = builder.objectRef<Section>("ReviewerDashboard").implement({
  description: "A peer reviewer's start page.",
  fields: (t) => ({
    /** The reviews the viewer is assigned to and that still run, soonest first. */
    reviews: t.prismaField({
      type: [ReviewRef],
      resolve: (query, s, _args, ctx) =>
        ctx.db.peerReview.findMany({ ...query, where: assignedActiveReviews(s.viewer), orderBy: [{ startsOn: "asc" }, { id: "asc" }], take: DASHBOARD_LIST_LIMIT }),
    }),
  }),
});

const GrantAttentionRef = builder.objectRef<GrantAttention>("GrantAttention").implement({
  description: "A grant with an alert or a decision waiting for the project team.",
  fields: (t) => ({
    grantId: t.globalID({ resolve: (g) => ({ type: "Grant", id: g.grantId }) }),
    cityName: t.exposeString("cityName", { nullable: true }),
    organizationName: t.exposeString("organizationName"),
    alerts: t.field({ type: [GrantAlertRef], resolve: (g) => g.alerts }),
    budgetAwaitingApproval: t.exposeBoolean("budgetAwaitingApproval"),
    /** Declared expenses waiting for a decision (0: none). */
    pendingSpendCents: t.exposeInt("pendingSpendCents"),
  }),
});

const GrantsOverviewRef = builder.objectRef<GrantsOverview>("GrantsOverview").implement({
  description: "The grants portfolio summed up (amounts in cents) and the grants that need the project team.",
  fields: (t) => ({
    grantCount: t.exposeInt("grantCount"),
    // Sums over every grant: GraphQL's Int stops at 2^31 - 1 cents (EUR 21.5 million, about 715 grants at
    // the EUR 30,000 cap, which pnpm bench reaches at 100x); Float holds whole cents exactly up to 2^53.
    capCents: t.exposeFloat("capCents"),
    approvedSpendCents: t.exposeFloat("approvedSpendCents"),
    pendingSpendCents: t.exposeFloat("pendingSpendCents"),
    remainingCents: t.exposeFloat("remainingCents"),
    attention: t.field({ type: [GrantAttentionRef], resolve: (g) => g.attention }),
    attentionCount: t.exposeInt("attentionCount"),
  }),
});

type ManagerSection = Section & { grants: () => Promise<GrantsOverview> };

const ManagerDashboardRef = builder.objectRef<ManagerSection>("ManagerDashboard").implement({
  description: "A project manager's start page.",
  fields: (t) => ({
    /** Reviews scheduled or in progress, earliest first. */
    reviewSchedule: t.prismaField({
      type: [ReviewRef],
      resolve: (query, _s, _args, ctx) => ctx.db.peerReview.findMany({ ...query, where: activeReviews, orderBy: [{ startsOn: "asc" }, { id: "asc" }], take: DASHBOARD_LIST_LIMIT }),
    }),
    /** Self-assessments waiting for validation, longest waiting first. */
    submissionsToValidate: t.prismaField({
      type: [SubmissionRef],
      resolve: (query, _s, _args, ctx) =>
        ctx.db.benchmarkSubmission.findMany({ ...query, where: { status: "SUBMITTED" }, orderBy: [{ submittedAt: "asc" }, { id: "asc" }], take: DASHBOARD_LIST_LIMIT }),
    }),
    submissionsToValidateCount: t.int({ resolve: (_s, _args, ctx) => ctx.db.benchmarkSubmission.count({ where: { status: "SUBMITTED" } }) }),
    grants: t.field({ type: GrantsOverviewRef, resolve: (s) => s.grants() }),
    /** Open calls not finished yet (draft, published, closed), nearest deadline first. */
    openCalls: t.prismaField({
      type: [OpenCallRef],
      resolve: (query, _s, _args, ctx) => ctx.db.openCall.findMany({ ...query, where: runningCalls, orderBy: [{ deadline: "asc" }, { id: "asc" }], take: DASHBOARD_LIST_LIMIT }),
    }),
  }),
});

const MentorDashboardRef = builder.objectRef<Section>("MentorDashboard").implement({
  description: "A mentor's start page.",
  fields: (t) => ({
    /** The viewer's running mentoring, one per mentee city, longest running first. */
    mentees: t.prismaField({
      type: [MentoringAssignmentRef],
      resolve: (query, s, _args, ctx) =>
        ctx.db.mentoringAssignment.findMany({ ...query, where: mentorActiveAssignments(s.viewer), orderBy: [{ startedAt: "asc" }, { id: "asc" }], take: DASHBOARD_LIST_LIMIT }),
    }),
  }),
});

/**
 * The start page: one section per role of the viewer, null for roles they do not have (a person may have
 * several). Admins see the project team's section only if they are project managers too.
 */
export const DashboardRef = builder.objectRef<DashboardRoot>("Dashboard").implement({
  fields: (t) => ({
    officer: t.field({
      type: OfficerDashboardRef,
      nullable: true,
      authScopes: { cityOfficer: true },
      unauthorizedResolver: () => null,
      resolve: (root, _args, ctx) => (ctx.viewer!.organizationId ? officerSection(ctx.db, ctx.viewer!, root.now) : null),
    }),
    reviewer: t.field({
      type: ReviewerDashboardRef,
      nullable: true,
      authScopes: { peerReviewer: true },
      unauthorizedResolver: () => null,
      resolve: (root, _args, ctx) => ({ viewer: ctx.viewer!, now: root.now }),
    }),
    manager: t.field({
      type: ManagerDashboardRef,
      nullable: true,
      authScopes: { projectManager: true },
      unauthorizedResolver: () => null,
      resolve: (root, _args, ctx) => ({ viewer: ctx.viewer!, now: root.now, grants: once(() => grantsOverview(ctx.db, root.now)) }),
    }),
    mentor: t.field({
      type: MentorDashboardRef,
      nullable: true,
      authScopes: { mentor: true },
      unauthorizedResolver: () => null,
      resolve: (root, _args, ctx) => ({ viewer: ctx.viewer!, now: root.now }),
    }),
  }),
});
