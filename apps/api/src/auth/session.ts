import { createHash, randomBytes } from "node:crypto";
import { parse, serialize } from "cookie";
import type { Client, Tx } from "@citypeer/db";
import type { Role } from "@citypeer/domain/identity";
import type { Viewer } from "../context.ts";

export const SESSION_COOKIE = "citypeer_session";

const minutes = (n: number) => n * 60_000;
/** Idle expiry: a session unused this long ends. Absolute expiry: every session ends this long after sign-in. */
export const SESSION_IDLE_MS = minutes(Number(process.env.SESSION_IDLE_MINUTES ?? 8 * 60));
export const SESSION_ABSOLUTE_MS = minutes(Number(process.env.SESSION_ABSOLUTE_MINUTES ?? 7 * 24 * 60));
/** lastSeenAt is refreshed at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = minutes(5);

/** Cookies to send with the response, collected while resolvers run. */
export type ResponseCookies = string[];

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** A random 256-bit secret, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie");
  return header ? parse(header)[name] : undefined;
}

export function sessionCookie(token: string, secure: boolean): string {
  return serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, "", { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 0 });
}

/** Starts a session; the caller sets the returned token as the cookie. Only its hash is stored. */
export async function startSession(tx: Tx, userId: string, meta: { ip: string; userAgent: string | null }) {
  const token = newToken();
  const now = Date.now();
  const session = await tx.session.create({
    data: {
      tokenHash: sha256(token),
      userId,
      expiresAt: new Date(now + SESSION_ABSOLUTE_MS),
      ipAddress: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    },
  });
  return { token, session };
}

type SessionRow = {
  sessionId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  userId: string;
  email: string;
  name: string;
  roles: string[];
  organizationId: string | null;
  organizationKind: string | null;
  locale: string;
  deactivatedAt: Date | null;
};

/**
 * The viewer behind a session token, or null when it is unknown, expired, idle too long or the user is
 * deactivated. Every request pays for this, so it is one statement (a join), not one per relation.
 */
export async function sessionFromToken(db: Client, token: string): Promise<Viewer | null> {
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT s."id" AS "sessionId", s."lastSeenAt", s."expiresAt", u."id" AS "userId", u."email", u."name",
           u."roles"::text[] AS "roles", u."organizationId", o."kind"::text AS "organizationKind", u."locale", u."deactivatedAt"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Organization" o ON o."id" = u."organizationId"
    WHERE s."tokenHash" = ${sha256(token)}`;
  if (!row || row.deactivatedAt) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now || row.lastSeenAt.getTime() + SESSION_IDLE_MS <= now) return null;
  if (now - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({ where: { id: row.sessionId }, data: { lastSeenAt: new Date(now) } });
  }
  return {
    id: row.userId,
    email: row.email,
    name: row.name,
    roles: row.roles as Role[],
    organizationId: row.organizationId,
    organizationKind: row.organizationKind as Viewer["organizationKind"],
    locale: row.locale,
    sessionId: row.sessionId,
  };
}
