import type { Tx } from "@citypeer/db";
import {
  INVITATION_TTL_MS,
  PASSWORD_RESET_TTL_MS,
  removesLastAdmin,
  type InviteUser,
} from "@citypeer/domain/identity";
import type { Viewer } from "../../context.ts";
import { ConflictError, InputError, NotFoundError } from "../../errors.ts";
import { newToken, sha256 } from "../../auth/session.ts";
import { recordAudit } from "../audit/service.ts";
import { notify, sendTransactionalEmail } from "../notifications/service.ts";
import { publicUrl, renderEmail, translate } from "../notifications/render.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";

const USER = (id: string) => ({ type: "User", id });
/** What the audit log keeps of a user: never the password hash. */
const auditable = (u: { email: string; name: string; roles: string[]; organizationId: string | null; deactivatedAt: Date | null }) => ({
  email: u.email,
  name: u.name,
  roles: u.roles,
  organizationId: u.organizationId,
  deactivatedAt: u.deactivatedAt,
});

async function issueToken(tx: Tx, userId: string, purpose: "INVITATION" | "PASSWORD_RESET", ttlMs: number) {
  // a new link replaces older unused ones
  await tx.userToken.updateMany({ where: { userId, purpose, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  const token = newToken();
  await tx.userToken.create({ data: { userId, purpose, tokenHash: sha256(token), expiresAt: new Date(Date.now() + ttlMs) } });
  return token;
}

/** Admins invite: the account exists without a password until the invitee sets one through the e-mailed link. */
export async function inviteUser(tx: Tx, actor: Viewer, input: InviteUser, query: object = {}) {
  if (await tx.user.findUnique({ where: { email: input.email } })) {
    throw InputError.field(["email"], "email_taken", "An account with this e-mail address exists");
  }
  if (input.organizationId && !(await tx.organization.findUnique({ where: { id: input.organizationId } }))) {
    throw InputError.field(["organizationId"], "not_found", "Unknown organisation");
  }
  const user = await tx.user.create({
    ...query,
    data: { email: input.email, name: input.name, roles: input.roles, organizationId: input.organizationId, locale: actor.locale },
  });
  const token = await issueToken(tx, user.id, "INVITATION", INVITATION_TTL_MS);
  const locale = user.locale;
  await sendTransactionalEmail(tx, { id: user.id, email: user.email, locale }, "account.invitation", renderEmail(locale, {
    subject: translate(locale, "email.invitation.subject"),
    paragraphs: [translate(locale, "email.invitation.body", { name: user.name, inviter: actor.name, days: 7 })],
    link: { label: translate(locale, "email.invitation.action"), url: publicUrl(`/accept-invitation?token=${token}`) },
  }));
  await recordAudit(tx, actor, "user.invited", USER(user.id), null, auditable(user));
  return user;
}

/** Finds the live token behind a link and uses it up; any failure gives the same answer. */
async function consumeToken(tx: Tx, token: string, purpose: "INVITATION" | "PASSWORD_RESET") {
  const row = await tx.userToken.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
  const live = row && row.purpose === purpose && !row.usedAt && !row.revokedAt && (!row.expiresAt || row.expiresAt > new Date());
  if (!live || row.user.deactivatedAt) throw InputError.field(["token"], "link_invalid", "This link is invalid or has expired");
  // conditional update: two concurrent uses of one link cannot both succeed
  const used = await tx.userToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
  if (used.count === 0) throw InputError.field(["token"], "link_invalid", "This link is invalid or has expired");
  return row.user;
}

export async function acceptInvitation(tx: Tx, token: string, password: string) {
  const user = await consumeToken(tx, token, "INVITATION");
  const updated = await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  await recordAudit(tx, { id: user.id }, "user.invitation_accepted", USER(user.id), null, null);
  return updated;
}

export async function updateUserRoles(
  tx: Tx,
  actor: Viewer,
  input: { userId: string; roles: string[]; organizationId: string | null },
  query: object = {},
) {
  const before = await tx.user.findUnique({ where: { id: input.userId } });
  if (!before) throw new NotFoundError("User");
  const otherAdmins = await tx.user.count({ where: { roles: { has: "ADMIN" }, deactivatedAt: null, id: { not: before.id } } });
  if (removesLastAdmin(before.roles, input.roles, otherAdmins)) {
    throw InputError.field(["roles"], "last_admin", "At least one active admin must remain");
  }
  if (input.organizationId && !(await tx.organization.findUnique({ where: { id: input.organizationId } }))) {
    throw InputError.field(["organizationId"], "not_found", "Unknown organisation");
  }
  const after = await tx.user.update({
    ...query,
    where: { id: before.id },
    data: { roles: input.roles as never, organizationId: input.organizationId },
  });
  await recordAudit(tx, actor, "user.roles_changed", USER(after.id), auditable(before), auditable(after));
  await notify(tx, [after.id], "account.roles_changed", { roles: after.roles.join(", ") }, "/");
  return after;
}

/** Deactivation ends every session of that person at once; their records stay. */
export async function deactivateUser(tx: Tx, actor: Viewer, userId: string, query: object = {}) {
  const before = await tx.user.findUnique({ where: { id: userId } });
  if (!before) throw new NotFoundError("User");
  if (before.id === actor.id) throw new ConflictError("cannot_deactivate_self", "You cannot deactivate your own account");
  if (before.deactivatedAt) return tx.user.findUniqueOrThrow({ ...query, where: { id: userId } });
  const after = await tx.user.update({ ...query, where: { id: userId }, data: { deactivatedAt: new Date() } });
  await tx.session.deleteMany({ where: { userId } });
  await tx.userToken.updateMany({ where: { userId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  await recordAudit(tx, actor, "user.deactivated", USER(userId), auditable(before), auditable(after));
  return after;
}

export async function reactivateUser(tx: Tx, actor: Viewer, userId: string, query: object = {}) {
  const before = await tx.user.findUnique({ where: { id: userId } });
  if (!before) throw new NotFoundError("User");
  const after = await tx.user.update({ ...query, where: { id: userId }, data: { deactivatedAt: null } });
  await recordAudit(tx, actor, "user.reactivated", USER(userId), auditable(before), auditable(after));
  return after;
}

/** Needs the current password; other sessions of the person end, this one stays. */
export async function changePassword(tx: Tx, actor: Viewer, currentPassword: string, newPassword: string, query: object = {}) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw InputError.field(["currentPassword"], "wrong_password", "The current password is not right");
  }
  const updated = await tx.user.update({ ...query, where: { id: actor.id }, data: { passwordHash: await hashPassword(newPassword) } });
  await tx.session.deleteMany({ where: { userId: actor.id, id: { not: actor.sessionId } } });
  await recordAudit(tx, actor, "user.password_changed", USER(actor.id), null, null);
  await notify(tx, [actor.id], "account.password_changed", {}, "/account");
  return updated;
}

/**
 * Sends a reset link if the address belongs to an active account. The caller answers the same either
 * way, so the form does not reveal who has an account. At most one link per address every two minutes.
 */
export async function requestPasswordReset(tx: Tx, email: string): Promise<void> {
  const user = await tx.user.findUnique({ where: { email } });
  if (!user || user.deactivatedAt) return;
  const recent = await tx.userToken.count({
    where: { userId: user.id, purpose: "PASSWORD_RESET", createdAt: { gt: new Date(Date.now() - 2 * 60_000) } },
  });
  if (recent > 0) return;
  const token = await issueToken(tx, user.id, "PASSWORD_RESET", PASSWORD_RESET_TTL_MS);
  await sendTransactionalEmail(tx, user, "account.password_reset", renderEmail(user.locale, {
    subject: translate(user.locale, "email.passwordReset.subject"),
    paragraphs: [translate(user.locale, "email.passwordReset.body", { name: user.name, minutes: 60 })],
    link: { label: translate(user.locale, "email.passwordReset.action"), url: publicUrl(`/reset-password?token=${token}`) },
  }));
  await recordAudit(tx, null, "user.password_reset_requested", USER(user.id), null, null);
}

/** Sets a new password from a reset link; every session of the person ends. */
export async function resetPassword(tx: Tx, token: string, password: string) {
  const user = await consumeToken(tx, token, "PASSWORD_RESET");
  const updated = await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  await tx.session.deleteMany({ where: { userId: user.id } });
  await recordAudit(tx, { id: user.id }, "user.password_reset", USER(user.id), null, null);
  return updated;
}
