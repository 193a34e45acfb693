import { OPEN_ACTION_STATUSES, SCORING_STATES, UPCOMING_SESSIONS_PER_MENTEE, isActionOverdue, scoringState } from "@citypeer/domain/dashboard";
import { builder } from "../../builder.ts";
import { ReviewRef } from "../reviews/types.ts";

// Fields the dashboards read on other contexts' types. Each is a relation or a count planned into the
// parent's query, so a list of reviews or mentoring plans still loads in one statement per level.

const NOBODY = "00000000-0000-0000-0000-000000000000";

export const ScoringStateEnum = builder.enumType("ScoringState", {
  description: "Where the viewer stands with their scores on a review (READY_TO_SUBMIT: every criterion scored, not submitted).",
  values: SCORING_STATES,
});

const mine = (viewerId: string | undefined) => ({ reviewerId: viewerId ?? NOBODY });

builder.prismaObjectFields(ReviewRef, (t) => ({
  /** How many criteria the review's rubric has. */
  criteriaCount: t.relationCount("criteria"),
  /** How many of them the viewer has scored (a draft counts): with `criteriaCount`, what is still to score. */
  viewerScoredCount: t.relationCount("scores", { where: (_args, ctx) => mine(ctx.viewer?.id) }),
  /** Counted in the review's own statement, so a list of reviews needs no extra query for it. */
  viewerScoringState: t.field({
    type: ScoringStateEnum,
    select: (_args, ctx) => ({
      _count: {
        select: {
          criteria: true,
          scores: { where: mine(ctx.viewer?.id) },
          assignments: { where: { ...mine(ctx.viewer?.id), scoresSubmittedAt: { not: null } } },
        },
      },
    }),
    resolve: (r) => scoringState({ criteriaCount: r._count.criteria, scoredCount: r._count.scores, hasSubmittedScores: r._count.assignments > 0 }),
  }),
}));

builder.prismaObjectFields("SupportPlan", (t) => ({
  /** The next mentoring sessions (from now on), soonest first. */
  upcomingSessions: t.relation("sessions", {
    query: () => ({ where: { date: { gte: new Date() } }, orderBy: [{ date: "asc" }, { id: "asc" }], take: UPCOMING_SESSIONS_PER_MENTEE }),
  }),
  /** Actions not done or cancelled yet, earliest due first (those without a day last). */
  openActions: t.relation("actions", {
    query: { where: { status: { in: [...OPEN_ACTION_STATUSES] } }, orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { title: "asc" }, { id: "asc" }] },
  }),
}));

builder.prismaObjectField("SupportAction", "isOverdue", (t) =>
  t.boolean({ description: "Open and its due day has passed.", resolve: (action) => isActionOverdue(action, new Date()) }),
);
