import { practiceProfileSchema, updatePracticeProfileSchema } from "@citypeer/domain/practices";
import { builder } from "../../builder.ts";
import { ConflictError, InputError, NotFoundError, parseInput } from "../../errors.ts";
import { inTransaction } from "../../transaction.ts";
import { CommunityRef } from "../communities/types.ts";
import { OrganizationRef } from "../organizations/types.ts";
import { pilotOrganizationId } from "../pilots/access.ts";
import { PilotRef, TargetGroupEnum } from "../pilots/types.ts";
import { practiceOrganizationId } from "./access.ts";
import { createPractice, practiceDraftFromPilot, publishPractice, unpublishPractice, updatePractice } from "./service.ts";
import { FieldOfInterventionEnum, PracticeProfileRef } from "./types.ts";

type ProfileFieldsBuilder = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];

/** The ERASMI form: the same fields for a new profile and for an edit. */
const profileFields = (t: ProfileFieldsBuilder) => ({
  /** The city the practice belongs to (its officers edit it); null for a practice of a city outside citypeer. */
  organizationId: t.globalID({ required: false, for: OrganizationRef }),
  communityId: t.globalID({ required: false, for: CommunityRef }),
  /** The pilot the practice comes from, if any (the city's own). */
  pilotId: t.globalID({ required: false, for: PilotRef }),
  language: t.string({ required: false }),
  networkName: t.string({ required: true }),
  yearFounded: t.int({ required: false }),
  place: t.string({ required: false }),
  /** ISO 3166-1 alpha-2. */
  country: t.string({ required: true }),
  coordination: t.string({ required: false }),
  cooperationAgreement: t.string({ required: false }),
  members: t.string({ required: false }),
  fieldsOfIntervention: t.field({ type: [FieldOfInterventionEnum], required: false }),
  targetGroups: t.field({ type: [TargetGroupEnum], required: false }),
  networkType: t.string({ required: false }),
  description: t.string({ required: false }),
  resources: t.string({ required: false }),
  internalFacilitation: t.string({ required: false }),
  externalCommunication: t.string({ required: false }),
  successFactors: t.string({ required: false }),
  challenges: t.string({ required: false }),
  evaluation: t.string({ required: false }),
  sustainability: t.string({ required: false }),
  impact: t.string({ required: false }),
  innovation: t.string({ required: false }),
  transferability: t.string({ required: false }),
  website: t.string({ required: false }),
  contact: t.string({ required: false }),
});

const PracticeProfileInput = builder.inputType("PracticeProfileInput", { fields: (t) => profileFields(t) });
const UpdatePracticeProfileInput = builder.inputType("UpdatePracticeProfileInput", {
  fields: (t) => ({ practiceId: t.globalID({ required: true, for: PracticeProfileRef }), ...profileFields(t) }),
});
const PracticeIdInput = builder.inputType("PracticeIdInput", {
  fields: (t) => ({ practiceId: t.globalID({ required: true, for: PracticeProfileRef }) }),
});
const PracticeDraftFromPilotInput = builder.inputType("PracticeDraftFromPilotInput", {
  fields: (t) => ({ pilotId: t.globalID({ required: true, for: PilotRef }) }),
});

type ProfileInput = { organizationId?: { id: string } | null; communityId?: { id: string } | null; pilotId?: { id: string } | null } & Record<string, unknown>;

/** GraphQL's absent and null fields become the schema's defaults; ids are unwrapped from their global form. */
function profileData(input: ProfileInput) {
  const { organizationId, communityId, pilotId, ...rest } = input;
  const fields = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null && v !== undefined));
  return { ...fields, organizationId: organizationId?.id ?? null, communityId: communityId?.id ?? null, pilotId: pilotId?.id ?? null };
}

builder.mutationFields((t) => ({
  /** The project team, or an officer for their own city's practice; the profile starts as a draft. */
  createPracticeProfile: t.prismaField({
    type: PracticeProfileRef,
    args: { input: t.arg({ type: PracticeProfileInput, required: true }) },
    authScopes: (_root, { input }) => ({ projectManager: true, officerOf: input.organizationId?.id ?? "" }),
    errors: { types: [InputError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(practiceProfileSchema, profileData(input));
      return inTransaction(ctx, (tx) => createPractice(tx, ctx.viewer!, data, query));
    },
  }),

  /** The project team, or an officer of the city the profile belongs to. */
  updatePracticeProfile: t.prismaField({
    type: PracticeProfileRef,
    args: { input: t.arg({ type: UpdatePracticeProfileInput, required: true }) },
    authScopes: async (_root, { input }, ctx) => ({ projectManager: true, officerOf: await practiceOrganizationId(ctx.db, input.practiceId.id) }),
    errors: { types: [InputError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const { practiceId, ...rest } = input;
      const data = parseInput(updatePracticeProfileSchema, { practiceId: practiceId.id, ...profileData(rest) });
      return inTransaction(ctx, (tx) => updatePractice(tx, ctx.viewer!, data, query));
    },
  }),

  publishPracticeProfile: t.prismaField({
    type: PracticeProfileRef,
    args: { input: t.arg({ type: PracticeIdInput, required: true }) },
    authScopes: async (_root, { input }, ctx) => ({ projectManager: true, officerOf: await practiceOrganizationId(ctx.db, input.practiceId.id) }),
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => inTransaction(ctx, (tx) => publishPractice(tx, ctx.viewer!, input.practiceId.id, query)),
  }),

  unpublishPracticeProfile: t.prismaField({
    type: PracticeProfileRef,
    args: { input: t.arg({ type: PracticeIdInput, required: true }) },
    authScopes: async (_root, { input }, ctx) => ({ projectManager: true, officerOf: await practiceOrganizationId(ctx.db, input.practiceId.id) }),
    errors: { types: [NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => inTransaction(ctx, (tx) => unpublishPractice(tx, ctx.viewer!, input.practiceId.id, query)),
  }),

  /** A completed pilot becomes a draft profile prefilled from the pilot (the project team or the pilot's city). */
  practiceDraftFromPilot: t.prismaField({
    type: PracticeProfileRef,
    args: { input: t.arg({ type: PracticeDraftFromPilotInput, required: true }) },
    authScopes: async (_root, { input }, ctx) => ({ projectManager: true, officerOf: await pilotOrganizationId(ctx.db, input.pilotId.id) }),
    errors: { types: [NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => inTransaction(ctx, (tx) => practiceDraftFromPilot(tx, ctx.viewer!, input.pilotId.id, query)),
  }),
}));
