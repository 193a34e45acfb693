import { AttendanceStatus, CommunityTheme, CrossCuttingTopic, MembershipStatus, ResourceType, SessionKind } from "@citypeer/db/client";
import { builder } from "../../builder.ts";
import { UserRef } from "../identity/types.ts";
import { OrganizationRef } from "../organizations/types.ts";
import { communityCalendarPath, sessionCalendarPath } from "./calendar.ts";
import { sessionsOfCommunity } from "./session-lists.ts";

export const CommunityThemeEnum = builder.enumType(CommunityTheme, { name: "CommunityTheme" });
export const SessionKindEnum = builder.enumType(SessionKind, { name: "SessionKind" });
export const CrossCuttingTopicEnum = builder.enumType(CrossCuttingTopic, { name: "CrossCuttingTopic" });
export const AttendanceStatusEnum = builder.enumType(AttendanceStatus, { name: "AttendanceStatus" });
export const ResourceTypeEnum = builder.enumType(ResourceType, { name: "ResourceType" });
export const MembershipStatusEnum = builder.enumType(MembershipStatus, { name: "MembershipStatus" });

const isManager = (ctx: { viewer: { roles: string[] } | null }) => !!ctx.viewer?.roles.includes("PROJECT_MANAGER");

/*
 * Every field below that reads `members` (or a session's `attendances`) asks for the relation with the same
 * arguments and filters in memory. The Prisma plugin can load a relation once per query only when its
 * arguments agree; a second variant costs a fallback query. A community has a dozen members, a session a few
 * dozen attendees: loading them all is cheaper than the extra statement.
 */
const MEMBERS = { orderBy: { organization: { name: "asc" } } } as const;
const ATTENDANCES = { orderBy: [{ user: { name: "asc" as const } }, { userId: "asc" as const }] };

export const CommunityRef = builder.prismaNode("Community", {
  id: { field: "id" },
  authScopes: { signedIn: true },
  fields: (t) => ({
    slug: t.exposeString("slug"),
    name: t.exposeString("name"),
    theme: t.expose("theme", { type: CommunityThemeEnum }),
    description: t.exposeString("description"),
    leadCity: t.relation("leadCity", { nullable: true }),
    /** Active member cities, through the membership table, loaded in the parent's query (no N+1). */
    memberCities: t.field({
      type: [OrganizationRef],
      select: (_args, _ctx, nestedSelection) => ({
        members: { ...MEMBERS, select: { status: true, organization: nestedSelection(true) } },
      }),
      resolve: (community) => community.members.filter((m) => m.status === "ACTIVE").map((m) => m.organization),
    }),
    coordinators: t.field({
      type: [UserRef],
      select: (_args, _ctx, nestedSelection) => ({
        coordinators: { orderBy: { user: { name: "asc" } }, select: { user: nestedSelection(true) } },
      }),
      resolve: (community) => community.coordinators.map((c) => c.user),
    }),
    /** Cities asking to join, oldest first; null unless the viewer is a project manager (they decide). */
    membershipRequests: t.field({
      type: [CommunityMembershipRef],
      nullable: true,
      authScopes: { projectManager: true },
      unauthorizedResolver: () => null,
      select: (_args, _ctx, nestedSelection) => ({ members: nestedSelection({ ...MEMBERS }) }),
      resolve: (community) =>
        community.members.filter((m) => m.status === "REQUESTED").sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime()),
    }),
    /** This community's meetings and the cross-cutting trainings that have not ended, soonest first. */
    upcomingSessions: t.prismaField({
      type: [CommunitySessionRef],
      resolve: (query, community, _args, ctx) => sessionsOfCommunity(ctx, "UPCOMING", community.id, query),
    }),
    /** This community's meetings and the cross-cutting trainings that are over, latest first. */
    pastSessions: t.prismaField({
      type: [CommunitySessionRef],
      resolve: (query, community, _args, ctx) => sessionsOfCommunity(ctx, "PAST", community.id, query),
    }),
    resources: t.relation("resources", { query: { orderBy: [{ createdAt: "desc" }, { id: "asc" }] } }),
    /** Every session of this community and the cross-cutting trainings, as an iCalendar file (needs the session cookie). */
    icsUrl: t.string({ resolve: (community) => communityCalendarPath(community.id) }),
    viewerCanManage: t.boolean({ resolve: (_community, _args, ctx) => isManager(ctx) }),
    viewerCityIsMember: t.boolean({
      select: { members: { ...MEMBERS, select: { organizationId: true, status: true } } },
      resolve: (community, _args, ctx) =>
        community.members.some((m) => m.organizationId === ctx.viewer?.organizationId && m.status === "ACTIVE"),
    }),
    /** Where the viewer's city stands (REQUESTED shows "waiting for a decision"); null when it never asked. */
    viewerCityMembership: t.field({
      type: MembershipStatusEnum,
      nullable: true,
      select: { members: { ...MEMBERS, select: { organizationId: true, status: true } } },
      resolve: (community, _args, ctx) => community.members.find((m) => m.organizationId === ctx.viewer?.organizationId)?.status ?? null,
    }),
  }),
});

