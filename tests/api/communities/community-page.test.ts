import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarResponse, handleCalendar, isCommunityCalendarPath } from "@citypeer/api/modules/communities/calendar";
import { createTestApp, type TestApp } from "../support/app.ts";
import { countStatements } from "../support/sql-counter.ts";
import { COMMUNITY_PAGE, globalId } from "./operations.ts";

let app: TestApp;
let housing: { id: string };
const DAY = 86_400_000;

beforeAll(async () => {
  app = await createTestApp({ seed: true });
  housing = await app.prisma.community.findUniqueOrThrow({ where: { slug: "housing" } });
});
afterAll(() => app.close());

const page = async (email: string) => app.gql(await app.userByEmail(email), COMMUNITY_PAGE, { id: globalId("Community", housing.id) });

/** A resource with an uploaded file, made directly (uploads are tested in the attachments module). */
async function fileResource(communityId: string, title: string) {
  const manager = await app.userByEmail("manager@citypeer.eu");
  const attachment = await app.prisma.attachment.create({
    data: { sha256: "a".repeat(64), fileName: `${title}.pdf`, mimeType: "application/pdf", sizeBytes: 1000, uploadedById: manager.id },
  });
  return app.prisma.communityResource.create({ data: { communityId, title, type: "REPORT", language: "en", attachmentId: attachment.id } });
}

describe("the community page", () => {
  beforeAll(async () => {
    await app.prisma.communityResource.create({
      data: { communityId: housing.id, title: "Landlord mediation guideline", type: "GUIDELINE", language: "fr", url: "https://eurocities.eu/guideline" },
    });
    await fileResource(housing.id, "Baseline report");
    const milan = await app.prisma.organization.findUniqueOrThrow({ where: { slug: "milan" } });
    await app.prisma.communityMember.create({ data: { communityId: housing.id, organizationId: milan.id, status: "REQUESTED" } });
    const kickOff = await app.prisma.communitySession.findFirstOrThrow({ where: { communityId: housing.id } });
    const athens = await app.userByEmail("officer.athens@citypeer.eu");
    await app.prisma.sessionAttendance.create({ data: { sessionId: kickOff.id, userId: athens.id, status: "ATTENDED" } });
  });

  it("shows a manager everything in one request: cities and contacts, coordinators, sessions, resources, requests", async () => {
    const res = await page("manager@citypeer.eu");
    expect(res.errors).toBeUndefined();
    const c = res.data.community;
    expect(c).toMatchObject({ name: "Local housing support", theme: "HOUSING", leadCity: { cityName: "Ghent" }, viewerCanManage: true });
    expect(c.description).toContain("landlords");
    expect(c.icsUrl).toBe(`/calendar/communities/${housing.id}.ics`);
    expect(c.memberCities.map((m: any) => m.cityName).sort()).toEqual(["Athens", "Ghent", "Nantes", "Vienna", "Zagreb"]);
    const vienna = c.memberCities.find((m: any) => m.cityName === "Vienna");
    // the officer only: Vienna's reviewer and mentor are not the city's contacts
    expect(vienna.contacts).toEqual([{ name: "Vienna Officer", email: "officer.vienna@citypeer.eu" }]);
    expect(c.coordinators.map((u: any) => u.email)).toEqual(["officer.ghent@citypeer.eu", "manager@citypeer.eu"]);

    // the three cross-cutting trainings are upcoming; the kick-off meeting is past; other communities' meetings are not here
    expect(c.upcomingSessions.map((s: any) => [s.kind, s.topic, s.isCrossCutting])).toEqual([
      ["TRAINING", "NEWCOMER_DATA", true],
      ["TRAINING", "WOMEN_CENTRED_POLICIES", true],
      ["TRAINING", "EMERGENCY_TO_STRATEGY", true],
    ]);
    expect(c.upcomingSessions[0].onlineUrl).toBe("https://meet.example.eu/consolidate");
    expect(c.pastSessions).toHaveLength(1);
    const kickOff = c.pastSessions[0];
    expect(kickOff).toMatchObject({ kind: "MEETING", title: "Local housing support: benchmark kick-off", location: "Ghent", isCrossCutting: false });
    expect(kickOff.attendanceCounts).toEqual({ registered: 0, attended: 1, excused: 0 });
    expect(kickOff.attendances).toEqual([{ status: "ATTENDED", user: { name: "Athens Officer" } }]);
    expect(kickOff.viewerAttendance).toBeNull();
    expect(new Date(kickOff.endsAt).getTime()).toBeGreaterThan(new Date(kickOff.startsAt).getTime());

    expect(c.resources).toEqual(
      expect.arrayContaining([
        { title: "Landlord mediation guideline", type: "GUIDELINE", language: "fr", url: "https://eurocities.eu/guideline", attachment: null },
        { title: "Baseline report", type: "REPORT", language: "en", url: null, attachment: { fileName: "Baseline report.pdf" } },
      ]),
    );
    expect(c.membershipRequests).toEqual([{ status: "REQUESTED", requestedAt: expect.any(String), city: { cityName: "Milan" } }]);
  });

  it("shows a member city's officer their own attendance and membership, without the manager-only lists", async () => {
    const res = await page("officer.athens@citypeer.eu");
    expect(res.errors).toBeUndefined();
    const c = res.data.community;
    expect(c).toMatchObject({ viewerCanManage: false, viewerCityIsMember: true, viewerCityMembership: "ACTIVE", membershipRequests: null });
    expect(c.pastSessions[0]).toMatchObject({ viewerAttendance: "ATTENDED", attendances: null, attendanceCounts: { attended: 1 } });
    expect(c.upcomingSessions[0].attendances).toBeNull();
  });

  it("tells an officer whose city asked to join that the request is pending", async () => {
    const c = (await page("officer.milan@citypeer.eu")).data.community;
    expect(c).toMatchObject({ viewerCityIsMember: false, viewerCityMembership: "REQUESTED" });
  });

  it("refuses anonymous readers", async () => {
    const res = await app.gql(null, COMMUNITY_PAGE, { id: globalId("Community", housing.id) });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.community ?? null).toBeNull();
  });
});

