import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { COMMUNITY_PAGE, globalId, mutation } from "./operations.ts";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
});
afterAll(() => app.close());

const DAY = 86_400_000;
const manager = () => app.userByEmail("manager@citypeer.eu");
const officer = (city: string) => app.userByEmail(`officer.${city}@citypeer.eu`);
const org = (slug: string) => app.prisma.organization.findUniqueOrThrow({ where: { slug } });
const cityId = async (slug: string) => globalId("Organization", (await org(slug)).id);
const communityId = (id: string) => globalId("Community", id);

/** Every row this module writes, so "nothing was written" is one comparison. */
async function snapshot() {
  const p = app.prisma;
  return {
    communities: await p.community.findMany({ orderBy: { id: "asc" } }),
    members: await p.communityMember.findMany({ orderBy: [{ communityId: "asc" }, { organizationId: "asc" }] }),
    coordinators: await p.communityCoordinator.findMany({ orderBy: [{ communityId: "asc" }, { userId: "asc" }] }),
    sessions: await p.communitySession.findMany({ orderBy: { id: "asc" } }),
    attendances: await p.sessionAttendance.findMany({ orderBy: [{ sessionId: "asc" }, { userId: "asc" }] }),
    resources: await p.communityResource.findMany({ orderBy: { id: "asc" } }),
    audit: await p.auditEntry.count(),
  };
}

/** Runs `act` and asserts it was refused with FORBIDDEN and wrote nothing. */
async function expectRefused(act: () => Promise<{ errors?: { extensions?: { code?: string } }[] }>) {
  const before = await snapshot();
  const res = await act();
  expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  expect(await snapshot()).toEqual(before);
}

/** Runs `act` and returns its field issues, asserting it wrote nothing. */
async function expectIssues(act: () => Promise<{ data?: any }>, field: string) {
  const before = await snapshot();
  const res = await act();
  expect(res.data[field].__typename).toBe("InputError");
  expect(await snapshot()).toEqual(before);
  return res.data[field].issues.map((i: { path: string[]; code: string }) => [i.path.join("."), i.code]);
}

const lastAudit = (entityId: string) => app.prisma.auditEntry.findFirstOrThrow({ where: { entityId }, orderBy: { seq: "desc" } });

const CREATE_COMMUNITY = mutation("createCommunity", "{ id slug name theme leadCity { cityName } memberCities { cityName } }", ["InputError"]);
const UPDATE_COMMUNITY = mutation("updateCommunity", "{ name description leadCity { cityName } memberCities { cityName } }", ["InputError", "NotFoundError"]);

