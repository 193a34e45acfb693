import { practiceSearchSchema, type TextSegment } from "@citypeer/domain/practices";
import { queryFromInfo } from "@pothos/plugin-prisma";
import { builder } from "../../builder.ts";
import { InputError, parseInput } from "../../errors.ts";
import { CommunityRef } from "../communities/types.ts";
import { OrganizationRef } from "../organizations/types.ts";
import { TargetGroupEnum } from "../pilots/types.ts";
import { visiblePractices } from "./access.ts";
import { searchPractices, type PracticeHit } from "./search.ts";
import { FieldOfInterventionEnum, PracticeProfileRef, PracticeStatusEnum } from "./types.ts";

const TextSegmentRef = builder.objectRef<TextSegment>("TextSegment").implement({
  description: "A piece of highlighted text: render it as text, marking the matches (never as HTML).",
  fields: (t) => ({ text: t.exposeString("text"), isMatch: t.exposeBoolean("isMatch") }),
});

const PracticeHitRef = builder.objectRef<PracticeHit & { practice: object }>("PracticeSearchHit").implement({
  fields: (t) => ({
    practice: t.field({ type: PracticeProfileRef, resolve: (h) => h.practice as never }),
    /** PostgreSQL's ts_rank (0 without search words): higher is more relevant. */
    rank: t.exposeFloat("rank"),
    /** The practice's name with the matching words marked. */
    title: t.field({ type: [TextSegmentRef], resolve: (h) => h.title }),
    /** Up to two passages of the profile around the matches. */
    excerpt: t.field({ type: [TextSegmentRef], resolve: (h) => h.excerpt }),
  }),
});

const PracticeSearchResultRef = builder.objectRef<{ total: number; hits: (PracticeHit & { practice: object })[] }>("PracticeSearchResult").implement({
  fields: (t) => ({
    /** All matches, beyond this page. */
    total: t.exposeInt("total"),
    hits: t.field({ type: [PracticeHitRef], resolve: (r) => r.hits }),
  }),
});

const PracticeSearchInput = builder.inputType("PracticeSearchInput", {
  fields: (t) => ({
    /** Words as in a web search: all must match; "quotes" for a phrase, -word to leave out. Empty: every practice. */
    query: t.string({ required: false }),
    communityIds: t.globalIDList({ required: false, for: CommunityRef }),
    fieldsOfIntervention: t.field({ type: [FieldOfInterventionEnum], required: false }),
    targetGroups: t.field({ type: [TargetGroupEnum], required: false }),
    /** ISO 3166-1 alpha-2 codes. */
    countries: t.stringList({ required: false }),
    first: t.int({ required: false }),
    offset: t.int({ required: false }),
  }),
});

builder.queryFields((t) => ({
  /** The library's search over published profiles, ranked, with highlighted matches and filters. */
  searchPractices: t.field({
    type: PracticeSearchResultRef,
    authScopes: { signedIn: true },
    errors: { types: [InputError] },
    args: { input: t.arg({ type: PracticeSearchInput, required: false }) },
    resolve: async (_root, { input }, ctx, info) => {
      const search = parseInput(practiceSearchSchema, {
        query: input?.query ?? "",
        communityIds: input?.communityIds?.map((c) => c.id) ?? [],
        fieldsOfIntervention: input?.fieldsOfIntervention ?? [],
        targetGroups: input?.targetGroups ?? [],
        countries: input?.countries ?? [],
        first: input?.first ?? undefined,
        offset: input?.offset ?? undefined,
      });
      const result = await searchPractices(ctx.db, search);
      // the profiles in one statement, with whatever the query selects under hits.practice
      const practices = await ctx.db.practiceProfile.findMany({
        ...queryFromInfo({ context: ctx, info, path: ["data", "hits", "practice"] }),
        where: { id: { in: result.hits.map((h) => h.id) }, status: "PUBLISHED" },
      });
      const byId = new Map(practices.map((p) => [p.id, p]));
      return { total: result.total, hits: result.hits.filter((h) => byId.has(h.id)).map((h) => ({ ...h, practice: byId.get(h.id)! })) };
    },
  }),

  practiceProfile: t.prismaField({
    type: PracticeProfileRef,
    nullable: true,
    authScopes: { signedIn: true },
    args: { id: t.arg.globalID({ required: true, for: PracticeProfileRef }) },
    resolve: (query, _root, args, ctx) => ctx.db.practiceProfile.findFirst({ ...query, where: { AND: [{ id: args.id.id }, visiblePractices(ctx.viewer!)] } }),
  }),

  /** Profiles the viewer may read (published ones, and drafts they edit), by name; for the library's list and editors' work. */
  practiceProfiles: t.prismaField({
    type: [PracticeProfileRef],
    authScopes: { signedIn: true },
    args: {
      status: t.arg({ type: PracticeStatusEnum, required: false }),
      cityId: t.arg.globalID({ required: false, for: OrganizationRef }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.db.practiceProfile.findMany({
        ...query,
        where: {
          AND: [visiblePractices(ctx.viewer!), args.status ? { status: args.status } : {}, args.cityId ? { organizationId: args.cityId.id } : {}],
        },
        orderBy: [{ networkName: "asc" }, { id: "asc" }],
      }),
  }),
}));
