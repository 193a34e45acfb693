import { ActionStatus, MentoringFormat, MentoringStatus } from "@citypeer/db/client";
import { storedOutcomeSurveySchema, type MentorReason, type StoredOutcomeSurvey } from "@citypeer/domain/open-call";
import { builder } from "../../builder.ts";
import { CommunityRef } from "../communities/types.ts";
import { UserRef } from "../identity/types.ts";
import { canEditPlan, canReadAssignment } from "./access.ts";

export const MentoringStatusEnum = builder.enumType(MentoringStatus, { name: "MentoringStatus" });
export const ActionStatusEnum = builder.enumType(ActionStatus, { name: "SupportActionStatus" });
export const MentoringFormatEnum = builder.enumType(MentoringFormat, { name: "MentoringFormat" });

/** The themes a mentor is trained for (the communities whose cities they can mentor). */
builder.prismaObjectField(UserRef, "mentorThemes", (t) =>
  t.field({
    type: [CommunityRef],
    select: (_args, _ctx, nestedSelection) => ({
      mentorThemes: { orderBy: { community: { name: "asc" } }, select: { community: nestedSelection(true) } },
    }),
    resolve: (user) => user.mentorThemes.map((m) => m.community),
  }),
);

const APPLICATION = {
  select: {
    needs: true,
    currentSituation: true,
    workingLanguages: true,
    call: { select: { title: true } },
  },
} as const;

/** The project team, the mentor and the mentee city's people read an assignment and its plan; nobody else. */
export const MentoringAssignmentRef = builder.prismaNode("MentoringAssignment", {
  id: { field: "id" },
  authScopes: (a, ctx) => canReadAssignment(ctx.viewer, a),
  fields: (t) => ({
    status: t.expose("status", { type: MentoringStatusEnum }),
    startedAt: t.expose("startedAt", { type: "DateTime" }),
    endedAt: t.expose("endedAt", { type: "DateTime", nullable: true }),
    mentor: t.relation("mentor"),
    menteeCity: t.relation("menteeOrganization"),
    /** The community the city applied under. */
    theme: t.field({
      type: CommunityRef,
      nullable: true,
      select: (_args, _ctx, nestedSelection) => ({ application: { select: { community: nestedSelection(true) } } }),
      resolve: (a) => a.application?.community ?? null,
    }),
    /** From the city's application: what the mentor works from. */
    callTitle: t.string({ nullable: true, select: { application: APPLICATION }, resolve: (a) => a.application?.call.title ?? null }),
    needs: t.string({ nullable: true, select: { application: APPLICATION }, resolve: (a) => a.application?.needs ?? null }),
    currentSituation: t.string({ nullable: true, select: { application: APPLICATION }, resolve: (a) => a.application?.currentSituation ?? null }),
    menteeLanguages: t.stringList({ select: { application: APPLICATION }, resolve: (a) => a.application?.workingLanguages ?? [] }),
    plan: t.relation("plan", { nullable: true }),
    /** The mentor and the mentee city's officers keep the plan while the mentoring runs. */
    viewerCanEditPlan: t.boolean({ resolve: (a, _args, ctx) => a.status === "ACTIVE" && canEditPlan(ctx.viewer, a) }),
    /** The mentee city's officers end the mentoring with the outcome survey. */
    viewerCanSubmitSurvey: t.boolean({
      resolve: (a, _args, ctx) => a.status === "ACTIVE" && !!ctx.viewer?.roles.includes("CITY_OFFICER") && ctx.viewer.organizationId === a.menteeOrganizationId,
    }),
  }),
});

const OutcomeSurveyRef = builder.objectRef<StoredOutcomeSurvey>("OutcomeSurvey").implement({
  description: "The mentee city's answers at the end of mentoring: ratings 1 (not at all) to 5 (fully), and free text.",
  fields: (t) => ({
    version: t.exposeInt("version"),
    goalsAchieved: t.exposeInt("goalsAchieved"),
    mentorSupport: t.exposeInt("mentorSupport"),
    peerExchange: t.exposeInt("peerExchange"),
    wouldRecommend: t.exposeInt("wouldRecommend"),
    whatChanged: t.exposeString("whatChanged"),
    suggestions: t.exposeString("suggestions"),
  }),
});

/** Reached only through its assignment (whose scope decides who reads it). */
export const SupportPlanRef = builder.prismaObject("SupportPlan", {
  fields: (t) => ({
    id: t.exposeID("id"),
    goals: t.exposeString("goals"),
    actions: t.relation("actions", { query: { orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { title: "asc" }, { id: "asc" }] } }),
    sessions: t.relation("sessions", { query: { orderBy: [{ date: "asc" }, { id: "asc" }] } }),
    outcomeSurvey: t.field({
      type: OutcomeSurveyRef,
      nullable: true,
      resolve: (p) => (p.outcomeSurvey === null ? null : (storedOutcomeSurveySchema.safeParse(p.outcomeSurvey).data ?? null)),
    }),
    surveySubmittedAt: t.expose("surveySubmittedAt", { type: "DateTime", nullable: true }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.prismaObject("SupportAction", {
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    owner: t.exposeString("owner"),
    dueDate: t.expose("dueDate", { type: "Date", nullable: true }),
    status: t.expose("status", { type: ActionStatusEnum }),
  }),
});

builder.prismaObject("MentoringSession", {
  fields: (t) => ({
    id: t.exposeID("id"),
    date: t.expose("date", { type: "DateTime" }),
    format: t.expose("format", { type: MentoringFormatEnum }),
    notes: t.exposeString("notes"),
    followUps: t.exposeString("followUps"),
  }),
});

export const MentorReasonRef = builder.objectRef<MentorReason>("MentorReason").implement({
  description:
    "Why a mentor is suggested: a stable code the web app translates (theme_match, no_theme_match, shared_language, no_shared_language, active_assignments) and its value (the community's name, a language code, a count).",
  fields: (t) => ({ code: t.exposeString("code"), value: t.exposeString("value") }),
});
