import type { Tx } from "@citypeer/db";
import {
  coordinatorIssues,
  membershipRequestConflict,
  slugFromName,
  type Coordinators,
  type CreateCommunity,
  type Membership,
  type MembershipDecision,
  type UpdateCommunity,
} from "@citypeer/domain/communities";
import type { Viewer } from "../../context.ts";
import { ConflictError, InputError, NotFoundError } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";

// Community, membership and coordinator writes: each runs in the caller's transaction and audits itself.

const COMMUNITY = (id: string) => ({ type: "Community", id });
const auditable = (c: { slug: string; name: string; theme: string; description: string; leadCityId: string | null }) => ({
  slug: c.slug,
  name: c.name,
  theme: c.theme,
  description: c.description,
  leadCityId: c.leadCityId,
});

async function findCommunity(tx: Tx, id: string) {
  const community = await tx.community.findUnique({ where: { id } });
  if (!community) throw new NotFoundError("Community");
  return community;
}

/** Communities are made of partner cities; networks and outside cities take part in other ways. */
async function partnerCityIssue(tx: Tx, organizationId: string, field: string) {
  const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { kind: true } });
  if (!org) return InputError.field([field], "not_found", "Unknown organisation");
  if (org.kind !== "PARTNER_CITY") return InputError.field([field], "not_a_partner_city", "Only partner cities take part in communities");
  return null;
}

async function membershipOf(tx: Tx, key: Membership) {
  return tx.communityMember.findUnique({ where: { communityId_organizationId: key } });
}

/** The lead city is a member by definition: it becomes (or stays) an active member. */
async function ensureActiveMember(tx: Tx, actor: Viewer, key: Membership) {
  const before = await membershipOf(tx, key);
  if (before?.status === "ACTIVE") return;
  await tx.communityMember.upsert({
    where: { communityId_organizationId: key },
    create: { ...key, status: "ACTIVE", joinedAt: new Date() },
    update: { status: "ACTIVE", joinedAt: new Date() },
  });
  await recordAudit(tx, actor, "community.member_added", COMMUNITY(key.communityId), before && { organizationId: key.organizationId, status: before.status }, {
    organizationId: key.organizationId,
    status: "ACTIVE",
  });
}

export async function createCommunity(tx: Tx, actor: Viewer, input: CreateCommunity, query: object = {}) {
  const slug = input.slug ?? slugFromName(input.name);
  if (!slug) throw InputError.field(["slug"], "slug_required", "Give the community a web address in Latin letters");
  if (await tx.community.findUnique({ where: { slug } })) {
    throw input.slug
      ? InputError.field(["slug"], "slug_taken", "Another community has this web address")
      : InputError.field(["name"], "name_taken", "Another community has this name");
  }
  if (input.leadCityId) {
    const issue = await partnerCityIssue(tx, input.leadCityId, "leadCityId");
    if (issue) throw issue;
  }
  const community = await tx.community.create({
    data: { slug, name: input.name, theme: input.theme, description: input.description, leadCityId: input.leadCityId ?? null },
  });
  await recordAudit(tx, actor, "community.created", COMMUNITY(community.id), null, auditable(community));
  if (community.leadCityId) await ensureActiveMember(tx, actor, { communityId: community.id, organizationId: community.leadCityId });
  return tx.community.findUniqueOrThrow({ ...query, where: { id: community.id } });
}

export async function updateCommunity(tx: Tx, actor: Viewer, input: UpdateCommunity, query: object = {}) {
  const before = await findCommunity(tx, input.communityId);
  if (input.leadCityId) {
    const issue = await partnerCityIssue(tx, input.leadCityId, "leadCityId");
    if (issue) throw issue;
  }
  const after = await tx.community.update({
    where: { id: before.id },
    data: { name: input.name, theme: input.theme, description: input.description, leadCityId: input.leadCityId },
  });
  await recordAudit(tx, actor, "community.updated", COMMUNITY(before.id), auditable(before), auditable(after));
  if (after.leadCityId && after.leadCityId !== before.leadCityId) {
    await ensureActiveMember(tx, actor, { communityId: after.id, organizationId: after.leadCityId });
  }
  return tx.community.findUniqueOrThrow({ ...query, where: { id: after.id } });
}

/** Project managers add a city directly; a pending or declined request becomes an active membership. */
export async function addCommunityMember(tx: Tx, actor: Viewer, key: Membership, query: object = {}) {
  await findCommunity(tx, key.communityId);
  const issue = await partnerCityIssue(tx, key.organizationId, "organizationId");
  if (issue) throw issue;
  if ((await membershipOf(tx, key))?.status === "ACTIVE") throw new ConflictError("already_member", "This city is already a member");
  await ensureActiveMember(tx, actor, key);
  return tx.community.findUniqueOrThrow({ ...query, where: { id: key.communityId } });
}