export const CommunityMembershipRef = builder.prismaObject("CommunityMember", {
  name: "CommunityMembership",
  authScopes: { signedIn: true },
  fields: (t) => ({
    city: t.relation("organization"),
    status: t.expose("status", { type: MembershipStatusEnum }),
    requestedAt: t.expose("requestedAt", { type: "DateTime" }),
    joinedAt: t.expose("joinedAt", { type: "DateTime", nullable: true }),
  }),
});

const AttendanceCountsRef = builder.objectRef<{ registered: number; attended: number; excused: number }>("AttendanceCounts").implement({
  fields: (t) => ({ registered: t.exposeInt("registered"), attended: t.exposeInt("attended"), excused: t.exposeInt("excused") }),
});

/** Named CommunitySession: `Session` is a signed-in browser in the identity model. */
export const CommunitySessionRef = builder.prismaNode("CommunitySession", {
  id: { field: "id" },
  authScopes: { signedIn: true },
  fields: (t) => ({
    community: t.relation("community", { nullable: true }),
    isCrossCutting: t.boolean({ resolve: (s) => s.communityId === null }),
    kind: t.expose("kind", { type: SessionKindEnum }),
    topic: t.expose("topic", { type: CrossCuttingTopicEnum, nullable: true }),
    title: t.exposeString("title"),
    description: t.exposeString("description"),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
    location: t.exposeString("location", { nullable: true }),
    onlineUrl: t.exposeString("onlineUrl", { nullable: true }),
    /** This session as an iCalendar file to add to a calendar (needs the session cookie). */
    icsUrl: t.string({ resolve: (s) => sessionCalendarPath(s.id) }),
    attendanceCounts: t.field({
      type: AttendanceCountsRef,
      select: { attendances: { ...ATTENDANCES, select: { status: true } } },
      resolve: (s) => ({
        registered: s.attendances.filter((a) => a.status === "REGISTERED").length,
        attended: s.attendances.filter((a) => a.status === "ATTENDED").length,
        excused: s.attendances.filter((a) => a.status === "EXCUSED").length,
      }),
    }),
    /** What the viewer said about this session; null when nothing yet. */
    viewerAttendance: t.field({
      type: AttendanceStatusEnum,
      nullable: true,
      select: { attendances: { ...ATTENDANCES, select: { userId: true, status: true } } },
      resolve: (s, _args, ctx) => s.attendances.find((a) => a.userId === ctx.viewer?.id)?.status ?? null,
    }),
    /** Who registered, attended or was excused; null unless the viewer is a project manager (it feeds their reporting). */
    attendances: t.field({
      type: [SessionAttendanceRef],
      nullable: true,
      authScopes: { projectManager: true },
      unauthorizedResolver: () => null,
      select: (_args, _ctx, nestedSelection) => ({ attendances: nestedSelection({ ...ATTENDANCES }) }),
      resolve: (s) => s.attendances,
    }),
  }),
});

export const SessionAttendanceRef = builder.prismaObject("SessionAttendance", {
  authScopes: { signedIn: true },
  fields: (t) => ({
    user: t.relation("user"),
    status: t.expose("status", { type: AttendanceStatusEnum }),
    recordedAt: t.expose("recordedAt", { type: "DateTime" }),
  }),
});

export const CommunityResourceRef = builder.prismaNode("CommunityResource", {
  id: { field: "id" },
  authScopes: { signedIn: true },
  fields: (t) => ({
    title: t.exposeString("title"),
    type: t.expose("type", { type: ResourceTypeEnum }),
    /** BCP 47 code of the resource's language. */
    language: t.exposeString("language"),
    url: t.exposeString("url", { nullable: true }),
    attachment: t.relation("attachment", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

/** A city's contacts for the other cities: its active city officers. */
builder.prismaObjectField(OrganizationRef, "contacts", (t) =>
  t.relation("users", {
    query: { where: { roles: { has: "CITY_OFFICER" }, deactivatedAt: null }, orderBy: [{ name: "asc" }, { id: "asc" }] },
  }),
);
