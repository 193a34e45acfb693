import { builder } from "../../builder.ts";
import { CommunityRef } from "../communities/types.ts";
import { frameworkContent, frameworkToCsv } from "./frameworks.ts";
import { BenchmarkResultsRef } from "./result-types.ts";
import { benchmarkResults } from "./results.ts";
import { FrameworkRef, RoundRef, SubmissionRef } from "./types.ts";
import { canReadSubmission } from "./access.ts";

export const FrameworkFormatEnum = builder.enumType("FrameworkFormat", { values: ["CSV", "JSON"] as const });

builder.queryFields((t) => ({
  /** A community's framework: the given version, or the latest. Everyone signed in reads frameworks. */
  benchmarkFramework: t.prismaField({
    type: FrameworkRef,
    nullable: true,
    authScopes: { signedIn: true },
    args: { communityId: t.arg.globalID({ required: true, for: CommunityRef }), version: t.arg.int({ required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.benchmarkFramework.findFirst({
        ...query,
        where: { communityId: args.communityId.id, ...(args.version ? { version: args.version } : {}) },
        orderBy: { version: "desc" },
      }),
  }),

  benchmarkFrameworkVersions: t.prismaField({
    type: [FrameworkRef],
    authScopes: { signedIn: true },
    args: { communityId: t.arg.globalID({ required: true, for: CommunityRef }) },
    resolve: (query, _root, args, ctx) => ctx.db.benchmarkFramework.findMany({ ...query, where: { communityId: args.communityId.id }, orderBy: { version: "desc" } }),
  }),

  /** The framework as a file: CSV (one row per indicator) or JSON, in the shape the import reads. */
  benchmarkFrameworkExport: t.string({
    authScopes: { signedIn: true },
    args: { frameworkId: t.arg.globalID({ required: true, for: FrameworkRef }), format: t.arg({ type: FrameworkFormatEnum, required: true }) },
    resolve: async (_root, args, ctx) => {
      const content = await frameworkContent(ctx.db, args.frameworkId.id);
      return args.format === "CSV" ? frameworkToCsv(content) : JSON.stringify(content, null, 2);
    },
  }),

  benchmarkRounds: t.prismaField({
    type: [RoundRef],
    authScopes: { signedIn: true },
    args: { communityId: t.arg.globalID({ required: true, for: CommunityRef }) },
    resolve: (query, _root, args, ctx) => ctx.db.benchmarkRound.findMany({ ...query, where: { communityId: args.communityId.id }, orderBy: { opensAt: "desc" } }),
  }),

  benchmarkRound: t.prismaField({
    type: RoundRef,
    nullable: true,
    authScopes: { signedIn: true },
    args: { id: t.arg.globalID({ required: true, for: RoundRef }) },
    resolve: (query, _root, args, ctx) => ctx.db.benchmarkRound.findUnique({ ...query, where: { id: args.id.id } }),
  }),

  /** The viewer's city's submission in a round (null before the first save). */
  mySubmission: t.prismaField({
    type: SubmissionRef,
    nullable: true,
    authScopes: { cityOfficer: true },
    args: { roundId: t.arg.globalID({ required: true, for: RoundRef }) },
    resolve: (query, _root, args, ctx) =>
      ctx.viewer!.organizationId
        ? ctx.db.benchmarkSubmission.findUnique({
            ...query,
            where: { roundId_organizationId: { roundId: args.roundId.id, organizationId: ctx.viewer!.organizationId } },
          })
        : null,
  }),

  /** A submission, if the viewer may read it (own city; project team once submitted; partners once validated). */
  benchmarkSubmission: t.prismaField({
    type: SubmissionRef,
    nullable: true,
    authScopes: { signedIn: true },
    args: { id: t.arg.globalID({ required: true, for: SubmissionRef }) },
    resolve: async (query, _root, args, ctx) => {
      const submission = await ctx.db.benchmarkSubmission.findUnique({ ...query, where: { id: args.id.id } });
      return submission && canReadSubmission(ctx.viewer, submission) ? submission : null;
    },
  }),

  benchmarkResults: t.field({
    type: BenchmarkResultsRef,
    authScopes: { signedIn: true },
    args: { roundId: t.arg.globalID({ required: true, for: RoundRef }) },
    resolve: (_root, args, ctx) => benchmarkResults(ctx.db, ctx.viewer!, args.roundId.id),
  }),
}));
