import type { Client, Tx } from "@citypeer/db";
import { INVITATION_TTL_MS } from "@citypeer/domain/identity";
import {
  APPLY_RATE_LIMIT,
  applicationWindowRefusal,
  isPartnerCityName,
  outsideCitySlug,
  type ApplyToCall,
} from "@citypeer/domain/open-call";
import { newToken, sha256 } from "../../auth/session.ts";
import { InputError, NotFoundError } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";
import { sendTransactionalEmail } from "../notifications/service.ts";
import { publicUrl, renderEmail, translate } from "../notifications/render.ts";

export type ApplicationRefusalCode = "honeypot" | "rate_limited" | "call_closed" | "deadline_passed";

/**
 * The public form refuses before looking at the city: a robot filled the honeypot, the address sent too many
 * applications, or the call does not take applications (closed, deadline passed). The code is stable and
 * translated by the web app; `retryAfterSeconds` is set for rate_limited.
 */
export class ApplicationRefusedError extends Error {
  constructor(
    readonly code: ApplicationRefusalCode,
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/*
 * Rate limit per client address, kept in the SignInThrottle table under "apply:<address>" so that every API
 * process counts the same applications: `failures` counts the applications of the current window and
 * `lastFailedAt` is when that window started. Only accepted applications count (the counter moves in their
 * transaction), so a refusal of any kind writes nothing.
 */
const WINDOW = `${APPLY_RATE_LIMIT.windowMinutes} minutes`;
const WINDOW_MS = APPLY_RATE_LIMIT.windowMinutes * 60_000;
export const applyThrottleKey = (ip: string) => `apply:${ip}`;

function refuseRateLimited(windowStartedAt: Date): never {
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStartedAt.getTime() + WINDOW_MS - Date.now()) / 1000));
  throw new ApplicationRefusedError("rate_limited", `Too many applications from this address; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
}

/** Refuses early (a read only) when this address has used up its applications for the window. */
export async function assertUnderApplyLimit(db: Client, ip: string): Promise<void> {
  const row = await db.signInThrottle.findUnique({ where: { key: applyThrottleKey(ip) } });
  if (row && row.lastFailedAt.getTime() + WINDOW_MS > Date.now() && row.failures >= APPLY_RATE_LIMIT.maxApplications) refuseRateLimited(row.lastFailedAt);
}

/** Counts one application atomically (two processes racing both count) and refuses the one over the limit. */
async function countApplication(tx: Tx, ip: string): Promise<void> {
  const [row] = await tx.$queryRaw<{ failures: number; lastFailedAt: Date }[]>`
    INSERT INTO "SignInThrottle" ("key", "failures", "lastFailedAt")
    VALUES (${applyThrottleKey(ip)}, 1, now())
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."lastFailedAt" < now() - ${WINDOW}::interval THEN 1
                        ELSE "SignInThrottle"."failures" + 1 END,
      "lastFailedAt" = CASE WHEN "SignInThrottle"."lastFailedAt" < now() - ${WINDOW}::interval THEN now()
                            ELSE "SignInThrottle"."lastFailedAt" END
    RETURNING "failures", "lastFailedAt"`;
  if (row && row.failures > APPLY_RATE_LIMIT.maxApplications) refuseRateLimited(row.lastFailedAt);
}

/** Which unique index a write broke, if it was a unique violation (P2002) on either database adapter. */
export function uniqueViolationFields(error: unknown): string[] | null {
  const e = error as { code?: string; meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[]; index?: string } } } } };
  if (e?.code !== "P2002") return null;
  const constraint = e.meta?.driverAdapterError?.cause?.constraint;
  if (constraint?.fields) return constraint.fields;
  if (constraint?.index) return [constraint.index];
  if (Array.isArray(e.meta?.target)) return e.meta.target as string[];
  if (typeof e.meta?.target === "string") return [e.meta.target];
  return [];
}

const alreadyApplied = () => InputError.field(["cityName"], "already_applied", "This city has already applied to this call");

export type ApplicationReceipt = { callTitle: string; cityName: string; contactEmail: string; submittedAt: Date; activationEmailSent: boolean };

/**
 * An outside city applies without an account. The city becomes an OUTSIDE_CITY organisation (found again by
 * its normalised name and country), its contact a city officer of it without a password, who gets a
 * single-use activation link by e-mail (the invitation flow: acceptInvitation sets the password).
 */
export async function applyToCall(tx: Tx, ip: string, locale: string, input: ApplyToCall): Promise<ApplicationReceipt> {
  const call = await tx.openCall.findUnique({ where: { id: input.callId }, include: { themes: { select: { communityId: true } } } });
  if (!call || call.status === "DRAFT") throw new NotFoundError("OpenCall");
  const refusal = applicationWindowRefusal(call, new Date());
  if (refusal === "deadline_passed") throw new ApplicationRefusedError(refusal, "The deadline of this call has passed");
  if (refusal === "call_closed") throw new ApplicationRefusedError(refusal, "This call no longer takes applications");
  if (!call.themes.some((t) => t.communityId === input.communityId)) {
    throw InputError.field(["communityId"], "not_a_call_theme", "Choose one of the themes of this call");
  }

  const partners = await tx.organization.findMany({ where: { kind: "PARTNER_CITY", country: input.country }, select: { cityName: true, country: true } });
  if (isPartnerCityName(input.cityName, input.country, partners)) {
    throw InputError.field(["cityName"], "partner_city", "Partner cities of the project do not apply to its open call");
  }

  const slug = outsideCitySlug(input.cityName, input.country);
  let organization = await tx.organization.findUnique({ where: { slug }, include: { users: { where: { deactivatedAt: null }, select: { id: true } } } });
  if (organization && (await tx.callApplication.count({ where: { callId: call.id, organizationId: organization.id } })) > 0) throw alreadyApplied();

  let contact = await tx.user.findUnique({ where: { email: input.contactEmail } });
  if (contact && contact.organizationId !== organization?.id) {
    throw InputError.field(["contactEmail"], "email_taken", "This e-mail address belongs to an account of another organisation");
  }
  if (!contact && organization && organization.users.length > 0) {
    // the city has people on citypeer already: a stranger cannot join it by applying under its name
    throw InputError.field(["contactEmail"], "city_contact_required", "Your city is registered: apply with the e-mail address of one of its contacts");
  }

  await countApplication(tx, ip);

  if (!organization) {
    organization = await tx.organization.create({
      data: { kind: "OUTSIDE_CITY", name: input.cityName, cityName: input.cityName, slug, country: input.country, languages: input.workingLanguages },
      include: { users: { select: { id: true } } },
    });
    await recordAudit(tx, null, "organization.created_by_application", { type: "Organization", id: organization.id }, null, {
      name: organization.name,
      country: organization.country,
      kind: organization.kind,
    });
  }
  if (!contact) {
    contact = await tx.user.create({
      data: {
        email: input.contactEmail,
        name: input.contactName,
        roles: ["CITY_OFFICER"],
        organizationId: organization.id,
        workingLanguages: input.workingLanguages,
        locale,
      },
    });
    await recordAudit(tx, null, "user.invited", { type: "User", id: contact.id }, null, {
      email: contact.email,
      name: contact.name,
      roles: contact.roles,
      organizationId: contact.organizationId,
      deactivatedAt: null,
    });
  }

  const application = await tx.callApplication.create({
    data: {
      callId: call.id,
      organizationId: organization.id,
      contactUserId: contact.id,
      communityId: input.communityId,
      currentSituation: input.currentSituation,
      needs: input.needs,
      motivation: input.motivation,
      workingLanguages: input.workingLanguages,
    },
  });
  await recordAudit(tx, null, "call.application_submitted", { type: "CallApplication", id: application.id }, null, {
    callId: call.id,
    organizationId: organization.id,
    contactUserId: contact.id,
    communityId: input.communityId,
  });

  // a contact without a password (new, or who never used an earlier link) gets a fresh activation link
  const activationEmailSent = contact.passwordHash === null && contact.deactivatedAt === null;
  if (activationEmailSent) await sendActivationEmail(tx, contact);
  return { callTitle: call.title, cityName: organization.cityName ?? organization.name, contactEmail: contact.email, submittedAt: application.submittedAt, activationEmailSent };
}

/** The invitation e-mail and token of the identity module: acceptInvitation consumes the link. */
async function sendActivationEmail(tx: Tx, user: { id: string; email: string; name: string; locale: string }) {
  await tx.userToken.updateMany({ where: { userId: user.id, purpose: "INVITATION", usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  const token = newToken();
  await tx.userToken.create({ data: { userId: user.id, purpose: "INVITATION", tokenHash: sha256(token), expiresAt: new Date(Date.now() + INVITATION_TTL_MS) } });
  const locale = user.locale;
  await sendTransactionalEmail(tx, user, "call.application_activation", renderEmail(locale, {
    subject: translate(locale, "email.invitation.subject"),
    paragraphs: [translate(locale, "email.invitation.bodyFromProjectTeam", { name: user.name, days: INVITATION_TTL_MS / 86_400_000 })],
    link: { label: translate(locale, "email.invitation.action"), url: publicUrl(`/accept-invitation?token=${token}`) },
  }));
}

/** Maps the unique indexes that back the form's rules (a race between two submissions) onto its fields. */
export function applicationUniqueError(error: unknown): InputError | null {
  const fields = uniqueViolationFields(error);
  if (!fields) return null;
  if (fields.includes("email")) return InputError.field(["contactEmail"], "email_taken", "This e-mail address belongs to an account of another organisation");
  // the organisation's slug (same city created twice at once) or (callId, organizationId): the same city applied twice
  return alreadyApplied();
}