describe("creating and updating communities", () => {
  it("lets a project manager create a community led by a partner city, which becomes its first member", async () => {
    const res = await app.gql(await manager(), CREATE_COMMUNITY, {
      input: { name: "Health access", theme: "OTHER", description: "Primary care for newcomers", leadCityId: await cityId("cluj") },
    });
    const created = res.data.createCommunity.data;
    expect(created).toMatchObject({ slug: "health-access", name: "Health access", leadCity: { cityName: "Cluj" }, memberCities: [{ cityName: "Cluj" }] });
    const row = await app.prisma.community.findUniqueOrThrow({ where: { slug: "health-access" } });
    const audit = await app.prisma.auditEntry.findMany({ where: { entityId: row.id }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["community.created", "community.member_added"]);
    expect(audit[0]!.after).toMatchObject({ name: "Health access", theme: "OTHER" });
  });

  it("refuses a city officer and writes nothing", async () => {
    await expectRefused(async () =>
      app.gql(await officer("ghent"), CREATE_COMMUNITY, { input: { name: "Shadow community", theme: "OTHER", description: "" } }),
    );
  });

  it("refuses anonymous callers with UNAUTHENTICATED", async () => {
    const before = await snapshot();
    const res = await app.gql(null, CREATE_COMMUNITY, { input: { name: "Anonymous", theme: "OTHER", description: "" } });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a blank name, a taken name and a lead that is not a partner city, on their fields", async () => {
    const m = await manager();
    const create = (input: object) => () => app.gql(m, CREATE_COMMUNITY, { input: { theme: "OTHER", description: "", ...input } });
    expect(await expectIssues(create({ name: "  " }), "createCommunity")).toEqual([["name", "too_small"]]);
    expect(await expectIssues(create({ name: "One-stop shops" }), "createCommunity")).toEqual([["name", "name_taken"]]);
    expect(await expectIssues(create({ name: "X", leadCityId: await cityId("eurocities") }), "createCommunity")).toEqual([["leadCityId", "not_a_partner_city"]]);
    expect(await expectIssues(create({ name: "X", slug: "Not A Slug" }), "createCommunity")).toEqual([["slug", "invalid_format"]]);
  });

  it("lets a project manager change the description and lead city, audited with before and after", async () => {
    const community = await app.make.community({ name: "Language and work" });
    const res = await app.gql(await manager(), UPDATE_COMMUNITY, {
      input: { communityId: communityId(community.id), description: "Language courses combined with work", leadCityId: await cityId("lublin") },
    });
    expect(res.data.updateCommunity.data).toMatchObject({
      name: "Language and work",
      description: "Language courses combined with work",
      leadCity: { cityName: "Lublin" },
      memberCities: [{ cityName: "Lublin" }],
    });
    const entry = await app.prisma.auditEntry.findFirstOrThrow({ where: { entityId: community.id, action: "community.updated" } });
    expect(entry.before).toMatchObject({ description: "", leadCityId: null });
    expect(entry.after).toMatchObject({ description: "Language courses combined with work", leadCityId: (await org("lublin")).id });
  });

  it("refuses a coordinating officer (coordinators are not project managers) and changes nothing", async () => {
    const housing = await app.prisma.community.findUniqueOrThrow({ where: { slug: "housing" } });
    await expectRefused(async () =>
      app.gql(await officer("ghent"), UPDATE_COMMUNITY, { input: { communityId: communityId(housing.id), description: "Ours now" } }),
    );
  });
});

describe("sessions", () => {
  const CREATE = mutation("createCommunitySession", "{ id kind topic title isCrossCutting community { name } startsAt endsAt }", ["InputError", "NotFoundError"]);
  const UPDATE = mutation("updateCommunitySession", "{ title startsAt endsAt location }", ["InputError", "NotFoundError"]);
  const DELETE = mutation("deleteCommunitySession", "", ["NotFoundError"]);
  const inFuture = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * 3_600_000).toISOString();

  it("lets a project manager schedule a community meeting and a cross-cutting training", async () => {
    const housing = await app.prisma.community.findUniqueOrThrow({ where: { slug: "housing" } });
    const m = await manager();
    const meeting = await app.gql(m, CREATE, {
      input: { communityId: communityId(housing.id), kind: "MEETING", title: "Peer exchange", startsAt: inFuture(3), endsAt: inFuture(3, 2), location: "Nantes" },
    });
    expect(meeting.data.createCommunitySession.data).toMatchObject({ kind: "MEETING", isCrossCutting: false, community: { name: "Local housing support" } });
    const training = await app.gql(m, CREATE, {
      input: { kind: "TRAINING", topic: "WOMEN_CENTRED_POLICIES", title: "Women-centred policies II", startsAt: inFuture(40), endsAt: inFuture(40, 2), onlineUrl: "https://meet.example.eu/t2" },
    });
    const data = training.data.createCommunitySession.data;
    expect(data).toMatchObject({ kind: "TRAINING", topic: "WOMEN_CENTRED_POLICIES", isCrossCutting: true, community: null });
    const id = Buffer.from(data.id, "base64").toString().split(":")[1]!;
    expect((await lastAudit(id)).action).toBe("session.created");
  });

  it("refuses an end before the start on endsAt, and writes nothing", async () => {
    const issues = await expectIssues(
      async () => app.gql(await manager(), CREATE, { input: { kind: "TRAINING", topic: "NEWCOMER_DATA", title: "Backwards", startsAt: inFuture(5, 3), endsAt: inFuture(5, 1) } }),
      "createCommunitySession",
    );
    expect(issues).toEqual([["endsAt", "ends_before_start"]]);
  });

  it("refuses a session for all communities that is not a training", async () => {
    const issues = await expectIssues(
      async () => app.gql(await manager(), CREATE, { input: { kind: "MEETING", title: "Everyone", startsAt: inFuture(5), endsAt: inFuture(5, 1) } }),
      "createCommunitySession",
    );
    expect(issues).toEqual([["kind", "cross_cutting_is_training"], ["topic", "topic_required"]]);
  });

  it("refuses a city officer scheduling a session", async () => {
    const housing = await app.prisma.community.findUniqueOrThrow({ where: { slug: "housing" } });
    await expectRefused(async () =>
      app.gql(await officer("ghent"), CREATE, { input: { communityId: communityId(housing.id), kind: "MEETING", title: "Ours", startsAt: inFuture(3), endsAt: inFuture(3, 1) } }),
    );
  });

  it("checks a partial update against the whole session: a start moved past the end is refused on endsAt", async () => {
    const session = await app.prisma.communitySession.findFirstOrThrow({ where: { topic: "EMERGENCY_TO_STRATEGY" } });
    const sessionId = globalId("CommunitySession", session.id);
    const m = await manager();
    const later = new Date(session.endsAt.getTime() + 3_600_000).toISOString();
    expect(await expectIssues(() => app.gql(m, UPDATE, { input: { sessionId, startsAt: later } }), "updateCommunitySession")).toEqual([["endsAt", "ends_before_start"]]);

    const res = await app.gql(m, UPDATE, { input: { sessionId, title: "Emergency to strategy", location: "Vienna" } });
    expect(res.data.updateCommunitySession.data).toMatchObject({ title: "Emergency to strategy", location: "Vienna" });
    const entry = await lastAudit(session.id);
    expect(entry.action).toBe("session.updated");
    expect(entry.before).toMatchObject({ title: "From emergency response to a strategic approach", location: null });
    expect(entry.after).toMatchObject({ title: "Emergency to strategy", location: "Vienna" });
  });

  it("refuses a city officer updating a session", async () => {
    const session = await app.prisma.communitySession.findFirstOrThrow({ where: { communityId: null } });
    await expectRefused(async () =>
      app.gql(await officer("vienna"), UPDATE, { input: { sessionId: globalId("CommunitySession", session.id), title: "Renamed" } }),
    );
  });

  it("lets a project manager delete a session with its attendance, audited", async () => {
    const session = await app.prisma.communitySession.create({
      data: { kind: "TRAINING", topic: "NEWCOMER_DATA", title: "Cancelled", startsAt: new Date(Date.now() + DAY), endsAt: new Date(Date.now() + 2 * DAY) },
    });
    await app.prisma.sessionAttendance.create({ data: { sessionId: session.id, userId: (await officer("sofia")).id, status: "REGISTERED" } });
    const res = await app.gql(await manager(), DELETE, { input: { sessionId: globalId("CommunitySession", session.id) } });
    expect(res.data.deleteCommunitySession.data).toBe(globalId("CommunitySession", session.id));
    expect(await app.prisma.communitySession.count({ where: { id: session.id } })).toBe(0);
    expect(await app.prisma.sessionAttendance.count({ where: { sessionId: session.id } })).toBe(0);
    const entry = await lastAudit(session.id);
    expect(entry).toMatchObject({ action: "session.deleted", after: null, before: { title: "Cancelled", attendances: 1 } });
  });

  it("refuses a city officer deleting a session", async () => {
    const session = await app.prisma.communitySession.findFirstOrThrow({ where: { communityId: null } });
    await expectRefused(async () => app.gql(await officer("vienna"), DELETE, { input: { sessionId: globalId("CommunitySession", session.id) } }));
  });

  it("answers NotFoundError for a session that does not exist", async () => {
    const res = await app.gql(await manager(), DELETE, { input: { sessionId: globalId("CommunitySession", "00000000-0000-4000-8000-000000000000") } });
    expect(res.data.deleteCommunitySession).toEqual({ __typename: "NotFoundError", entity: "CommunitySession" });
  });
});

