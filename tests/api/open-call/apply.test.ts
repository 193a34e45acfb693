import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer, deliverDueEmails } from "@citypeer/api/jobs/email-delivery";
import { createTestApp, type TestApp } from "../support/app.ts";
import { linkIn, startSmtpServer } from "../support/smtp.ts";
import { APPLY, CREATE_CALL, apply, applicationCounts, applicationInput, gid, nextIp, passDeadline, publishedCall } from "./support.ts";

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let call: Awaited<ReturnType<typeof publishedCall>>;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
  smtp = await startSmtpServer();
  call = await publishedCall(app);
});
afterAll(async () => {
  await smtp.close();
  await app.close();
});

const deliver = () => deliverDueEmails(app.prisma, createMailer(smtp.url), () => {});
const ACCEPT = /* GraphQL */ `mutation ($input: TokenPasswordInput!) { acceptInvitation(input: $input) { __typename ... on InputError { issues { code } } } }`;
const SIGN_IN = /* GraphQL */ `mutation ($input: SignInInput!) { signIn(input: $input) { __typename } }`;
const MY_APPLICATIONS = /* GraphQL */ `{ myCallApplications { call { title } city { cityName kind } theme { slug } needs status outcome } }`;

describe("an outside city applies without an account", () => {
  it("becomes an outside city with a contact, whose e-mailed activation link sets a password", async () => {
    const before = await applicationCounts(app);
    const res = await apply(app, call, { city: "Brno", email: "Jana.Novakova@Brno.example.eu", languages: ["cs", "en"] });
    expect(res.data.applyToOpenCall).toEqual({
      __typename: "MutationApplyToOpenCallSuccess",
      data: { callTitle: call.title, cityName: "Brno", contactEmail: "jana.novakova@brno.example.eu", activationEmailSent: true },
    });

    const contact = await app.userByEmail("jana.novakova@brno.example.eu");
    const city = await app.prisma.organization.findUniqueOrThrow({ where: { id: contact.organizationId! } });
    expect(city).toMatchObject({ kind: "OUTSIDE_CITY", cityName: "Brno", country: "CZ", languages: ["cs", "en"] });
    expect(contact).toMatchObject({ roles: ["CITY_OFFICER"], passwordHash: null, workingLanguages: ["cs", "en"] });
    const application = await app.prisma.callApplication.findFirstOrThrow({ where: { organizationId: city.id } });
    expect(application).toMatchObject({ callId: call.rawId, contactUserId: contact.id, status: "SUBMITTED" });
    const after = await applicationCounts(app);
    expect(after).toMatchObject({ organizations: before.organizations + 1, users: before.users + 1, applications: before.applications + 1 });
    const audit = await app.prisma.auditEntry.findMany({ where: { entityId: { in: [application.id, contact.id, city.id] } }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["organization.created_by_application", "user.invited", "call.application_submitted"]);

    // the activation e-mail goes through a real SMTP server
    expect((await deliver()).sent).toBe(1);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toMatchObject({ value: [{ address: "jana.novakova@brno.example.eu" }] });
    expect(mail!.subject).toBe("You are invited to citypeer");
    expect(mail!.text).toContain("the CONSOLIDATE project team has invited you");
    const token = linkIn(mail!, "/accept-invitation").searchParams.get("token")!;

    const accepted = await app.gql(null, ACCEPT, { input: { token, password: "brno applies 2026" } });
    expect(accepted.data.acceptInvitation.__typename).toBe("MutationAcceptInvitationSuccess");
    const signIn = await app.gql(null, SIGN_IN, { input: { email: "jana.novakova@brno.example.eu", password: "brno applies 2026" } });
    expect(signIn.data.signIn.__typename).toBe("MutationSignInSuccess");
    expect((await app.gql(null, ACCEPT, { input: { token, password: "brno applies again" } })).data.acceptInvitation.issues[0].code).toBe("link_invalid");

    // signed in, the contact follows the application; nothing about the result yet
    const mine = await app.gql(contact, MY_APPLICATIONS);
    expect(mine.data.myCallApplications).toEqual([
      { call: { title: call.title }, city: { cityName: "Brno", kind: "OUTSIDE_CITY" }, theme: { slug: "one-stop-shops" }, needs: expect.any(String), status: null, outcome: null },
    ]);
  });

  it("reads published calls without an account, with their themes and criteria", async () => {
    const res = await app.gql(null, `{ openCalls { title isOpen places themes { name communityId } criteria { title weight } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.openCalls[0]).toMatchObject({ title: call.title, isOpen: true, places: 2 });
    expect(res.data.openCalls[0].themes.map((t: any) => t.name).sort()).toEqual(["Local housing support", "One-stop shops"]);
    expect(res.data.openCalls[0].criteria.map((c: any) => c.weight)).toEqual([3, 2, 1]);
    // who applied is the project team's business
    const applications = await app.gql(null, `{ openCalls { applications { id } } }`);
    expect(applications.data.openCalls[0].applications).toBeNull();
  });
});

describe("refusals say why and write nothing", () => {
  it("refuses the same city twice, however it is spelt, on the city field", async () => {
    await apply(app, call, { city: "Saint-Étienne", country: "FR", email: "first@st-etienne.example.eu" });
    const before = await applicationCounts(app);
    const again = await apply(app, call, { city: "  saint etienne ", country: "fr", email: "second@st-etienne.example.eu" });
    expect(again.data.applyToOpenCall).toEqual({ __typename: "InputError", issues: [{ path: ["cityName"], code: "already_applied" }] });
    expect(await applicationCounts(app)).toEqual(before);
    // the same name in another country is another city
    const other = await apply(app, call, { city: "Saint-Étienne", country: "BE", email: "contact@st-etienne-be.example.eu" });
    expect(other.data.applyToOpenCall.__typename).toBe("MutationApplyToOpenCallSuccess");
  });

  it("lets one of two simultaneous applications of one city land and refuses the other on the city field", async () => {
    const results = await Promise.all([
      apply(app, call, { city: "České Budějovice", email: "one@budejovice.example.eu" }),
      apply(app, call, { city: "Ceske Budejovice", email: "two@budejovice.example.eu" }),
    ]);
    const kinds = results.map((r) => r.data.applyToOpenCall.__typename).sort();
    expect(kinds).toEqual(["InputError", "MutationApplyToOpenCallSuccess"]);
    expect(results.find((r) => r.data.applyToOpenCall.__typename === "InputError")!.data.applyToOpenCall.issues).toEqual([{ path: ["cityName"], code: "already_applied" }]);
    expect(await app.prisma.organization.count({ where: { slug: "outside-cz-ceske-budejovice" } })).toBe(1);
  });

  it("refuses an application after the deadline", async () => {
    const late = await publishedCall(app);
    await passDeadline(app, late.rawId);
    const before = await applicationCounts(app);
    const res = await apply(app, late, { city: "Olomouc" });
    expect(res.data.applyToOpenCall).toEqual({ __typename: "ApplicationRefusedError", code: "deadline_passed", retryAfterSeconds: null });
    expect(await applicationCounts(app)).toEqual(before);
  });

  it("refuses a filled honeypot", async () => {
    const before = await applicationCounts(app);
    const res = await apply(app, call, { city: "Spamtown", website: "https://cheap-pills.example" });
    expect(res.data.applyToOpenCall).toMatchObject({ __typename: "ApplicationRefusedError", code: "honeypot" });
    expect(await applicationCounts(app)).toEqual(before);
  });

  it("refuses the sixth application from one address within an hour, and counts in the database", async () => {
    const ip = "192.0.2.66";
    for (const city of ["Pardubice", "Liberec", "Zlín", "Jihlava", "Kladno"]) {
      expect((await apply(app, call, { city, ip })).data.applyToOpenCall.__typename).toBe("MutationApplyToOpenCallSuccess");
    }
    const before = await applicationCounts(app);
    const sixth = await apply(app, call, { city: "Opava", ip });
    expect(sixth.data.applyToOpenCall).toMatchObject({ __typename: "ApplicationRefusedError", code: "rate_limited" });
    expect(sixth.data.applyToOpenCall.retryAfterSeconds).toBeGreaterThan(3000);
    expect(await applicationCounts(app)).toEqual(before);
    expect((await app.prisma.signInThrottle.findUniqueOrThrow({ where: { key: `apply:${ip}` } })).failures).toBe(5);
    // another address is not held back
    expect((await apply(app, call, { city: "Opava", ip: "192.0.2.67" })).data.applyToOpenCall.__typename).toBe("MutationApplyToOpenCallSuccess");
  });

  it.each([
    ["an e-mail address that is not one", { contactEmail: "not-an-address" }, ["contactEmail"], "invalid_format"],
    ["a country that is not a code", { country: "Czechia" }, ["country"], "invalid_format"],
    ["no working language", { workingLanguages: [] }, ["workingLanguages"], "too_small"],
    ["an empty motivation", { motivation: "   " }, ["motivation"], "too_small"],
  ])("refuses %s on its field", async (_name, change, path, code) => {
    const before = await applicationCounts(app);
    const res = await app.gql(null, APPLY, { input: { ...applicationInput(call, { city: "Ostrava" }), ...change } }, { ip: nextIp() });
    expect(res.data.applyToOpenCall.__typename).toBe("InputError");
    expect(res.data.applyToOpenCall.issues[0]).toEqual({ path, code });
    expect(await applicationCounts(app)).toEqual(before);
  });

  it("refuses a theme that is not one of the call's, and a partner city", async () => {
    const labour = await app.prisma.community.findUniqueOrThrow({ where: { slug: "labour-market" } });
    const theme = await app.gql(null, APPLY, { input: { ...applicationInput(call, { city: "Plzeň" }), communityId: gid("Community", labour.id) } }, { ip: nextIp() });
    expect(theme.data.applyToOpenCall.issues).toEqual([{ path: ["communityId"], code: "not_a_call_theme" }]);
    const gothenburg = await apply(app, call, { city: " GOTHENBURG", country: "se", email: "someone@goteborg.example.se" });
    expect(gothenburg.data.applyToOpenCall.issues).toEqual([{ path: ["cityName"], code: "partner_city" }]);
  });

  it("does not let a stranger join a registered city by applying under its name", async () => {
    const first = await publishedCall(app);
    await apply(app, first, { city: "Hradec Králové", email: "mayor@hradec.example.eu" });
    const second = await publishedCall(app);
    const before = await applicationCounts(app);
    const stranger = await apply(app, second, { city: "Hradec Kralove", email: "someone@elsewhere.example.eu" });
    expect(stranger.data.applyToOpenCall.issues).toEqual([{ path: ["contactEmail"], code: "city_contact_required" }]);
    expect(await applicationCounts(app)).toEqual(before);
    // the city's own contact applies again, to the next call, without a new account
    const contact = await apply(app, second, { city: "Hradec Kralove", email: "mayor@hradec.example.eu" });
    expect(contact.data.applyToOpenCall.data).toMatchObject({ cityName: "Hradec Králové", activationEmailSent: true });
    expect(await app.prisma.user.count()).toBe(before.users);
    // an address of another organisation's account is refused
    const taken = await apply(app, second, { city: "Teplice", email: "officer.milan@citypeer.eu" });
    expect(taken.data.applyToOpenCall.issues).toEqual([{ path: ["contactEmail"], code: "email_taken" }]);
  });
});

describe("the project team's calls", () => {
  it("hides a draft call from the public and refuses applications to it", async () => {
    const manager = await app.userByEmail("manager@citypeer.eu");
    const housing = await app.prisma.community.findUniqueOrThrow({ where: { slug: "housing" } });
    const draft = await app.gql(manager, CREATE_CALL, {
      input: {
        title: "Draft call",
        description: "Not yet",
        deadline: new Date(Date.now() + 86_400_000).toISOString(),
        places: 1,
        communityIds: [gid("Community", housing.id)],
        criteria: [{ title: "Relevance", weight: 1 }],
      },
    });
    const id = draft.data.createOpenCall.data.id;
    expect((await app.gql(null, `query ($id: ID!) { openCall(id: $id) { title } }`, { id })).data.openCall).toBeNull();
    expect((await app.gql(manager, `query ($id: ID!) { openCall(id: $id) { title status } }`, { id })).data.openCall).toEqual({ title: "Draft call", status: "DRAFT" });
    const res = await app.gql(null, APPLY, { input: { ...applicationInput({ id, communities: [housing] }, { city: "Kolín", theme: "housing" }) } }, { ip: nextIp() });
    expect(res.data.applyToOpenCall).toEqual({ __typename: "NotFoundError", entity: "OpenCall" });
  });

  it("lets only project managers create or publish a call, and writes nothing for others", async () => {
    const housing = await app.prisma.community.findUniqueOrThrow({ where: { slug: "housing" } });
    const input = { title: "X", description: "Y", deadline: new Date(Date.now() + 86_400_000).toISOString(), places: 1, communityIds: [gid("Community", housing.id)], criteria: [{ title: "Z", weight: 1 }] };
    const calls = await app.prisma.openCall.count();
    for (const email of ["officer.ghent@citypeer.eu", "mentor.ghent@citypeer.eu", "admin@citypeer.eu"]) {
      expect((await app.gql(await app.userByEmail(email), CREATE_CALL, { input })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect((await app.gql(null, CREATE_CALL, { input })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await app.prisma.openCall.count()).toBe(calls);
    const invalid = await app.gql(await app.userByEmail("manager@citypeer.eu"), CREATE_CALL, { input: { ...input, places: 0, criteria: [{ title: "Z", weight: 11 }] } });
    expect(invalid.data.createOpenCall.issues).toEqual([
      { path: ["places"], code: "too_small" },
      { path: ["criteria", "0", "weight"], code: "too_big" },
    ]);
  });
});
