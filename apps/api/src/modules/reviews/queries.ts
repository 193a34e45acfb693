import { rankReviewers } from "@citypeer/domain/reviews";
import { proposeAssignment } from "@citypeer/domain/review-assignment";
import { builder } from "../../builder.ts";
import { InputError } from "../../errors.ts";
import { CommunityRef } from "../communities/types.ts";
import { UserRef } from "../identity/types.ts";
import { PilotRef } from "../pilots/types.ts";
import { viewerSeesAllScores } from "./access.ts";
import { isoDay, loadCandidates, loadPilot } from "./service.ts";
import { ReviewRef, ReviewStatusEnum } from "./types.ts";

type Reason = { code: string; value: string };
const ReasonRef = builder.objectRef<Reason>("RankReason").implement({
  description: "Why a candidate ranks where it does; `code` is translated by the web app.",
  fields: (t) => ({ code: t.exposeString("code"), value: t.exposeString("value") }),
});

const SuggestionRef = builder.objectRef<{ userId: string; rank: number; reasons: Reason[] }>("ReviewerSuggestion").implement({
  fields: (t) => ({
    rank: t.exposeInt("rank"),
    reviewer: t.prismaField({ type: UserRef, resolve: (query, s, _a, ctx) => ctx.db.user.findUniqueOrThrow({ ...query, where: { id: s.userId } }) }),
    reasons: t.field({ type: [ReasonRef], resolve: (s) => s.reasons }),
  }),
});

type ProposalReviewer = { userId: string; name: string; reasons: Reason[] };
const ProposedReviewerRef = builder.objectRef<ProposalReviewer>("ProposedReviewer").implement({
  fields: (t) => ({
    reviewerId: t.id({ resolve: (r) => Buffer.from(`User:${r.userId}`).toString("base64") }),
    name: t.exposeString("name"),
    reasons: t.field({ type: [ReasonRef], resolve: (r) => r.reasons }),
  }),
});
const PilotProposalRef = builder.objectRef<{ pilotId: string; title: string; cityName: string; missing: number; reviewers: ProposalReviewer[] }>("PilotReviewProposal").implement({
  fields: (t) => ({
    pilotId: t.id({ resolve: (p) => Buffer.from(`Pilot:${p.pilotId}`).toString("base64") }),
    title: t.exposeString("title"),
    cityName: t.exposeString("cityName"),
    /** Reviewers still needed when not enough eligible people exist. */
    missing: t.exposeInt("missing"),
    reviewers: t.field({ type: [ProposedReviewerRef], resolve: (p) => p.reviewers }),
  }),
});

const IndicatorComparisonRef = builder
  .objectRef<{ indicatorId: string; code: string; title: string; selfLevel: number | null; peerLevels: number[] | null; peerMean: number | null }>("IndicatorComparison")
  .implement({
    description: "The city's self-assessed level beside the reviewers' view, per indicator the pilot addresses.",
    fields: (t) => ({
      indicatorId: t.exposeID("indicatorId"),
      code: t.exposeString("code"),
      title: t.exposeString("title"),
      selfLevel: t.exposeInt("selfLevel", { nullable: true }),
      /** Null until the viewer may see the reviewers' scores. */
      peerLevels: t.exposeIntList("peerLevels", { nullable: true }),
      peerMean: t.exposeFloat("peerMean", { nullable: true }),
    }),
  });

builder.prismaObjectField(ReviewRef, "indicatorComparison", (t) =>
  t.field({
    type: [IndicatorComparisonRef],
    select: {
      status: true,
      pilot: { select: { organizationId: true, indicators: { select: { indicator: { select: { id: true, code: true, title: true } } } } } },
      assignments: { select: { reviewerId: true, scoresSubmittedAt: true } },
      indicatorViews: { select: { reviewerId: true, indicatorId: true, level: true } },
    },
    // one review page at a time: a single extra statement for the self-assessed levels
    resolve: async (review, _args, ctx) => {
      const indicators = review.pilot.indicators.map((i) => i.indicator);
      const selfScores = await ctx.db.indicatorScore.findMany({
        where: { indicatorId: { in: indicators.map((i) => i.id) }, submission: { organizationId: review.pilot.organizationId, status: { in: ["SUBMITTED", "VALIDATED"] } } },
        orderBy: { submission: { updatedAt: "desc" } },
        select: { indicatorId: true, level: true },
      });
      const visible = viewerSeesAllScores(ctx.viewer, review);
      const submitted = new Set(review.assignments.filter((a) => a.scoresSubmittedAt).map((a) => a.reviewerId));
      return indicators.map((i) => {
        const levels = review.indicatorViews.filter((v) => v.indicatorId === i.id && submitted.has(v.reviewerId)).map((v) => v.level);
        return {
          indicatorId: i.id,
          code: i.code,
          title: i.title,
          selfLevel: selfScores.find((s) => s.indicatorId === i.id)?.level ?? null,
          peerLevels: visible ? levels : null,
          peerMean: visible && levels.length ? Math.round((levels.reduce((a, b) => a + b, 0) / levels.length) * 100) / 100 : null,
        };
      });
    },
  }),
);