describe("attendance", () => {
  const RECORD = mutation("recordMyAttendance", "{ viewerAttendance attendanceCounts { registered attended excused } }", ["InputError", "NotFoundError"]);
  const record = async (email: string, sessionId: string, status: string) =>
    app.gql(await app.userByEmail(email), RECORD, { input: { sessionId: globalId("CommunitySession", sessionId), status } });
  let upcomingMeeting: { id: string };
  let pastMeeting: { id: string };

  beforeAll(async () => {
    const labour = await app.prisma.community.findUniqueOrThrow({ where: { slug: "labour-market" } });
    upcomingMeeting = await app.prisma.communitySession.create({
      data: { communityId: labour.id, kind: "MEETING", title: "Employer partnerships", startsAt: new Date(Date.now() + 7 * DAY), endsAt: new Date(Date.now() + 7 * DAY + 7_200_000) },
    });
    pastMeeting = await app.prisma.communitySession.findFirstOrThrow({ where: { communityId: labour.id, startsAt: { lt: new Date() } } });
  });

  it("lets an officer of a member city register for an upcoming meeting, then shows it on the page", async () => {
    const res = await record("officer.dortmund@citypeer.eu", upcomingMeeting.id, "REGISTERED");
    expect(res.data.recordMyAttendance.data).toEqual({ viewerAttendance: "REGISTERED", attendanceCounts: { registered: 1, attended: 0, excused: 0 } });
    const dortmund = await officer("dortmund");
    const row = await app.prisma.sessionAttendance.findUniqueOrThrow({ where: { sessionId_userId: { sessionId: upcomingMeeting.id, userId: dortmund.id } } });
    expect(row.status).toBe("REGISTERED");
    const entry = await lastAudit(upcomingMeeting.id);
    expect(entry).toMatchObject({ action: "session.attendance_recorded", actorId: dortmund.id, before: null, after: { userId: dortmund.id, status: "REGISTERED" } });
  });

  it("records attended or excused for a past meeting, changing the earlier answer", async () => {
    expect((await record("officer.vienna@citypeer.eu", pastMeeting.id, "EXCUSED")).data.recordMyAttendance.data.viewerAttendance).toBe("EXCUSED");
    const res = await record("officer.vienna@citypeer.eu", pastMeeting.id, "ATTENDED");
    expect(res.data.recordMyAttendance.data).toMatchObject({ viewerAttendance: "ATTENDED", attendanceCounts: { attended: 1, excused: 0 } });
    expect((await lastAudit(pastMeeting.id)).before).toMatchObject({ status: "EXCUSED" });
  });

  it("refuses registering for a past session and attending an upcoming one, on status", async () => {
    expect(await expectIssues(() => record("officer.lublin@citypeer.eu", pastMeeting.id, "REGISTERED"), "recordMyAttendance")).toEqual([["status", "session_started"]]);
    expect(await expectIssues(() => record("officer.lublin@citypeer.eu", upcomingMeeting.id, "ATTENDED"), "recordMyAttendance")).toEqual([["status", "session_not_started"]]);
  });

  it("lets an officer of any city register for a cross-cutting training", async () => {
    const training = await app.prisma.communitySession.findFirstOrThrow({ where: { topic: "NEWCOMER_DATA", communityId: null } });
    const res = await record("officer.zagreb@citypeer.eu", training.id, "REGISTERED");
    expect(res.data.recordMyAttendance.data.viewerAttendance).toBe("REGISTERED");
  });

  it("refuses an officer whose city is not a member of the meeting's community, and a project manager (not a city officer)", async () => {
    // Athens is in housing, not in labour-market
    await expectRefused(() => record("officer.athens@citypeer.eu", upcomingMeeting.id, "REGISTERED"));
    await expectRefused(() => record("manager@citypeer.eu", upcomingMeeting.id, "REGISTERED"));
  });
});

