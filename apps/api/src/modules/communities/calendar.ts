import type { IncomingMessage, ServerResponse } from "node:http";
import ical, { ICalCalendarMethod } from "ical-generator";
import type { Client } from "@citypeer/db";
import { slugFromName } from "@citypeer/domain/communities";
import { serveFetch } from "../../http/fetch-handler.ts";
import { SESSION_COOKIE, readCookie, sessionFromToken } from "../../auth/session.ts";
import { translate } from "../notifications/render.ts";

const SESSIONS_PREFIX = "/calendar/sessions/";
const COMMUNITIES_PREFIX = "/calendar/communities/";
export const sessionCalendarPath = (sessionId: string) => `${SESSIONS_PREFIX}${sessionId}.ics`;
export const communityCalendarPath = (communityId: string) => `${COMMUNITIES_PREFIX}${communityId}.ics`;

/** The paths to mount `handleCalendar` on; other modules serve other files under /calendar/. */
export const isCommunityCalendarPath = (pathname: string) => pathname.startsWith(SESSIONS_PREFIX) || pathname.startsWith(COMMUNITIES_PREFIX);

const ROUTE = /^\/calendar\/(sessions|communities)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.ics$/i;

type CalendarSession = {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  onlineUrl: string | null;
  createdAt: Date;
};

const SESSION_FIELDS = { id: true, title: true, description: true, startsAt: true, endsAt: true, location: true, onlineUrl: true, createdAt: true } as const;

/**
 * An RFC 5545 calendar with one VEVENT per session, times in UTC (each calendar app shows them in its own zone).
 * Titles and descriptions are the organisers' own words; the few words added are in the reader's language.
 */
export function sessionsCalendar(name: string, sessions: CalendarSession[], locale: string): string {
  const calendar = ical({ name, prodId: { company: "citypeer", product: "citypeer", language: "EN" }, method: ICalCalendarMethod.PUBLISH });
  for (const s of sessions) {
    calendar.createEvent({
      // the same UID on every download, so importing again updates the event instead of adding a copy
      id: `${s.id}@citypeer`,
      start: s.startsAt,
      end: s.endsAt,
      created: s.createdAt,
      summary: s.title,
      // several calendar apps show neither URL nor an empty location: the link goes in the text as well
      description: [s.description, s.onlineUrl ? translate(locale, "calendar.onlineAt", { url: s.onlineUrl }) : ""].filter(Boolean).join("\n\n") || null,
      location: s.location ?? s.onlineUrl,
      url: s.onlineUrl,
    });
  }
  return calendar.toString();
}

function plain(status: number, body: string, headers: Record<string, string> = {}) {
  return new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } });
}

/**
 * `GET /calendar/sessions/<id>.ics` (one session) and `/calendar/communities/<id>.ics` (a community's meetings
 * and the cross-cutting trainings). Sessions are not secret within the project, but they are not public either:
 * a valid session cookie is required.
 */
export async function calendarResponse(db: Client, request: Request): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD") return plain(405, "Only GET and HEAD", { allow: "GET, HEAD" });
  const match = ROUTE.exec(new URL(request.url).pathname);
  if (!match) return plain(404, "Not found");
  const token = readCookie(request, SESSION_COOKIE);
  const viewer = token ? await sessionFromToken(db, token) : null;
  if (!viewer) return plain(401, "Sign in to citypeer first");

  const [, kind, id] = match as unknown as [string, "sessions" | "communities", string];
  let name: string;
  let sessions: CalendarSession[];
  if (kind === "sessions") {
    const session = await db.communitySession.findUnique({ where: { id }, select: SESSION_FIELDS });
    if (!session) return plain(404, "Not found");
    [name, sessions] = [session.title, [session]];
  } else {
    const community = await db.community.findUnique({ where: { id }, select: { name: true } });
    if (!community) return plain(404, "Not found");
    sessions = await db.communitySession.findMany({
      where: { OR: [{ communityId: id }, { communityId: null }] },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      select: SESSION_FIELDS,
    });
    name = community.name;
  }

  const body = sessionsCalendar(name, sessions, viewer.locale);
  return new Response(request.method === "HEAD" ? null : body, {
    status: 200,
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${slugFromName(name) || "citypeer"}.ics"`,
      "cache-control": "private, no-cache",
    },
  });
}

/** The node:http side of `calendarResponse`, for server.ts. */
export function handleCalendar(db: Client, req: IncomingMessage, res: ServerResponse): Promise<void> {
  return serveFetch(req, res, "calendar", (request) => calendarResponse(db, request));
}
