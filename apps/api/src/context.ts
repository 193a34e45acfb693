import { randomUUID } from "node:crypto";
import type { Client } from "@citypeer/db";
import type { Role } from "@citypeer/domain/identity";
import type { Jobs } from "./jobs/runner.ts";
import { SESSION_COOKIE, readCookie, sessionFromToken, type ResponseCookies } from "./auth/session.ts";

export interface Viewer {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  organizationId: string | null;
  /** Partner cities and networks see each other's validated results by name; outside cities see aggregates. */
  organizationKind: "PARTNER_CITY" | "PARTNER_NETWORK" | "OUTSIDE_CITY" | null;
  locale: string;
  sessionId: string;
}

export interface Context {
  db: Client;
  viewer: Viewer | null;
  request: Request;
  requestId: string;
  /** Client address, for sign-in throttling. */
  ip: string;
  /** Whether the request came over HTTPS (directly or through a trusted proxy): cookies get Secure. */
  secure: boolean;
  cookies: ResponseCookies;
  jobs: Jobs;
}

export interface ServerContext {
  req?: { socket?: { remoteAddress?: string } };
  /** Tests and the bench set the client address directly. */
  ip?: string;
}

const trustProxy = () => process.env.TRUST_PROXY === "1";

export async function createContext(
  db: Client,
  jobs: Jobs,
  request: Request,
  server: ServerContext,
  cookies: ResponseCookies,
): Promise<Context> {
  const forwarded = trustProxy() ? request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() : undefined;
  const ip = server.ip ?? forwarded ?? server.req?.socket?.remoteAddress ?? "unknown";
  const secure =
    new URL(request.url).protocol === "https:" || (trustProxy() && request.headers.get("x-forwarded-proto") === "https");
  const token = readCookie(request, SESSION_COOKIE);
  const viewer = token ? await sessionFromToken(db, token) : null;
  return { db, viewer, request, requestId: request.headers.get("x-request-id") ?? randomUUID(), ip, secure, cookies, jobs };
}
