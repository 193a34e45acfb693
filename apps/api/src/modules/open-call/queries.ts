import { queryFromInfo } from "@pothos/plugin-prisma";
import { builder } from "../../builder.ts";
import { isProjectManager } from "./access.ts";
import { callRanking, type RankingEntry } from "./evaluation.ts";
import { CallApplicationRef, OpenCallRef } from "./types.ts";

type RankingRow = RankingEntry & { application: object };

const RankingEntryRef = builder.objectRef<RankingRow>("CallRankingEntry").implement({
  description: "One application in the ranking of a call (weighted 0-5 score, mean over evaluators).",
  fields: (t) => ({
    /** 1 for the best; null while hidden or unscored. */
    rank: t.exposeInt("rank", { nullable: true }),
    weightedScore: t.exposeFloat("weightedScore", { nullable: true }),
    /** Evaluators who scored every criterion. */
    evaluatorCount: t.exposeInt("evaluatorCount"),
    /** True until the viewer has scored this application themselves (independent evaluation). */
    isScoreHidden: t.exposeBoolean("isScoreHidden"),
    application: t.field({ type: CallApplicationRef, resolve: (r) => r.application as never }),
  }),
});

builder.queryFields((t) => ({
  /** Public: published calls (the project team also sees drafts), latest deadline first. */
  openCalls: t.prismaField({
    type: [OpenCallRef],
    // public on purpose: outside cities read calls before they have an account
    authScopes: () => true,
    resolve: (query, _root, _args, ctx) =>
      ctx.db.openCall.findMany({
        ...query,
        where: isProjectManager(ctx.viewer) ? {} : { status: { not: "DRAFT" } },
        orderBy: [{ deadline: "desc" }, { id: "asc" }],
      }),
  }),

  /** Public for a published call; null for a draft unless the viewer is in the project team. */
  openCall: t.prismaField({
    type: OpenCallRef,
    nullable: true,
    authScopes: () => true,
    args: { id: t.arg.globalID({ required: true, for: OpenCallRef }) },
    resolve: async (query, _root, args, ctx) => {
      const call = await ctx.db.openCall.findUnique({ ...query, where: { id: args.id.id } });
      return call && (call.status !== "DRAFT" || isProjectManager(ctx.viewer)) ? call : null;
    },
  }),

  /** The ranking of a call from the evaluators' weighted scores (project team). */
  callRanking: t.field({
    type: [RankingEntryRef],
    authScopes: { projectManager: true },
    args: { callId: t.arg.globalID({ required: true, for: OpenCallRef }) },
    resolve: async (_root, args, ctx, info) => {
      const entries = await callRanking(ctx.db, ctx.viewer!, args.callId.id);
      // the applications in one statement, with whatever the query selects under `application`
      const applications = await ctx.db.callApplication.findMany({
        ...queryFromInfo({ context: ctx, info, path: ["application"] }),
        where: { id: { in: entries.map((e) => e.applicationId) } },
      });
      const byId = new Map(applications.map((a) => [a.id, a]));
      return entries.map((e) => ({ ...e, application: byId.get(e.applicationId)! }));
    },
  }),

  /** The viewer's city's applications (an outside city's contacts follow theirs here), newest first. */
  myCallApplications: t.prismaField({
    type: [CallApplicationRef],
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer!.organizationId
        ? ctx.db.callApplication.findMany({ ...query, where: { organizationId: ctx.viewer!.organizationId }, orderBy: [{ submittedAt: "desc" }, { id: "asc" }] })
        : [],
  }),
}));
