import { FieldOfIntervention, PracticeStatus } from "@citypeer/db/client";
import { builder } from "../../builder.ts";
import { TargetGroupEnum } from "../pilots/types.ts";
import { canEditPractice, canReadPractice } from "./access.ts";

export const FieldOfInterventionEnum = builder.enumType(FieldOfIntervention, { name: "FieldOfIntervention" });
export const PracticeStatusEnum = builder.enumType(PracticeStatus, { name: "PracticeStatus" });

/**
 * A good practice in the ERASMI structure. Published profiles are for everyone signed in; drafts for the
 * project team and the officers of the city the profile belongs to.
 */
export const PracticeProfileRef = builder.prismaNode("PracticeProfile", {
  id: { field: "id" },
  authScopes: (p, ctx) => canReadPractice(ctx.viewer, p),
  fields: (t) => ({
    status: t.expose("status", { type: PracticeStatusEnum }),
    city: t.relation("organization", { nullable: true }),
    community: t.relation("community", { nullable: true }),
    pilot: t.relation("pilot", { nullable: true }),
    /** The language the profile is written in (BCP 47). */
    language: t.exposeString("language"),
    // 1. General information
    networkName: t.exposeString("networkName"),
    yearFounded: t.exposeInt("yearFounded", { nullable: true }),
    place: t.exposeString("place"),
    country: t.exposeString("country"),
    coordination: t.exposeString("coordination"),
    cooperationAgreement: t.exposeString("cooperationAgreement"),
    members: t.exposeString("members"),
    fieldsOfIntervention: t.field({ type: [FieldOfInterventionEnum], resolve: (p) => p.fieldsOfIntervention }),
    targetGroups: t.field({ type: [TargetGroupEnum], resolve: (p) => p.targetGroups }),
    networkType: t.exposeString("networkType"),
    // 2. Network characteristics
    description: t.exposeString("description"),
    resources: t.exposeString("resources"),
    internalFacilitation: t.exposeString("internalFacilitation"),
    externalCommunication: t.exposeString("externalCommunication"),
    // 3. Success factors and challenges, evaluation and sustainability, impact, innovation, transferability
    successFactors: t.exposeString("successFactors"),
    challenges: t.exposeString("challenges"),
    evaluation: t.exposeString("evaluation"),
    sustainability: t.exposeString("sustainability"),
    impact: t.exposeString("impact"),
    innovation: t.exposeString("innovation"),
    transferability: t.exposeString("transferability"),
    // 4. Other information
    website: t.exposeString("website", { nullable: true }),
    contact: t.exposeString("contact"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    viewerCanEdit: t.boolean({ resolve: (p, _args, ctx) => canEditPractice(ctx.viewer, p) }),
  }),
});
