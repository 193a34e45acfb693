import { RoundKind, SubmissionStatus } from "@citypeer/db/client";
import { acceptsSubmissions } from "@citypeer/domain/benchmarks";
import { builder } from "../../builder.ts";
import { AttachmentRef } from "../attachments/types.ts";
import { canReadSubmission } from "./access.ts";

export const RoundKindEnum = builder.enumType(RoundKind, { name: "RoundKind" });
export const SubmissionStatusEnum = builder.enumType(SubmissionStatus, { name: "SubmissionStatus" });

export const FrameworkRef = builder.prismaNode("BenchmarkFramework", {
  id: { field: "id" },
  authScopes: { signedIn: true },
  fields: (t) => ({
    version: t.exposeInt("version"),
    title: t.exposeString("title"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    community: t.relation("community"),
    dimensions: t.relation("dimensions", { query: { orderBy: { position: "asc" } } }),
    /** Editing a framework a round has used creates a new version. */
    isUsedByRound: t.boolean({
      select: { _count: { select: { rounds: true } } },
      resolve: (f) => f._count.rounds > 0,
    }),
  }),
});

export const DimensionRef = builder.prismaObject("BenchmarkDimension", {
  fields: (t) => ({
    id: t.exposeID("id"),
    code: t.exposeString("code"),
    title: t.exposeString("title"),
    description: t.exposeString("description"),
    indicators: t.relation("indicators", { query: { orderBy: { position: "asc" } } }),
  }),
});

export const IndicatorRef = builder.prismaObject("BenchmarkIndicator", {
  fields: (t) => ({
    id: t.exposeID("id"),
    code: t.exposeString("code"),
    title: t.exposeString("title"),
    guidance: t.exposeString("guidance"),
    weight: t.exposeInt("weight"),
    levels: t.relation("levels", { query: { orderBy: { level: "asc" } } }),
  }),
});

builder.prismaObject("IndicatorLevel", {
  fields: (t) => ({ level: t.exposeInt("level"), descriptor: t.exposeString("descriptor") }),
});

export const RoundRef = builder.prismaNode("BenchmarkRound", {
  id: { field: "id" },
  authScopes: { signedIn: true },
  fields: (t) => ({
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: RoundKindEnum }),
    opensAt: t.expose("opensAt", { type: "DateTime" }),
    closesAt: t.expose("closesAt", { type: "DateTime" }),
    isOpen: t.boolean({ resolve: (r) => acceptsSubmissions(r, new Date()) }),
    community: t.relation("community"),
    framework: t.relation("framework"),
    /** The viewer's city's submission in this round, if any. */
    mySubmission: t.field({
      type: SubmissionRef,
      nullable: true,
      select: (_args, ctx, nestedSelection) => ({
        submissions: nestedSelection({ where: { organizationId: ctx.viewer?.organizationId ?? "00000000-0000-0000-0000-000000000000" }, take: 1 }),
      }),
      resolve: (round) => round.submissions[0] ?? null,
    }),
    /** The viewer city's own deadline when a project manager extended it. */
    myDeadline: t.field({
      type: "DateTime",
      select: (_args, ctx) => ({
        extensions: { where: { organizationId: ctx.viewer?.organizationId ?? "00000000-0000-0000-0000-000000000000" }, take: 1 },
      }),
      resolve: (round) => {
        const extension = round.extensions[0]?.closesAt;
        return extension && extension > round.closesAt ? extension : round.closesAt;
      },
    }),
    /** Project managers: every city's submission state (not its content while a draft). */
    submissions: t.relation("submissions", {
      authScopes: { projectManager: true, admin: true },
      query: { orderBy: { organization: { name: "asc" } } },
    }),
  }),
});

export const SubmissionRef = builder.prismaNode("BenchmarkSubmission", {
  id: { field: "id" },
  authScopes: { signedIn: true },
  fields: (t) => ({
    status: t.expose("status", { type: SubmissionStatusEnum }),
    organization: t.relation("organization"),
    round: t.relation("round"),
    framework: t.relation("framework"),
    revision: t.exposeInt("revision"),
    submittedAt: t.expose("submittedAt", { type: "DateTime", nullable: true }),
    validatedAt: t.expose("validatedAt", { type: "DateTime", nullable: true }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    // content: the submission's own city, the project team once submitted, partners once validated
    comment: t.exposeString("comment", { authScopes: (s, _a, ctx) => canReadSubmission(ctx.viewer, s) }),
    /** BCP 47 code of the language the evidence and comment are written in; shown with them, never used to alter them. */
    contentLanguage: t.exposeString("contentLanguage", { authScopes: (s, _a, ctx) => canReadSubmission(ctx.viewer, s) }),
    scores: t.relation("scores", { authScopes: (s, _a, ctx) => canReadSubmission(ctx.viewer, s) }),
    scoredCount: t.int({
      select: { _count: { select: { scores: { where: { level: { not: null } } } } } },
      resolve: (s) => s._count.scores,
    }),
    history: t.relation("events", {
      authScopes: (s, _a, ctx) => canReadSubmission(ctx.viewer, s),
      query: { orderBy: { createdAt: "asc" } },
    }),
  }),
});

builder.prismaObject("IndicatorScore", {
  fields: (t) => ({
    id: t.exposeID("id"),
    indicatorId: t.exposeID("indicatorId"),
    indicator: t.relation("indicator"),
    level: t.exposeInt("level", { nullable: true }),
    evidenceText: t.exposeString("evidenceText"),
    evidenceLinks: t.exposeStringList("evidenceLinks"),
    attachments: t.field({
      type: [AttachmentRef],
      select: (_args, _ctx, nestedSelection) => ({ attachments: { select: { attachment: nestedSelection(true) } } }),
      resolve: (score) => score.attachments.map((a) => a.attachment),
    }),
  }),
});

builder.prismaObject("SubmissionEvent", {
  fields: (t) => ({
    id: t.exposeID("id"),
    fromStatus: t.expose("fromStatus", { type: SubmissionStatusEnum, nullable: true }),
    toStatus: t.expose("toStatus", { type: SubmissionStatusEnum }),
    actor: t.relation("actor", { nullable: true }),
    comment: t.exposeString("comment"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});