builder.queryFields((t) => ({
  /** The review calendar: reviews overlapping a period (default: from today on). */
  reviews: t.prismaField({
    type: [ReviewRef],
    authScopes: { signedIn: true },
    args: { from: t.arg({ type: "Date", required: false }), to: t.arg({ type: "Date", required: false }), status: t.arg({ type: ReviewStatusEnum, required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.peerReview.findMany({
        ...query,
        where: {
          endsOn: { gte: args.from ?? new Date(`${isoDay(new Date())}T00:00:00Z`) },
          ...(args.to ? { startsOn: { lte: args.to } } : {}),
          ...(args.status ? { status: args.status } : { status: { not: "CANCELLED" } }),
        },
        orderBy: { startsOn: "asc" },
      }),
  }),

  review: t.prismaField({
    type: ReviewRef,
    nullable: true,
    authScopes: { signedIn: true },
    args: { id: t.arg.globalID({ required: true, for: ReviewRef }) },
    resolve: (query, _root, args, ctx) => ctx.db.peerReview.findUnique({ ...query, where: { id: args.id.id } }),
  }),

  /** A reviewer's reviews, soonest first, with what is still due. */
  myReviews: t.prismaField({
    type: [ReviewRef],
    authScopes: { peerReviewer: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.db.peerReview.findMany({ ...query, where: { assignments: { some: { reviewerId: ctx.viewer!.id } }, status: { not: "CANCELLED" } }, orderBy: { startsOn: "asc" } }),
  }),

  /** Eligible reviewers for a pilot on given dates, ranked: community members, fewest reviews, shared language. */
  suggestReviewers: t.field({
    type: [SuggestionRef],
    authScopes: { projectManager: true },
    args: { pilotId: t.arg.globalID({ required: true, for: PilotRef }), startsOn: t.arg({ type: "Date", required: true }), endsOn: t.arg({ type: "Date", required: true }) },
    errors: { types: [InputError] },
    resolve: async (_root, args, ctx) => {
      if (args.endsOn < args.startsOn) throw InputError.field(["endsOn"], "ends_before_start", "The review must end on or after its first day");
      const pilot = await loadPilot(ctx.db, args.pilotId.id);
      const candidates = await loadCandidates(ctx.db, pilot.communityId);
      const ranked = rankReviewers(candidates, { organizationId: pilot.organizationId, languages: pilot.organization.languages }, { startsOn: isoDay(args.startsOn), endsOn: isoDay(args.endsOn) });
      return ranked.map((r, i) => ({ userId: r.candidate.id, rank: i + 1, reasons: r.reasons }));
    },
  }),

  /**
   * Reviewers for every pilot of a community at once (min-cost flow): each pilot gets the number asked,
   * nobody reviews their own city, load is as even as possible, community and language fit maximised.
   * A proposal only: the manager adjusts it and schedules the reviews.
   */
  proposeReviewAssignment: t.field({
    type: [PilotProposalRef],
    authScopes: { projectManager: true },
    args: { communityId: t.arg.globalID({ required: true, for: CommunityRef }), reviewersPerPilot: t.arg.int({ required: false, defaultValue: 3 }) },
    errors: { types: [InputError] },
    resolve: async (_root, args, ctx) => {
      const perPilot = args.reviewersPerPilot ?? 3;
      if (perPilot < 2 || perPilot > 4) throw InputError.field(["reviewersPerPilot"], "out_of_range", "A review team has 2 to 4 reviewers");
      const pilots = await ctx.db.pilot.findMany({ where: { communityId: args.communityId.id }, include: { organization: true } });
      const candidates = await loadCandidates(ctx.db, args.communityId.id);
      const proposal = proposeAssignment(
        pilots.map((p) => ({ id: p.id, organizationId: p.organizationId, languages: p.organization.languages })),
        candidates.map((c) => ({ id: c.id, organizationId: c.organizationId, workingLanguages: c.workingLanguages, isCommunityMember: c.isCommunityMember, existingLoad: c.bookings.length })),
        perPilot,
      );
      return proposal.pilots.map((p) => {
        const pilot = pilots.find((x) => x.id === p.pilotId)!;
        return {
          pilotId: p.pilotId,
          title: pilot.title,
          cityName: pilot.organization.cityName ?? pilot.organization.name,
          missing: p.missing,
          reviewers: p.reviewers.map((r) => ({
            userId: r.reviewerId,
            name: candidates.find((c) => c.id === r.reviewerId)!.name,
            reasons: [
              ...(r.isCommunityMember ? [{ code: "community_member", value: "true" }] : []),
              ...(r.sharedLanguages.length ? [{ code: "shared_language", value: r.sharedLanguages.join(",") }] : []),
              { code: "load_after", value: String(r.loadAfter) },
            ],
          })),
        };
      });
    },
  }),
}));