export async function removeCommunityMember(tx: Tx, actor: Viewer, key: Membership, query: object = {}) {
  const community = await findCommunity(tx, key.communityId);
  const before = await membershipOf(tx, key);
  if (!before) throw new NotFoundError("CommunityMember");
  if (community.leadCityId === key.organizationId) {
    throw new ConflictError("lead_city", "The lead city stays a member: choose another lead city first");
  }
  await tx.communityMember.delete({ where: { communityId_organizationId: key } });
  await recordAudit(tx, actor, "community.member_removed", COMMUNITY(key.communityId), { organizationId: key.organizationId, status: before.status }, null);
  return tx.community.findUniqueOrThrow({ ...query, where: { id: key.communityId } });
}

/** A city officer asks for their own city (the schema's scope checks whose city it is). */
export async function requestCommunityMembership(tx: Tx, actor: Viewer, key: Membership, query: object = {}) {
  await findCommunity(tx, key.communityId);
  if (await partnerCityIssue(tx, key.organizationId, "organizationId")) {
    throw new ConflictError("not_a_partner_city", "Only partner cities take part in communities");
  }
  const before = await membershipOf(tx, key);
  const conflict = membershipRequestConflict(before?.status ?? null);
  if (conflict) throw new ConflictError(conflict, conflict === "already_member" ? "Your city is already a member" : "Your city has already asked to join");
  await tx.communityMember.upsert({
    where: { communityId_organizationId: key },
    create: { ...key, status: "REQUESTED" },
    update: { status: "REQUESTED", requestedAt: new Date(), joinedAt: null },
  });
  await recordAudit(tx, actor, "community.membership_requested", COMMUNITY(key.communityId), before && { organizationId: key.organizationId, status: before.status }, {
    organizationId: key.organizationId,
    status: "REQUESTED",
  });
  return tx.community.findUniqueOrThrow({ ...query, where: { id: key.communityId } });
}

export async function decideMembershipRequest(tx: Tx, actor: Viewer, input: MembershipDecision, query: object = {}) {
  const key = { communityId: input.communityId, organizationId: input.organizationId };
  const before = await membershipOf(tx, key);
  if (!before) throw new NotFoundError("CommunityMember");
  if (before.status !== "REQUESTED") throw new ConflictError("not_requested", "This request was already decided");
  const status = input.decision === "APPROVE" ? "ACTIVE" : "DECLINED";
  await tx.communityMember.update({
    where: { communityId_organizationId: key },
    data: { status, joinedAt: status === "ACTIVE" ? new Date() : null },
  });
  await recordAudit(tx, actor, status === "ACTIVE" ? "community.membership_approved" : "community.membership_declined", COMMUNITY(key.communityId), {
    organizationId: key.organizationId,
    status: before.status,
  }, { organizationId: key.organizationId, status });
  return tx.community.findUniqueOrThrow({ ...query, where: { id: key.communityId } });
}

/** Replaces the coordinators with the given people, in one audited change. */
export async function setCommunityCoordinators(tx: Tx, actor: Viewer, input: Coordinators, query: object = {}) {
  const community = await tx.community.findUnique({
    where: { id: input.communityId },
    select: { id: true, coordinators: { select: { userId: true } }, members: { where: { status: "ACTIVE" }, select: { organizationId: true } } },
  });
  if (!community) throw new NotFoundError("Community");
  const people = await tx.user.findMany({
    where: { id: { in: input.userIds } },
    select: { id: true, roles: true, organizationId: true, deactivatedAt: true },
  });
  const issues = coordinatorIssues(
    input.userIds,
    people.map((p) => ({ ...p, isActive: p.deactivatedAt === null })),
    new Set(community.members.map((m) => m.organizationId)),
  );
  if (issues.length > 0) throw new InputError(issues);

  const before = community.coordinators.map((c) => c.userId).sort();
  await tx.communityCoordinator.deleteMany({ where: { communityId: community.id, userId: { notIn: input.userIds } } });
  await tx.communityCoordinator.createMany({ data: input.userIds.map((userId) => ({ communityId: community.id, userId })), skipDuplicates: true });
  await recordAudit(tx, actor, "community.coordinators_set", COMMUNITY(community.id), { userIds: before }, { userIds: [...input.userIds].sort() });
  return tx.community.findUniqueOrThrow({ ...query, where: { id: community.id } });
}
