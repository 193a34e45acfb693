import type { SignIn } from "@citypeer/domain/identity";
import type { Context } from "../../context.ts";
import { clearedSessionCookie, sessionCookie, startSession } from "../../auth/session.ts";
import { InputError, TooManyAttemptsError } from "../../errors.ts";
import { verifyPassword } from "./passwords.ts";
import { clearFailures, recordFailure, secondsToWait, signInThrottleKeys } from "./throttle.ts";

/**
 * Signs a person in: throttled per account and per address, one answer for every kind of failure
 * (unknown address, wrong password, deactivated account), and a fresh session token each time.
 */
export async function signIn(ctx: Context, input: SignIn, query: object = {}) {
  const keys = signInThrottleKeys(input.email, ctx.ip);
  const wait = await secondsToWait(ctx.db, keys);
  if (wait > 0) throw new TooManyAttemptsError(wait);

  const user = await ctx.db.user.findUnique({ where: { email: input.email }, include: { organization: { select: { kind: true } } } });
  const passwordMatches = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !passwordMatches || user.deactivatedAt) {
    await recordFailure(ctx.db, keys);
    throw InputError.field(["password"], "invalid_credentials", "Wrong e-mail address or password");
  }

  const { token, session } = await ctx.db.$transaction(async (tx) => {
    // rotate: the session this browser had (if any) ends; a new token replaces it
    if (ctx.viewer) await tx.session.deleteMany({ where: { id: ctx.viewer.sessionId } });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    return startSession(tx, user.id, { ip: ctx.ip, userAgent: ctx.request.headers.get("user-agent") });
  });
  await clearFailures(ctx.db, keys);
  ctx.cookies.push(sessionCookie(token, ctx.secure));
  // The rest of this request acts as the person who just signed in (the User type needs a viewer).
  ctx.viewer = {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    organizationId: user.organizationId,
    organizationKind: user.organization?.kind ?? null,
    locale: user.locale,
    sessionId: session.id,
  };
  return ctx.db.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
}

export async function signOut(ctx: Context): Promise<boolean> {
  if (ctx.viewer) await ctx.db.session.deleteMany({ where: { id: ctx.viewer.sessionId } });
  ctx.cookies.push(clearedSessionCookie(ctx.secure));
  return true;
}