describe("resources", () => {
  const ADD = mutation("addCommunityResource", "{ title type language url attachment { fileName } }", ["InputError", "NotFoundError"]);
  const REMOVE = mutation("removeCommunityResource", "{ resources { title } }", ["NotFoundError"]);
  const upload = (userId: string, fileName: string) =>
    app.prisma.attachment.create({ data: { sha256: "b".repeat(64), fileName, mimeType: "application/pdf", sizeBytes: 10, uploadedById: userId } });
  let shops: { id: string };
  beforeAll(async () => {
    shops = await app.prisma.community.findUniqueOrThrow({ where: { slug: "one-stop-shops" } });
  });

  it("lets a project manager share a link and an uploaded file", async () => {
    const m = await manager();
    const link = await app.gql(m, ADD, { input: { communityId: communityId(shops.id), title: "One-stop-shop toolkit", type: "TOOLKIT", language: "en", url: "https://eurocities.eu/toolkit" } });
    expect(link.data.addCommunityResource.data).toEqual({ title: "One-stop-shop toolkit", type: "TOOLKIT", language: "en", url: "https://eurocities.eu/toolkit", attachment: null });
    const file = await upload(m.id, "benchmark-report.pdf");
    const res = await app.gql(m, ADD, { input: { communityId: communityId(shops.id), title: "Benchmark report", type: "REPORT", language: "sv", attachmentId: globalId("Attachment", file.id) } });
    expect(res.data.addCommunityResource.data).toMatchObject({ url: null, attachment: { fileName: "benchmark-report.pdf" } });
    const row = await app.prisma.communityResource.findFirstOrThrow({ where: { attachmentId: file.id } });
    expect((await lastAudit(row.id)).action).toBe("resource.added");
  });

  it("needs a link or a file (error on url), and only a file the manager uploaded", async () => {
    const m = await manager();
    const base = { communityId: communityId(shops.id), title: "Nothing", type: "OTHER", language: "en" };
    expect(await expectIssues(() => app.gql(m, ADD, { input: base }), "addCommunityResource")).toEqual([["url", "link_or_file_required"]]);
    const someoneElses = await upload((await officer("sofia")).id, "receipt.pdf");
    expect(await expectIssues(() => app.gql(m, ADD, { input: { ...base, attachmentId: globalId("Attachment", someoneElses.id) } }), "addCommunityResource")).toEqual([
      ["attachmentId", "not_found"],
    ]);
    expect(await expectIssues(() => app.gql(m, ADD, { input: { ...base, url: "javascript:alert(1)" } }), "addCommunityResource")).toEqual([["url", "invalid_format"]]);
  });

  it("refuses a city officer sharing a resource", async () => {
    await expectRefused(async () =>
      app.gql(await officer("gothenburg"), ADD, { input: { communityId: communityId(shops.id), title: "Mine", type: "OTHER", language: "sv", url: "https://goteborg.se" } }),
    );
  });

  it("lets a project manager remove a resource, audited, and refuses an officer", async () => {
    const resource = await app.prisma.communityResource.create({ data: { communityId: shops.id, title: "Outdated", type: "OTHER", language: "en", url: "https://example.eu/old" } });
    const input = { resourceId: globalId("CommunityResource", resource.id) };
    await expectRefused(async () => app.gql(await officer("gothenburg"), REMOVE, { input }));
    const res = await app.gql(await manager(), REMOVE, { input });
    expect(res.data.removeCommunityResource.data.resources.map((r: any) => r.title)).not.toContain("Outdated");
    expect(await lastAudit(resource.id)).toMatchObject({ action: "resource.removed", after: null, before: { title: "Outdated" } });
  });
});

