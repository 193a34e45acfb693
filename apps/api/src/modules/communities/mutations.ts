import {
  MEMBERSHIP_DECISIONS,
  coordinatorsSchema,
  createCommunitySchema,
  membershipDecisionSchema,
  membershipSchema,
  updateCommunitySchema,
} from "@citypeer/domain/communities";
import { builder } from "../../builder.ts";
import { ConflictError, InputError, NotFoundError, parseInput } from "../../errors.ts";
import { inTransaction } from "../../transaction.ts";
import { UserRef } from "../identity/types.ts";
import { OrganizationRef } from "../organizations/types.ts";
import {
  addCommunityMember,
  createCommunity,
  decideMembershipRequest,
  removeCommunityMember,
  requestCommunityMembership,
  setCommunityCoordinators,
  updateCommunity,
} from "./service.ts";
import { CommunityRef, CommunityThemeEnum } from "./types.ts";

const MembershipDecisionEnum = builder.enumType("MembershipDecision", { values: MEMBERSHIP_DECISIONS });

const CreateCommunityInput = builder.inputType("CreateCommunityInput", {
  fields: (t) => ({
    name: t.string({ required: true }),
    /** The page's web address; made from the name when left out. */
    slug: t.string({ required: false }),
    theme: t.field({ type: CommunityThemeEnum, required: true }),
    description: t.string({ required: true }),
    leadCityId: t.globalID({ required: false, for: OrganizationRef }),
  }),
});

const UpdateCommunityInput = builder.inputType("UpdateCommunityInput", {
  fields: (t) => ({
    communityId: t.globalID({ required: true, for: CommunityRef }),
    name: t.string({ required: false }),
    theme: t.field({ type: CommunityThemeEnum, required: false }),
    description: t.string({ required: false }),
    /** null removes the lead city; left out keeps it. */
    leadCityId: t.globalID({ required: false, for: OrganizationRef }),
  }),
});

const memberInput = (name: string) =>
  builder.inputType(name, {
    fields: (t) => ({
      communityId: t.globalID({ required: true, for: CommunityRef }),
      organizationId: t.globalID({ required: true, for: OrganizationRef }),
    }),
  });
const AddCommunityMemberInput = memberInput("AddCommunityMemberInput");
const RemoveCommunityMemberInput = memberInput("RemoveCommunityMemberInput");

const RequestCommunityMembershipInput = builder.inputType("RequestCommunityMembershipInput", {
  fields: (t) => ({
    communityId: t.globalID({ required: true, for: CommunityRef }),
    /** The viewer's own city, which is also the default. */
    organizationId: t.globalID({ required: false, for: OrganizationRef }),
  }),
});

const DecideMembershipRequestInput = builder.inputType("DecideMembershipRequestInput", {
  fields: (t) => ({
    communityId: t.globalID({ required: true, for: CommunityRef }),
    organizationId: t.globalID({ required: true, for: OrganizationRef }),
    decision: t.field({ type: MembershipDecisionEnum, required: true }),
  }),
});

const SetCommunityCoordinatorsInput = builder.inputType("SetCommunityCoordinatorsInput", {
  fields: (t) => ({
    communityId: t.globalID({ required: true, for: CommunityRef }),
    userIds: t.globalIDList({ required: true, for: UserRef }),
  }),
});

/** null stays null (an explicit "none"), undefined stays undefined ("unchanged"). */
const rawId = (id: { id: string } | null | undefined) => (id === undefined ? undefined : (id?.id ?? null));

builder.mutationFields((t) => ({
  createCommunity: t.prismaField({
    type: CommunityRef,
    args: { input: t.arg({ type: CreateCommunityInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(createCommunitySchema, { ...input, leadCityId: rawId(input.leadCityId) });
      return inTransaction(ctx, (tx) => createCommunity(tx, ctx.viewer!, data, query));
    },
  }),

  updateCommunity: t.prismaField({
    type: CommunityRef,
    args: { input: t.arg({ type: UpdateCommunityInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(updateCommunitySchema, { ...input, communityId: input.communityId.id, leadCityId: rawId(input.leadCityId) });
      return inTransaction(ctx, (tx) => updateCommunity(tx, ctx.viewer!, data, query));
    },
  }),

  addCommunityMember: t.prismaField({
    type: CommunityRef,
    args: { input: t.arg({ type: AddCommunityMemberInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const key = parseInput(membershipSchema, { communityId: input.communityId.id, organizationId: input.organizationId.id });
      return inTransaction(ctx, (tx) => addCommunityMember(tx, ctx.viewer!, key, query));
    },
  }),

  removeCommunityMember: t.prismaField({
    type: CommunityRef,
    args: { input: t.arg({ type: RemoveCommunityMemberInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const key = parseInput(membershipSchema, { communityId: input.communityId.id, organizationId: input.organizationId.id });
      return inTransaction(ctx, (tx) => removeCommunityMember(tx, ctx.viewer!, key, query));
    },
  }),

  /** A city officer asks for their own city to join; project managers decide. */
  requestCommunityMembership: t.prismaField({
    type: CommunityRef,
    args: { input: t.arg({ type: RequestCommunityMembershipInput, required: true }) },
    authScopes: (_root, { input }, ctx) => ({ officerOf: input.organizationId?.id ?? ctx.viewer?.organizationId ?? "" }),
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const key = parseInput(membershipSchema, {
        communityId: input.communityId.id,
        organizationId: input.organizationId?.id ?? ctx.viewer!.organizationId,
      });
      return inTransaction(ctx, (tx) => requestCommunityMembership(tx, ctx.viewer!, key, query));
    },
  }),

  decideMembershipRequest: t.prismaField({
    type: CommunityRef,
    args: { input: t.arg({ type: DecideMembershipRequestInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError, ConflictError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(membershipDecisionSchema, {
        communityId: input.communityId.id,
        organizationId: input.organizationId.id,
        decision: input.decision,
      });
      return inTransaction(ctx, (tx) => decideMembershipRequest(tx, ctx.viewer!, data, query));
    },
  }),

  setCommunityCoordinators: t.prismaField({
    type: CommunityRef,
    args: { input: t.arg({ type: SetCommunityCoordinatorsInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(coordinatorsSchema, { communityId: input.communityId.id, userIds: input.userIds.map((u) => u.id) });
      return inTransaction(ctx, (tx) => setCommunityCoordinators(tx, ctx.viewer!, data, query));
    },
  }),
}));
