import type { Tx } from "@citypeer/db";
import {
  attendanceIssues,
  resourceIssues,
  sessionIssues,
  type AddResource,
  type Attendance,
  type CreateSession,
  type UpdateSession,
} from "@citypeer/domain/communities";
import type { Viewer } from "../../context.ts";
import { InputError, NotFoundError } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";

// Sessions, attendance and shared resources: each write runs in the caller's transaction and audits itself.

const SESSION = (id: string) => ({ type: "CommunitySession", id });
const RESOURCE = (id: string) => ({ type: "CommunityResource", id });

type SessionRow = NonNullable<Awaited<ReturnType<Tx["communitySession"]["findUnique"]>>>;
const auditableSession = (s: SessionRow) => ({
  communityId: s.communityId,
  kind: s.kind,
  topic: s.topic,
  title: s.title,
  description: s.description,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  location: s.location,
  onlineUrl: s.onlineUrl,
});

function check(issues: ReturnType<typeof sessionIssues>) {
  if (issues.length > 0) throw new InputError(issues);
}

async function findSession(tx: Tx, id: string) {
  const session = await tx.communitySession.findUnique({ where: { id } });
  if (!session) throw new NotFoundError("CommunitySession");
  return session;
}

export async function createSession(tx: Tx, actor: Viewer, input: CreateSession, query: object = {}) {
  const data = { ...input, communityId: input.communityId ?? null, topic: input.topic ?? null, location: input.location ?? null, onlineUrl: input.onlineUrl ?? null };
  check(sessionIssues(data));
  if (data.communityId && !(await tx.community.findUnique({ where: { id: data.communityId }, select: { id: true } }))) {
    throw new NotFoundError("Community");
  }
  const session = await tx.communitySession.create({ data });
  await recordAudit(tx, actor, "session.created", SESSION(session.id), null, auditableSession(session));
  return tx.communitySession.findUniqueOrThrow({ ...query, where: { id: session.id } });
}

/** A partial change is checked as the whole session it produces (moving only the start can put it after the end). */
export async function updateSession(tx: Tx, actor: Viewer, { sessionId, ...patch }: UpdateSession, query: object = {}) {
  const before = await findSession(tx, sessionId);
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<SessionRow>;
  check(sessionIssues({ ...before, ...changes }));
  const after = await tx.communitySession.update({ where: { id: sessionId }, data: changes });
  await recordAudit(tx, actor, "session.updated", SESSION(sessionId), auditableSession(before), auditableSession(after));
  return tx.communitySession.findUniqueOrThrow({ ...query, where: { id: sessionId } });
}

/** Attendance goes with the session; the audit entry keeps how many had answered. */
export async function deleteSession(tx: Tx, actor: Viewer, sessionId: string) {
  const before = await findSession(tx, sessionId);
  const attendances = await tx.sessionAttendance.count({ where: { sessionId } });
  await tx.communitySession.delete({ where: { id: sessionId } });
  await recordAudit(tx, actor, "session.deleted", SESSION(sessionId), { ...auditableSession(before), attendances }, null);
  return before;
}

/** The viewer's own answer; the schema's scope checks that their city takes part in the session. */
export async function recordAttendance(tx: Tx, actor: Viewer, input: Attendance, now: Date, query: object = {}) {
  const session = await findSession(tx, input.sessionId);
  check(attendanceIssues(input.status, session, now));
  const key = { sessionId: session.id, userId: actor.id };
  const before = await tx.sessionAttendance.findUnique({ where: { sessionId_userId: key } });
  await tx.sessionAttendance.upsert({
    where: { sessionId_userId: key },
    create: { ...key, status: input.status },
    update: { status: input.status, recordedAt: now },
  });
  await recordAudit(tx, actor, "session.attendance_recorded", SESSION(session.id), before && { userId: actor.id, status: before.status }, {
    userId: actor.id,
    status: input.status,
  });
  return tx.communitySession.findUniqueOrThrow({ ...query, where: { id: session.id } });
}

/**
 * A file must be one the actor uploaded: attachments are private to their uploader until a record links
 * them, and a resource shows its file to everyone in the project, so linking someone else's upload by id
 * (an expense receipt, say) would publish it.
 */
export async function addResource(tx: Tx, actor: Viewer, input: AddResource, query: object = {}) {
  check(resourceIssues(input));
  if (!(await tx.community.findUnique({ where: { id: input.communityId }, select: { id: true } }))) throw new NotFoundError("Community");
  if (input.attachmentId) {
    const attachment = await tx.attachment.findUnique({ where: { id: input.attachmentId }, select: { uploadedById: true } });
    if (attachment?.uploadedById !== actor.id) throw InputError.field(["attachmentId"], "not_found", "Upload the file first");
  }
  const resource = await tx.communityResource.create({
    data: { ...input, url: input.url ?? null, attachmentId: input.attachmentId ?? null },
  });
  await recordAudit(tx, actor, "resource.added", RESOURCE(resource.id), null, resource);
  return tx.communityResource.findUniqueOrThrow({ ...query, where: { id: resource.id } });
}

/** The uploaded file stays (another record may link it); only the resource goes. Returns the community. */
export async function removeResource(tx: Tx, actor: Viewer, resourceId: string, query: object = {}) {
  const before = await tx.communityResource.findUnique({ where: { id: resourceId } });
  if (!before) throw new NotFoundError("CommunityResource");
  await tx.communityResource.delete({ where: { id: resourceId } });
  await recordAudit(tx, actor, "resource.removed", RESOURCE(resourceId), before, null);
  return tx.community.findUniqueOrThrow({ ...query, where: { id: before.communityId } });
}