describe("membership", () => {
  const REQUEST = mutation("requestCommunityMembership", "{ viewerCityMembership viewerCityIsMember }", ["InputError", "NotFoundError", "ConflictError"]);
  const DECIDE = mutation("decideMembershipRequest", "{ memberCities { cityName } membershipRequests { city { cityName } } }", ["InputError", "NotFoundError", "ConflictError"]);
  const ADD = mutation("addCommunityMember", "{ memberCities { cityName } }", ["InputError", "NotFoundError", "ConflictError"]);
  const REMOVE = mutation("removeCommunityMember", "{ memberCities { cityName } }", ["InputError", "NotFoundError", "ConflictError"]);
  const housingId = async () => communityId((await app.prisma.community.findUniqueOrThrow({ where: { slug: "housing" } })).id);

  it("lets an officer ask for their city to join, and a project manager approve it", async () => {
    const community = await housingId();
    const asked = await app.gql(await officer("sofia"), REQUEST, { input: { communityId: community, organizationId: await cityId("sofia") } });
    expect(asked.data.requestCommunityMembership.data).toEqual({ viewerCityMembership: "REQUESTED", viewerCityIsMember: false });
    const again = await app.gql(await officer("sofia"), REQUEST, { input: { communityId: community } });
    expect(again.data.requestCommunityMembership).toEqual({ __typename: "ConflictError", code: "already_requested" });

    const page = await app.gql(await manager(), COMMUNITY_PAGE, { id: community });
    expect(page.data.community.membershipRequests.map((r: any) => r.city.cityName)).toContain("Sofia");

    const approved = await app.gql(await manager(), DECIDE, { input: { communityId: community, organizationId: await cityId("sofia"), decision: "APPROVE" } });
    expect(approved.data.decideMembershipRequest.data.memberCities.map((c: any) => c.cityName)).toContain("Sofia");
    expect(approved.data.decideMembershipRequest.data.membershipRequests.map((r: any) => r.city.cityName)).not.toContain("Sofia");
    const housing = await app.prisma.community.findUniqueOrThrow({ where: { slug: "housing" } });
    const audit = await app.prisma.auditEntry.findMany({ where: { entityId: housing.id }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action).slice(-2)).toEqual(["community.membership_requested", "community.membership_approved"]);
    expect(audit.at(-1)).toMatchObject({ before: { status: "REQUESTED" }, after: { status: "ACTIVE" } });

    const member = await app.gql(await officer("sofia"), REQUEST, { input: { communityId: community } });
    expect(member.data.requestCommunityMembership).toEqual({ __typename: "ConflictError", code: "already_member" });
  });

  it("refuses an officer asking for another city, and a project manager asking at all", async () => {
    const community = await housingId();
    await expectRefused(async () => app.gql(await officer("cluj"), REQUEST, { input: { communityId: community, organizationId: await cityId("lublin") } }));
    await expectRefused(async () => app.gql(await manager(), REQUEST, { input: { communityId: community } }));
  });

  it("lets a declined city ask again", async () => {
    const community = await housingId();
    await app.gql(await officer("cluj"), REQUEST, { input: { communityId: community } });
    const declined = await app.gql(await manager(), DECIDE, { input: { communityId: community, organizationId: await cityId("cluj"), decision: "DECLINE" } });
    expect(declined.data.decideMembershipRequest.data.memberCities.map((c: any) => c.cityName)).not.toContain("Cluj");
    const decidedAgain = await app.gql(await manager(), DECIDE, { input: { communityId: community, organizationId: await cityId("cluj"), decision: "APPROVE" } });
    expect(decidedAgain.data.decideMembershipRequest).toEqual({ __typename: "ConflictError", code: "not_requested" });
    const again = await app.gql(await officer("cluj"), REQUEST, { input: { communityId: community } });
    expect(again.data.requestCommunityMembership.data.viewerCityMembership).toBe("REQUESTED");
  });

  it("refuses an officer deciding on their own city's request", async () => {
    const community = await housingId();
    await app.gql(await officer("fuenlabrada"), REQUEST, { input: { communityId: community } });
    await expectRefused(async () =>
      app.gql(await officer("fuenlabrada"), DECIDE, { input: { communityId: community, organizationId: await cityId("fuenlabrada"), decision: "APPROVE" } }),
    );
  });

  it("lets a project manager add and remove a member city directly, but not remove the lead city", async () => {
    const community = await app.make.community({ name: "Schools" });
    const input = { communityId: communityId(community.id), organizationId: await cityId("nantes") };
    const added = await app.gql(await manager(), ADD, { input });
    expect(added.data.addCommunityMember.data.memberCities).toEqual([{ cityName: "Nantes" }]);
    expect((await app.gql(await manager(), ADD, { input })).data.addCommunityMember).toEqual({ __typename: "ConflictError", code: "already_member" });
    expect(await lastAudit(community.id)).toMatchObject({ action: "community.member_added", after: { status: "ACTIVE" } });

    const removed = await app.gql(await manager(), REMOVE, { input });
    expect(removed.data.removeCommunityMember.data.memberCities).toEqual([]);
    expect(await lastAudit(community.id)).toMatchObject({ action: "community.member_removed", after: null });

    const housing = await housingId();
    const lead = await app.gql(await manager(), REMOVE, { input: { communityId: housing, organizationId: await cityId("ghent") } });
    expect(lead.data.removeCommunityMember).toEqual({ __typename: "ConflictError", code: "lead_city" });
  });

  it("refuses a city officer adding or removing members", async () => {
    const housing = await housingId();
    await expectRefused(async () => app.gql(await officer("ghent"), ADD, { input: { communityId: housing, organizationId: await cityId("milan") } }));
    await expectRefused(async () => app.gql(await officer("ghent"), REMOVE, { input: { communityId: housing, organizationId: await cityId("athens") } }));
  });

  it("adds only partner cities", async () => {
    const housing = await housingId();
    const issues = await expectIssues(async () => app.gql(await manager(), ADD, { input: { communityId: housing, organizationId: await cityId("eurocities") } }), "addCommunityMember");
    expect(issues).toEqual([["organizationId", "not_a_partner_city"]]);
  });
});