describe("the community page without N+1", () => {
  it("reads the page in the same number of statements however many sessions, attendances, resources and members", async () => {
    const manager = await app.userByEmail("manager@citypeer.eu");
    const cookie = await app.cookieFor(manager);
    const run = () => app.gql(null, COMMUNITY_PAGE, { id: globalId("Community", housing.id) }, { cookie });
    const small = await countStatements(app.db, run);
    expect(small.result.errors).toBeUndefined();

    // grow every list on the page
    const now = Date.now();
    for (let i = 0; i < 2; i++) {
      const city = await app.make.organization();
      for (let u = 0; u < 3; u++) await app.make.user({ organizationId: city.id, roles: ["CITY_OFFICER"] });
      await app.prisma.communityMember.create({ data: { communityId: housing.id, organizationId: city.id, status: i === 0 ? "ACTIVE" : "REQUESTED" } });
    }
    const people = await Promise.all([0, 1, 2, 3].map(() => app.make.user({ roles: ["CITY_OFFICER"] })));
    for (const [i, when] of [-20, -10, 5, 15, 25].entries()) {
      const session = await app.prisma.communitySession.create({
        data: {
          communityId: i % 2 === 0 ? housing.id : null,
          kind: "TRAINING",
          topic: i % 2 === 0 ? null : "NEWCOMER_DATA",
          title: `Session ${i}`,
          startsAt: new Date(now + when * DAY),
          endsAt: new Date(now + when * DAY + 3_600_000),
        },
      });
      for (const p of people) {
        await app.prisma.sessionAttendance.create({ data: { sessionId: session.id, userId: p.id, status: when < 0 ? "ATTENDED" : "REGISTERED" } });
      }
    }
    for (let i = 0; i < 3; i++) await fileResource(housing.id, `Report ${i}`);
    await app.prisma.communityCoordinator.create({ data: { communityId: housing.id, userId: people[0]!.id } });

    const large = await countStatements(app.db, run);
    expect(large.result.errors).toBeUndefined();
    const c = large.result.data.community;
    expect(c.upcomingSessions.length + c.pastSessions.length).toBe(4 + 5);
    expect(c.resources.length).toBe(2 + 3);
    expect(c.membershipRequests.length).toBe(2);
    expect(large.statements.length).toBe(small.statements.length);
  });

  it("lists the sessions of every community with one batched statement per level, not one per community", async () => {
    const LIST = /* GraphQL */ `{ communities { name upcomingSessions { title attendanceCounts { registered } } pastSessions { title } } }`;
    const cookie = await app.cookieFor(await app.userByEmail("officer.ghent@citypeer.eu"));
    const run = () => app.gql(null, LIST, {}, { cookie });
    const small = await countStatements(app.db, run);
    for (let i = 0; i < 3; i++) {
      const community = await app.make.community();
      await app.prisma.communitySession.create({
        data: { communityId: community.id, kind: "MEETING", title: `Meeting ${i}`, startsAt: new Date(Date.now() + DAY), endsAt: new Date(Date.now() + 2 * DAY) },
      });
    }
    const large = await countStatements(app.db, run);
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data.communities).toHaveLength(6);
    const made = large.result.data.communities.find((c: any) => c.upcomingSessions.some((s: any) => s.title === "Meeting 0"));
    // its own meeting and the cross-cutting trainings, not the other new communities' meetings
    expect(made.upcomingSessions.map((s: any) => s.title).filter((t: string) => t.startsWith("Meeting"))).toEqual(["Meeting 0"]);
    expect(large.statements.length).toBe(small.statements.length);
  });
});

