import { addResourceSchema, attendanceSchema, createSessionSchema, updateSessionSchema } from "@citypeer/domain/communities";
import { builder } from "../../builder.ts";
import { InputError, NotFoundError, parseInput } from "../../errors.ts";
import { inTransaction } from "../../transaction.ts";
import { AttachmentRef } from "../attachments/types.ts";
import { cityTakesPartIn } from "./access.ts";
import { addResource, createSession, deleteSession, recordAttendance, removeResource, updateSession } from "./session-service.ts";
import {
  AttendanceStatusEnum,
  CommunityRef,
  CommunityResourceRef,
  CommunitySessionRef,
  CrossCuttingTopicEnum,
  ResourceTypeEnum,
  SessionKindEnum,
} from "./types.ts";

const CreateCommunitySessionInput = builder.inputType("CreateCommunitySessionInput", {
  fields: (t) => ({
    /** Left out: a cross-cutting training for every community. */
    communityId: t.globalID({ required: false, for: CommunityRef }),
    kind: t.field({ type: SessionKindEnum, required: true }),
    topic: t.field({ type: CrossCuttingTopicEnum, required: false }),
    title: t.string({ required: true }),
    description: t.string({ required: false }),
    startsAt: t.field({ type: "DateTime", required: true }),
    endsAt: t.field({ type: "DateTime", required: true }),
    location: t.string({ required: false }),
    onlineUrl: t.string({ required: false }),
  }),
});

/** Fields left out stay as they are; null clears topic, location and onlineUrl. */
const UpdateCommunitySessionInput = builder.inputType("UpdateCommunitySessionInput", {
  fields: (t) => ({
    sessionId: t.globalID({ required: true, for: CommunitySessionRef }),
    kind: t.field({ type: SessionKindEnum, required: false }),
    topic: t.field({ type: CrossCuttingTopicEnum, required: false }),
    title: t.string({ required: false }),
    description: t.string({ required: false }),
    startsAt: t.field({ type: "DateTime", required: false }),
    endsAt: t.field({ type: "DateTime", required: false }),
    location: t.string({ required: false }),
    onlineUrl: t.string({ required: false }),
  }),
});

const DeleteCommunitySessionInput = builder.inputType("DeleteCommunitySessionInput", {
  fields: (t) => ({ sessionId: t.globalID({ required: true, for: CommunitySessionRef }) }),
});

const RecordMyAttendanceInput = builder.inputType("RecordMyAttendanceInput", {
  fields: (t) => ({
    sessionId: t.globalID({ required: true, for: CommunitySessionRef }),
    status: t.field({ type: AttendanceStatusEnum, required: true }),
  }),
});

/** A link (url) or a file uploaded first with uploadAttachment (attachmentId): one of the two. */
const AddCommunityResourceInput = builder.inputType("AddCommunityResourceInput", {
  fields: (t) => ({
    communityId: t.globalID({ required: true, for: CommunityRef }),
    title: t.string({ required: true }),
    type: t.field({ type: ResourceTypeEnum, required: true }),
    language: t.string({ required: true }),
    url: t.string({ required: false }),
    attachmentId: t.globalID({ required: false, for: AttachmentRef }),
  }),
});

const RemoveCommunityResourceInput = builder.inputType("RemoveCommunityResourceInput", {
  fields: (t) => ({ resourceId: t.globalID({ required: true, for: CommunityResourceRef }) }),
});

builder.mutationFields((t) => ({
  createCommunitySession: t.prismaField({
    type: CommunitySessionRef,
    args: { input: t.arg({ type: CreateCommunitySessionInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(createSessionSchema, { ...input, communityId: input.communityId?.id ?? null, description: input.description ?? "" });
      return inTransaction(ctx, (tx) => createSession(tx, ctx.viewer!, data, query));
    },
  }),

  updateCommunitySession: t.prismaField({
    type: CommunitySessionRef,
    args: { input: t.arg({ type: UpdateCommunitySessionInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(updateSessionSchema, { ...input, sessionId: input.sessionId.id });
      return inTransaction(ctx, (tx) => updateSession(tx, ctx.viewer!, data, query));
    },
  }),

  /** Returns the ID of the deleted session. */
  deleteCommunitySession: t.globalID({
    args: { input: t.arg({ type: DeleteCommunitySessionInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [NotFoundError] },
    resolve: async (_root, { input }, ctx) => {
      const deleted = await inTransaction(ctx, (tx) => deleteSession(tx, ctx.viewer!, input.sessionId.id));
      return { type: "CommunitySession", id: deleted.id };
    },
  }),

  /**
   * A city officer says whether they will come or came. Their city must take part: any city in a cross-cutting
   * training, member cities in a community's meeting.
   */
  recordMyAttendance: t.prismaField({
    type: CommunitySessionRef,
    args: { input: t.arg({ type: RecordMyAttendanceInput, required: true }) },
    authScopes: async (_root, { input }, ctx) => (await cityTakesPartIn(ctx, input.sessionId.id)) && { cityOfficer: true },
    errors: { types: [InputError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(attendanceSchema, { sessionId: input.sessionId.id, status: input.status });
      return inTransaction(ctx, (tx) => recordAttendance(tx, ctx.viewer!, data, new Date(), query));
    },
  }),

  addCommunityResource: t.prismaField({
    type: CommunityResourceRef,
    args: { input: t.arg({ type: AddCommunityResourceInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(addResourceSchema, { ...input, communityId: input.communityId.id, attachmentId: input.attachmentId?.id ?? null });
      return inTransaction(ctx, (tx) => addResource(tx, ctx.viewer!, data, query));
    },
  }),

  /** Returns the community the resource belonged to. */
  removeCommunityResource: t.prismaField({
    type: CommunityRef,
    args: { input: t.arg({ type: RemoveCommunityResourceInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [NotFoundError] },
    resolve: (query, _root, { input }, ctx) => inTransaction(ctx, (tx) => removeResource(tx, ctx.viewer!, input.resourceId.id, query)),
  }),
}));