describe("coordinators", () => {
  const SET = mutation("setCommunityCoordinators", "{ coordinators { email } }", ["InputError", "NotFoundError"]);
  const userId = async (email: string) => globalId("User", (await app.userByEmail(email)).id);

  it("lets a project manager replace the coordinators with a manager and people from member cities, audited", async () => {
    const shops = await app.prisma.community.findUniqueOrThrow({ where: { slug: "one-stop-shops" } });
    const res = await app.gql(await manager(), SET, {
      input: { communityId: communityId(shops.id), userIds: [await userId("officer.sofia@citypeer.eu"), await userId("manager@citypeer.eu")] },
    });
    expect(res.data.setCommunityCoordinators.data.coordinators.map((u: any) => u.email)).toEqual(["manager@citypeer.eu", "officer.sofia@citypeer.eu"]);
    const entry = await lastAudit(shops.id);
    expect(entry.action).toBe("community.coordinators_set");
    expect((entry.before as { userIds: string[] }).userIds).toContain((await officer("gothenburg")).id);
    expect((entry.after as { userIds: string[] }).userIds).not.toContain((await officer("gothenburg")).id);
  });

  it("refuses someone from a city outside the community, on their position in the list", async () => {
    const shops = await app.prisma.community.findUniqueOrThrow({ where: { slug: "one-stop-shops" } });
    const issues = await expectIssues(
      async () =>
        app.gql(await manager(), SET, {
          input: { communityId: communityId(shops.id), userIds: [await userId("manager@citypeer.eu"), await userId("officer.athens@citypeer.eu")] },
        }),
      "setCommunityCoordinators",
    );
    expect(issues).toEqual([["userIds.1", "not_eligible"]]);
  });

  it("refuses a coordinating officer changing the coordinators", async () => {
    const shops = await app.prisma.community.findUniqueOrThrow({ where: { slug: "one-stop-shops" } });
    await expectRefused(async () =>
      app.gql(await officer("sofia"), SET, { input: { communityId: communityId(shops.id), userIds: [await userId("officer.sofia@citypeer.eu")] } }),
    );
  });
});