describe("iCalendar", () => {
  async function download(path: string, email: string | null) {
    const cookie = email ? await app.cookieFor(await app.userByEmail(email)) : undefined;
    return calendarResponse(app.prisma, new Request(`http://citypeer.test${path}`, { headers: cookie ? { cookie } : {} }));
  }
  const events = (ics: string) => new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));

  it("serves one session as a valid calendar with one event in UTC", async () => {
    const training = await app.prisma.communitySession.findFirstOrThrow({ where: { topic: "NEWCOMER_DATA", communityId: null } });
    const res = await download(`/calendar/sessions/${training.id}.ics`, "officer.athens@citypeer.eu");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const ics = await res.text();
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    const [event, ...others] = events(ics);
    expect(others).toHaveLength(0);
    expect(event!.uid).toBe(`${training.id}@citypeer`);
    expect(event!.summary).toBe("Generating and sharing data on newcomers");
    expect(event!.startDate.zone?.tzid).toBe("UTC");
    expect(event!.startDate.toJSDate().getTime()).toBe(training.startsAt.getTime());
    expect(event!.endDate.toJSDate().getTime()).toBe(training.endsAt.getTime());
    expect(event!.location).toBe("https://meet.example.eu/consolidate");
    expect(event!.component.getFirstPropertyValue("url")).toBe("https://meet.example.eu/consolidate");
    expect(event!.description).toContain("Online: https://meet.example.eu/consolidate");
  });

  it("adds its few words in the reader's language and the organisers' text as written", async () => {
    const training = await app.prisma.communitySession.findFirstOrThrow({ where: { topic: "NEWCOMER_DATA", communityId: null } });
    const reader = await app.userByEmail("officer.lublin@citypeer.eu");
    await app.prisma.user.update({ where: { id: reader.id }, data: { locale: "pl" } });
    try {
      const [event] = events(await (await download(`/calendar/sessions/${training.id}.ics`, "officer.lublin@citypeer.eu")).text());
      expect(event!.summary).toBe("Generating and sharing data on newcomers");
      expect(event!.description).toContain("Udział online: https://meet.example.eu/consolidate");
      expect(event!.description).not.toContain("Online: ");
    } finally {
      await app.prisma.user.update({ where: { id: reader.id }, data: { locale: "en" } });
    }
  });

  it("gives the same UID on every download, so a second import updates the event", async () => {
    const kickOff = await app.prisma.communitySession.findFirstOrThrow({ where: { communityId: housing.id, kind: "MEETING" } });
    const path = `/calendar/sessions/${kickOff.id}.ics`;
    const [a, b] = await Promise.all([download(path, "manager@citypeer.eu"), download(path, "officer.ghent@citypeer.eu")]);
    const [first, second] = [events(await a.text())[0]!, events(await b.text())[0]!];
    expect(first.uid).toBe(second.uid);
    expect(first.location).toBe("Ghent");
  });

  it("serves a community's meetings and the cross-cutting trainings as one feed", async () => {
    const res = await download(`/calendar/communities/${housing.id}.ics`, "officer.ghent@citypeer.eu");
    expect(res.status).toBe(200);
    const expected = await app.prisma.communitySession.findMany({ where: { OR: [{ communityId: housing.id }, { communityId: null }] } });
    const uids = events(await res.text()).map((e) => e.uid);
    expect(uids.sort()).toEqual(expected.map((s) => `${s.id}@citypeer`).sort());
  });

  it("needs a signed-in session, and answers 404 for unknown sessions and paths", async () => {
    const training = await app.prisma.communitySession.findFirstOrThrow({ where: { communityId: null } });
    expect((await download(`/calendar/sessions/${training.id}.ics`, null)).status).toBe(401);
    const badCookie = new Request(`http://citypeer.test/calendar/sessions/${training.id}.ics`, { headers: { cookie: "citypeer_session=forged" } });
    expect((await calendarResponse(app.prisma, badCookie)).status).toBe(401);
    expect((await download("/calendar/sessions/00000000-0000-4000-8000-000000000000.ics", "manager@citypeer.eu")).status).toBe(404);
    expect((await download("/calendar/sessions/not-an-id.ics", "manager@citypeer.eu")).status).toBe(404);
  });

  it("works mounted on a node:http server, as server.ts mounts it", async () => {
    // as server.ts routes: only this module's paths reach the handler
    const server = createServer((req, res) => {
      if (isCommunityCalendarPath(req.url ?? "/")) return void handleCalendar(app.prisma, req, res);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const cookie = await app.cookieFor(await app.userByEmail("officer.nantes@citypeer.eu"));
      const res = await fetch(`http://127.0.0.1:${port}/calendar/communities/${housing.id}.ics`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      expect(events(await res.text()).length).toBeGreaterThan(0);
      expect((await fetch(`http://127.0.0.1:${port}/calendar/reviews/x.ics`, { headers: { cookie } })).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
