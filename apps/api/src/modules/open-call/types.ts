import { ApplicationStatus, CallStatus } from "@citypeer/db/client";
import { APPLICATION_DECISIONS, APPLICATION_OUTCOMES, acceptsApplications, applicationOutcome, canSeeOtherScores } from "@citypeer/domain/open-call";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../builder.ts";
import { canReadApplication, isProjectManager } from "./access.ts";

export const CallStatusEnum = builder.enumType(CallStatus, { name: "CallStatus" });
export const ApplicationStatusEnum = builder.enumType(ApplicationStatus, { name: "ApplicationStatus" });
export const ApplicationDecisionEnum = builder.enumType("ApplicationDecision", { values: APPLICATION_DECISIONS });
export const ApplicationOutcomeEnum = builder.enumType("ApplicationOutcome", {
  description: "What an applicant city learns once the results are published.",
  values: APPLICATION_OUTCOMES,
});

type Theme = { id: string; slug: string; name: string; theme: string };

/** A theme of a call as the public form shows it (the community's name), readable without an account. */
export const CallThemeRef = builder.objectRef<Theme>("CallTheme").implement({
  fields: (t) => ({
    /** The community's global ID: what `applyToOpenCall` takes as `communityId`. */
    communityId: t.id({ resolve: (c) => encodeGlobalID("Community", c.id) }),
    slug: t.exposeString("slug"),
    name: t.exposeString("name"),
    theme: t.exposeString("theme"),
  }),
});

const THEMES = { orderBy: { community: { name: "asc" } }, select: { community: { select: { id: true, slug: true, name: true, theme: true } } } } as const;
/** Every field that reads `scores` asks with the same arguments, so the relation loads once with the parent. */
const SCORES = { orderBy: [{ criterion: { position: "asc" as const } }, { evaluatorId: "asc" as const }] };

/** A published call is public (the application form reads it without an account); a draft is the project team's. */
export const OpenCallRef = builder.prismaNode("OpenCall", {
  id: { field: "id" },
  authScopes: (call, ctx) => call.status !== "DRAFT" || isProjectManager(ctx.viewer),
  fields: (t) => ({
    title: t.exposeString("title"),
    description: t.exposeString("description"),
    eligibility: t.exposeString("eligibility"),
    deadline: t.expose("deadline", { type: "DateTime" }),
    places: t.exposeInt("places"),
    status: t.expose("status", { type: CallStatusEnum }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true }),
    resultsPublishedAt: t.expose("resultsPublishedAt", { type: "DateTime", nullable: true }),
    /** Whether the public form takes applications now (published, deadline not passed). */
    isOpen: t.boolean({ resolve: (call) => acceptsApplications(call, new Date()) }),
    themes: t.field({
      type: [CallThemeRef],
      select: { themes: THEMES },
      resolve: (call) => call.themes.map((th) => th.community),
    }),
    criteria: t.relation("criteria", { query: { orderBy: { position: "asc" } } }),
    /** Project team: every application, oldest first; null for anyone else. */
    applications: t.relation("applications", {
      nullable: true,
      authScopes: { projectManager: true },
      unauthorizedResolver: () => null,
      query: { orderBy: [{ submittedAt: "asc" }, { id: "asc" }] },
    }),
    /** Project team only (FORBIDDEN for anyone else): how many cities applied. */
    applicationCount: t.relationCount("applications", { authScopes: { projectManager: true } }),
    /** Project team only: how many are selected so far (at most `places`). */
    selectedCount: t.relationCount("applications", { where: { status: "SELECTED" }, authScopes: { projectManager: true } }),
    viewerCanManage: t.boolean({ resolve: (_call, _args, ctx) => isProjectManager(ctx.viewer) }),
  }),
});

export const CallCriterionRef = builder.prismaObject("CallCriterion", {
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    description: t.exposeString("description"),
    /** Relative weight in the ranking (1-10). */
    weight: t.exposeInt("weight"),
  }),
});

/** The project team and the applicant city's people read an application; nobody else. */
export const CallApplicationRef = builder.prismaNode("CallApplication", {
  id: { field: "id" },
  authScopes: (application, ctx) => canReadApplication(ctx.viewer, application),
  fields: (t) => ({
    call: t.relation("call"),
    city: t.relation("organization"),
    contact: t.relation("contactUser"),
    theme: t.relation("community"),
    currentSituation: t.exposeString("currentSituation"),
    needs: t.exposeString("needs"),
    motivation: t.exposeString("motivation"),
    workingLanguages: t.exposeStringList("workingLanguages"),
    submittedAt: t.expose("submittedAt", { type: "DateTime" }),
    /** The project team's working state (selection is not final before results are published); null for the applicant. */
    status: t.expose("status", {
      type: ApplicationStatusEnum,
      nullable: true,
      authScopes: { projectManager: true },
      unauthorizedResolver: () => null,
    }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true, authScopes: { projectManager: true }, unauthorizedResolver: () => null }),
    /** What the applicant city learns: null until the results are published, then SELECTED or NOT_SELECTED. */
    outcome: t.field({
      type: ApplicationOutcomeEnum,
      nullable: true,
      select: { status: true, call: { select: { resultsPublishedAt: true } } },
      resolve: (a) => applicationOutcome(a.status, a.call.resultsPublishedAt),
    }),
    /**
     * Evaluators' scores, like peer reviews: the viewer's own always; the other evaluators' only once the viewer
     * has scored every criterion of this application. Project team only (null for anyone else).
     */
    scores: t.field({
      type: [ApplicationScoreRef],
      nullable: true,
      authScopes: { projectManager: true },
      unauthorizedResolver: () => null,
      select: (_args, _ctx, nestedSelection) => ({
        scores: nestedSelection(SCORES),
        call: { select: { criteria: { select: { id: true } } } },
      }),
      resolve: (a, _args, ctx) => {
        const viewerId = ctx.viewer!.id;
        const seesAll = canSeeOtherScores(viewerId, a.call.criteria.map((c) => c.id), a.scores);
        return a.scores.filter((s) => seesAll || s.evaluatorId === viewerId);
      },
    }),
    /** Whether the viewer has scored every criterion (then they see the other evaluators' scores). */
    hasSubmittedOwnScore: t.boolean({
      nullable: true,
      authScopes: { projectManager: true },
      unauthorizedResolver: () => null,
      select: { scores: SCORES, call: { select: { criteria: { select: { id: true } } } } },
      resolve: (a, _args, ctx) => canSeeOtherScores(ctx.viewer!.id, a.call.criteria.map((c) => c.id), a.scores),
    }),
    /** The mentoring that followed a selection; project team only. */
    mentoring: t.relation("assignment", { nullable: true, authScopes: { projectManager: true }, unauthorizedResolver: () => null }),
  }),
});

export const ApplicationScoreRef = builder.prismaObject("ApplicationScore", {
  fields: (t) => ({
    id: t.exposeID("id"),
    criterion: t.relation("criterion"),
    evaluator: t.relation("evaluator"),
    /** 0 (not at all) to 5 (fully). */
    score: t.exposeInt("score"),
    comment: t.exposeString("comment"),
    isMine: t.boolean({ resolve: (s, _args, ctx) => s.evaluatorId === ctx.viewer?.id }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});
