import { CoDesignFormat, MilestoneStatus, PilotStatus, TargetGroup } from "@citypeer/db/client";
import { builder } from "../../builder.ts";
import { IndicatorRef } from "../benchmarks/types.ts";

export const PilotStatusEnum = builder.enumType(PilotStatus, { name: "PilotStatus" });
export const TargetGroupEnum = builder.enumType(TargetGroup, { name: "TargetGroup" });
export const CoDesignFormatEnum = builder.enumType(CoDesignFormat, { name: "CoDesignFormat" });
export const MilestoneStatusEnum = builder.enumType(MilestoneStatus, { name: "MilestoneStatus" });

/** Everyone signed in reads all pilots (peer learning); each city's officers edit their own. */
export const PilotRef = builder.prismaNode("Pilot", {
  id: { field: "id" },
  authScopes: { signedIn: true },
  fields: (t) => ({
    title: t.exposeString("title"),
    problemStatement: t.exposeString("problemStatement"),
    plannedActivities: t.exposeString("plannedActivities"),
    /** The language the city wrote its texts in; shown beside them, never machine-translated. */
    contentLanguage: t.exposeString("contentLanguage"),
    status: t.expose("status", { type: PilotStatusEnum }),
    targetGroups: t.field({ type: [TargetGroupEnum], resolve: (p) => p.targetGroups }),
    organization: t.relation("organization"),
    community: t.relation("community"),
    objectives: t.relation("objectives", { query: { orderBy: { position: "asc" } } }),
    coDesignActivities: t.relation("coDesignActivities", { query: { orderBy: { date: "asc" } } }),
    milestones: t.relation("milestones", { query: { orderBy: { dueDate: "asc" } } }),
    indicators: t.field({
      type: [IndicatorRef],
      select: (_args, _ctx, nestedSelection) => ({ indicators: { select: { indicator: nestedSelection(true) } } }),
      resolve: (p) => p.indicators.map((i) => i.indicator),
    }),
    reviews: t.relation("reviews", { query: { where: { status: { not: "CANCELLED" } }, orderBy: { startsOn: "asc" } } }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    viewerCanEdit: t.boolean({
      resolve: (p, _args, ctx) => !!ctx.viewer?.roles.includes("CITY_OFFICER") && ctx.viewer.organizationId === p.organizationId,
    }),
  }),
});

builder.prismaObject("PilotObjective", {
  fields: (t) => ({
    id: t.exposeID("id"),
    text: t.exposeString("text"),
    /** The review recommendation this objective answers: how peer review shaped the pilot. */
    answersRecommendation: t.relation("answersRecommendation", { nullable: true }),
  }),
});

builder.prismaObject("CoDesignActivity", {
  fields: (t) => ({
    id: t.exposeID("id"),
    date: t.expose("date", { type: "Date" }),
    format: t.expose("format", { type: CoDesignFormatEnum }),
    description: t.exposeString("description"),
    participantCount: t.exposeInt("participantCount"),
    migrantOrganisations: t.exposeStringList("migrantOrganisations"),
  }),
});

builder.prismaObject("Milestone", {
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    dueDate: t.expose("dueDate", { type: "Date" }),
    status: t.expose("status", { type: MilestoneStatusEnum }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
  }),
});
