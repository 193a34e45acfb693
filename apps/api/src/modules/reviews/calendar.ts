import type { IncomingMessage, ServerResponse } from "node:http";
import ical, { ICalCalendarMethod } from "ical-generator";
import type { Client, Tx } from "@citypeer/db";
import { newToken, sha256 } from "../../auth/session.ts";
import { publicUrl, translate } from "../notifications/render.ts";

/** Private feeds live under this prefix: the token in the path is the only credential (calendar apps send no cookies). */
export const REVIEW_FEED_PREFIX = "/calendar/reviews/";
const ROUTE = /^\/calendar\/reviews\/([A-Za-z0-9_-]{43})\.ics$/;

/** A new private feed URL; any earlier one stops working. */
export async function rotateCalendarFeed(tx: Tx, userId: string): Promise<string> {
  await tx.userToken.updateMany({ where: { userId, purpose: "CALENDAR_FEED", revokedAt: null }, data: { revokedAt: new Date() } });
  const token = newToken();
  await tx.userToken.create({ data: { userId, purpose: "CALENDAR_FEED", tokenHash: sha256(token) } });
  return publicUrl(`${REVIEW_FEED_PREFIX}${token}.ics`);
}

export async function revokeCalendarFeed(tx: Tx, userId: string): Promise<void> {
  await tx.userToken.updateMany({ where: { userId, purpose: "CALENDAR_FEED", revokedAt: null }, data: { revokedAt: new Date() } });
}

/** The person's reviews: those they review, those of their city's pilot, or all for the project team; worded in their language. */
export async function reviewFeed(db: Client, token: string): Promise<string | null> {
  const row = await db.userToken.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } });
  if (!row || row.purpose !== "CALENDAR_FEED" || row.revokedAt || row.user.deactivatedAt) return null;
  const user = row.user;
  const team = user.roles.includes("PROJECT_MANAGER") || user.roles.includes("ADMIN");
  const reviews = await db.peerReview.findMany({
    where: {
      status: { not: "CANCELLED" },
      ...(team ? {} : { OR: [{ assignments: { some: { reviewerId: user.id } } }, ...(user.organizationId ? [{ pilot: { organizationId: user.organizationId } }] : [])] }),
    },
    include: { pilot: { include: { organization: true } }, assignments: { include: { reviewer: { select: { name: true } } } } },
    orderBy: { startsOn: "asc" },
  });
  const t = (id: string, values?: Record<string, string>) => translate(user.locale, id, values);
  const calendar = ical({ name: t("calendar.reviews.name"), prodId: { company: "citypeer", product: "citypeer", language: "EN" }, method: ICalCalendarMethod.PUBLISH });
  for (const r of reviews) {
    const city = r.pilot.organization.cityName ?? r.pilot.organization.name;
    const end = new Date(r.endsOn.getTime() + 86_400_000); // all-day events end the day after (RFC 5545 DTEND is exclusive)
    calendar.createEvent({
      id: `review-${r.id}@citypeer`,
      allDay: true,
      start: r.startsOn,
      end,
      summary: t("calendar.reviews.summary", { city, pilot: r.pilot.title }),
      description: [t(`reviewMode.${r.mode}`), t("reviews.team", { names: r.assignments.map((a) => a.reviewer.name).join(", ") }), r.agenda].filter(Boolean).join("\n\n"),
      location: r.mode === "ON_SITE" ? city : t("reviewMode.ONLINE"),
      url: publicUrl(`/reviews/${Buffer.from(`PeerReview:${r.id}`).toString("base64")}`),
    });
  }
  return calendar.toString();
}

export async function handleReviewFeed(db: Client, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const match = (req.url ?? "").split("?")[0]?.match(ROUTE);
  const body = match ? await reviewFeed(db, match[1]!) : null;
  if (!body) {
    res.writeHead(404, { "content-type": "text/plain" }).end("Unknown or revoked calendar feed");
    return;
  }
  res.writeHead(200, { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, max-age=300", "x-content-type-options": "nosniff" });
  res.end(body);
}
