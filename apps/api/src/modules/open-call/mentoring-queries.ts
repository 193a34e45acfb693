import type { MentorSuggestion } from "@citypeer/domain/open-call";
import { queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import { builder } from "../../builder.ts";
import type { Context } from "../../context.ts";
import { UserRef } from "../identity/types.ts";
import { isProjectManager } from "./access.ts";
import { mentorLoads, suggestMentors, type MentorLoad } from "./mentoring.ts";
import { MentoringAssignmentRef, MentoringStatusEnum, MentorReasonRef } from "./mentoring-types.ts";
import { CallApplicationRef } from "./types.ts";

type WithMentor<T> = T & { mentor: object };

const MentorSuggestionRef = builder.objectRef<WithMentor<MentorSuggestion>>("MentorSuggestion").implement({
  fields: (t) => ({
    mentor: t.field({ type: UserRef, resolve: (s) => s.mentor as never }),
    /** The reasons in the order they weigh: theme, shared languages, current load. */
    reasons: t.field({ type: [MentorReasonRef], resolve: (s) => s.reasons }),
    themeMatch: t.exposeBoolean("themeMatch"),
    sharedLanguages: t.exposeStringList("sharedLanguages"),
    activeAssignments: t.exposeInt("activeAssignments"),
  }),
});

const MentorLoadRef = builder.objectRef<WithMentor<MentorLoad>>("MentorLoad").implement({
  fields: (t) => ({
    mentor: t.field({ type: UserRef, resolve: (l) => l.mentor as never }),
    activeAssignments: t.exposeInt("activeAssignments"),
    completedAssignments: t.exposeInt("completedAssignments"),
  }),
});

/** The mentors as User objects, with whatever the query selects under `mentor`, in one statement. */
async function withMentors<T extends { mentorId: string }>(ctx: Context, info: GraphQLResolveInfo, rows: T[]): Promise<WithMentor<T>[]> {
  const users = await ctx.db.user.findMany({ ...queryFromInfo({ context: ctx, info, path: ["mentor"] }), where: { id: { in: rows.map((r) => r.mentorId) } } });
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => ({ ...r, mentor: byId.get(r.mentorId)! }));
}

/** Assignments the viewer may read: all for the project team; otherwise as mentor or as the mentee city. */
function visibleAssignments(ctx: Context) {
  const viewer = ctx.viewer!;
  if (isProjectManager(viewer)) return {};
  return { OR: [{ mentorId: viewer.id }, ...(viewer.organizationId ? [{ menteeOrganizationId: viewer.organizationId }] : [])] };
}

builder.queryFields((t) => ({
  /** Mentors for a selected city, best first, each with the reasons (project team). */
  suggestMentors: t.field({
    type: [MentorSuggestionRef],
    authScopes: { projectManager: true },
    args: { applicationId: t.arg.globalID({ required: true, for: CallApplicationRef }) },
    resolve: async (_root, args, ctx, info) => withMentors(ctx, info, await suggestMentors(ctx.db, args.applicationId.id)),
  }),

  /** Each mentor's active and completed assignments, busiest first (project team). */
  mentorLoads: t.field({
    type: [MentorLoadRef],
    authScopes: { projectManager: true },
    resolve: async (_root, _args, ctx, info) => withMentors(ctx, info, await mentorLoads(ctx.db)),
  }),

  /** Mentoring the viewer takes part in (the project team: all), most recent first. */
  mentoringAssignments: t.prismaField({
    type: [MentoringAssignmentRef],
    authScopes: { signedIn: true },
    args: { status: t.arg({ type: MentoringStatusEnum, required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.mentoringAssignment.findMany({
        ...query,
        where: { AND: [visibleAssignments(ctx), args.status ? { status: args.status } : {}] },
        orderBy: [{ startedAt: "desc" }, { id: "asc" }],
      }),
  }),

  mentoringAssignment: t.prismaField({
    type: MentoringAssignmentRef,
    nullable: true,
    authScopes: { signedIn: true },
    args: { id: t.arg.globalID({ required: true, for: MentoringAssignmentRef }) },
    resolve: (query, _root, args, ctx) => ctx.db.mentoringAssignment.findFirst({ ...query, where: { AND: [{ id: args.id.id }, visibleAssignments(ctx)] } }),
  }),
}));
