import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer, deliverDueEmails } from "@citypeer/api/jobs/email-delivery";
import { createTestApp, type TestApp } from "../support/app.ts";
import { linkIn, startSmtpServer } from "../support/smtp.ts";

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
  await app.close();
});

const deliver = () => deliverDueEmails(app.prisma, createMailer(smtp.url), () => {});
const admin = () => app.userByEmail("admin@citypeer.eu");
const officer = () => app.userByEmail("officer.dortmund@citypeer.eu");
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

const INVITE = /* GraphQL */ `
  mutation ($input: InviteUserInput!) {
    inviteUser(input: $input) {
      __typename
      ... on MutationInviteUserSuccess { data { id email roles hasPassword organization { name } } }
      ... on InputError { issues { path code } }
    }
  }
`;
const ACCEPT = /* GraphQL */ `
  mutation ($input: TokenPasswordInput!) {
    acceptInvitation(input: $input) { __typename ... on InputError { issues { path code } } }
  }
`;
const SIGN_IN = /* GraphQL */ `
  mutation ($input: SignInInput!) { signIn(input: $input) { __typename } }
`;
const ME = "{ me { email } }";

async function inviteMarta() {
  const ghent = await app.prisma.organization.findUniqueOrThrow({ where: { slug: "ghent" } });
  return app.gql(await admin(), INVITE, {
    input: { email: "Marta.New@Gent.be", name: "Marta New", roles: ["CITY_OFFICER"], organizationId: globalId("Organization", ghent.id) },
  });
}

describe("invitations", () => {
  it("lets an admin invite a person who sets a password from the e-mailed link and signs in", async () => {
    const res = await inviteMarta();
    expect(res.data.inviteUser.data).toMatchObject({ email: "marta.new@gent.be", roles: ["CITY_OFFICER"], hasPassword: false, organization: { name: "Stad Gent" } });

    expect((await deliver()).sent).toBe(1);
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toMatchObject({ value: [{ address: "marta.new@gent.be" }] });
    expect(mail!.subject).toBe("You are invited to citypeer");
    expect(mail!.html).toContain("/accept-invitation?token=");
    const token = linkIn(mail!, "/accept-invitation").searchParams.get("token")!;

    const accepted = await app.gql(null, ACCEPT, { input: { token, password: "a strong new password" } });
    expect(accepted.data.acceptInvitation.__typename).toBe("MutationAcceptInvitationSuccess");
    const signIn = await app.gql(null, SIGN_IN, { input: { email: "marta.new@gent.be", password: "a strong new password" } });
    expect(signIn.data.signIn.__typename).toBe("MutationSignInSuccess");

    // single use
    const again = await app.gql(null, ACCEPT, { input: { token, password: "another strong password" } });
    expect(again.data.acceptInvitation.issues).toEqual([{ path: ["token"], code: "link_invalid" }]);
    const marta = await app.userByEmail("marta.new@gent.be");
    const audit = await app.prisma.auditEntry.findMany({ where: { entityId: marta.id }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["user.invited", "user.invitation_accepted"]);
  });

  it("refuses an address that already has an account, on the email field", async () => {
    const res = await app.gql(await admin(), INVITE, { input: { email: "officer.milan@citypeer.eu", name: "X", roles: ["MENTOR"] } });
    expect(res.data.inviteUser).toEqual({ __typename: "InputError", issues: [{ path: ["email"], code: "email_taken" }] });
  });

  it("refuses an invitation by a non-admin and writes nothing", async () => {
    const users = await app.prisma.user.count();
    const emails = await app.prisma.emailOutbox.count();
    const res = await app.gql(await officer(), INVITE, { input: { email: "someone@else.eu", name: "Someone", roles: ["ADMIN"] } });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await app.prisma.user.count()).toBe(users);
    expect(await app.prisma.emailOutbox.count()).toBe(emails);
  });

  it("refuses an expired invitation link", async () => {
    await app.gql(await admin(), INVITE, { input: { email: "late@example.eu", name: "Late", roles: ["MENTOR"] } });
    const user = await app.userByEmail("late@example.eu");
    await app.prisma.userToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    smtp.inbox.length = 0;
    await deliver();
    const token = linkIn(smtp.inbox[0]!, "/accept-invitation").searchParams.get("token")!;
    const res = await app.gql(null, ACCEPT, { input: { token, password: "a strong new password" } });
    expect(res.data.acceptInvitation.issues[0].code).toBe("link_invalid");
    expect((await app.userByEmail("late@example.eu")).passwordHash).toBeNull();
  });
});

describe("roles and deactivation", () => {
  const UPDATE = /* GraphQL */ `
    mutation ($input: UpdateUserRolesInput!) {
      updateUserRoles(input: $input) { __typename ... on MutationUpdateUserRolesSuccess { data { roles } } ... on InputError { issues { path code } } }
    }
  `;
  const DEACTIVATE = /* GraphQL */ `
    mutation ($input: UserIdInput!) {
      deactivateUser(input: $input) { __typename ... on MutationDeactivateUserSuccess { data { isActive } } ... on ConflictError { code } }
    }
  `;

  it("lets an admin change roles, audited with before and after, and notifies the person", async () => {
    const reviewer = await app.userByEmail("reviewer.athens@citypeer.eu");
    const res = await app.gql(await admin(), UPDATE, {
      input: { userId: globalId("User", reviewer.id), roles: ["PEER_REVIEWER", "MENTOR"], organizationId: globalId("Organization", reviewer.organizationId!) },
    });
    expect(res.data.updateUserRoles.data.roles).toEqual(["PEER_REVIEWER", "MENTOR"]);
    const entry = await app.prisma.auditEntry.findFirstOrThrow({ where: { entityId: reviewer.id, action: "user.roles_changed" } });
    expect(entry.before).toMatchObject({ roles: ["PEER_REVIEWER"] });
    expect(entry.after).toMatchObject({ roles: ["PEER_REVIEWER", "MENTOR"] });
    expect(await app.prisma.notification.count({ where: { userId: reviewer.id, kind: "account.roles_changed" } })).toBe(1);
  });

  it("refuses a role change by a non-admin and changes nothing", async () => {
    const me = await officer();
    const res = await app.gql(me, UPDATE, { input: { userId: globalId("User", me.id), roles: ["ADMIN"] } });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await officer()).roles).toEqual(["CITY_OFFICER"]);
  });

  it("keeps at least one admin", async () => {
    const a = await admin();
    const res = await app.gql(a, UPDATE, { input: { userId: globalId("User", a.id), roles: ["PROJECT_MANAGER"] } });
    expect(res.data.updateUserRoles.issues).toEqual([{ path: ["roles"], code: "last_admin" }]);
  });

  it("deactivating a user ends their open sessions at once", async () => {
    const target = await app.userByEmail("officer.zagreb@citypeer.eu");
    const cookie = await app.cookieFor(target);
    expect((await app.gql(null, ME, {}, { cookie })).data.me).not.toBeNull();
    const res = await app.gql(await admin(), DEACTIVATE, { input: { userId: globalId("User", target.id) } });
    expect(res.data.deactivateUser.data.isActive).toBe(false);
    expect((await app.gql(null, ME, {}, { cookie })).data.me).toBeNull();
    expect(await app.prisma.session.count({ where: { userId: target.id } })).toBe(0);
    expect(await app.prisma.auditEntry.count({ where: { entityId: target.id, action: "user.deactivated" } })).toBe(1);
  });

  it("refuses deactivation by a non-admin, and an admin deactivating themself", async () => {
    const target = await app.userByEmail("officer.sofia@citypeer.eu");
    const refused = await app.gql(await officer(), DEACTIVATE, { input: { userId: globalId("User", target.id) } });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await app.userByEmail("officer.sofia@citypeer.eu")).deactivatedAt).toBeNull();
    const a = await admin();
    const self = await app.gql(a, DEACTIVATE, { input: { userId: globalId("User", a.id) } });
    expect(self.data.deactivateUser).toEqual({ __typename: "ConflictError", code: "cannot_deactivate_self" });
  });
});

describe("passwords", () => {
  const CHANGE = /* GraphQL */ `
    mutation ($input: ChangePasswordInput!) {
      changePassword(input: $input) { __typename ... on InputError { issues { path code } } }
    }
  `;
  const REQUEST = /* GraphQL */ `mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { __typename } }`;
  const RESET = /* GraphQL */ `
    mutation ($input: TokenPasswordInput!) { resetPassword(input: $input) { __typename ... on InputError { issues { path code } } } }
  `;

  it("changes the password only with the current one, and signs out the other sessions", async () => {
    const user = await app.make.user({ password: "the old password 1" });
    const other = await app.cookieFor(user);
    const current = await app.cookieFor(user);
    const wrong = await app.gql(null, CHANGE, { input: { currentPassword: "nope", newPassword: "a brand new password" } }, { cookie: current });
    expect(wrong.data.changePassword.issues).toEqual([{ path: ["currentPassword"], code: "wrong_password" }]);
    const short = await app.gql(null, CHANGE, { input: { currentPassword: "the old password 1", newPassword: "short" } }, { cookie: current });
    expect(short.data.changePassword.issues[0]).toMatchObject({ path: ["newPassword"], code: "too_small" });

    const ok = await app.gql(null, CHANGE, { input: { currentPassword: "the old password 1", newPassword: "a brand new password" } }, { cookie: current });
    expect(ok.data.changePassword.__typename).toBe("MutationChangePasswordSuccess");
    expect((await app.gql(null, ME, {}, { cookie: current })).data.me).not.toBeNull();
    expect((await app.gql(null, ME, {}, { cookie: other })).data.me).toBeNull();
    expect(await app.prisma.auditEntry.count({ where: { entityId: user.id, action: "user.password_changed" } })).toBe(1);
  });

  it("gives the same answer for known and unknown addresses, and e-mails only the known", async () => {
    const before = await app.prisma.emailOutbox.count();
    const unknown = await app.gql(null, REQUEST, { input: { email: "nobody@nowhere.eu" } });
    expect(unknown.data.requestPasswordReset.__typename).toBe("MutationRequestPasswordResetSuccess");
    expect(await app.prisma.emailOutbox.count()).toBe(before);
    const known = await app.gql(null, REQUEST, { input: { email: "officer.nantes@citypeer.eu" } });
    expect(known).toEqual(unknown);
    expect(await app.prisma.emailOutbox.count()).toBe(before + 1);
  });

  it("resets a forgotten password from the e-mailed link, once, and ends every session", async () => {
    const user = await app.userByEmail("officer.lublin@citypeer.eu");
    const cookie = await app.cookieFor(user);
    await deliver(); // earlier tests' e-mails
    smtp.inbox.length = 0;
    await app.gql(null, REQUEST, { input: { email: "officer.lublin@citypeer.eu" } });
    await deliver();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).toBe("Reset your citypeer password");
    const token = linkIn(mail!, "/reset-password").searchParams.get("token")!;

    const res = await app.gql(null, RESET, { input: { token, password: "my recovered password" } });
    expect(res.data.resetPassword.__typename).toBe("MutationResetPasswordSuccess");
    expect((await app.gql(null, ME, {}, { cookie })).data.me).toBeNull();
    const signIn = await app.gql(null, SIGN_IN, { input: { email: "officer.lublin@citypeer.eu", password: "my recovered password" } });
    expect(signIn.data.signIn.__typename).toBe("MutationSignInSuccess");
    const again = await app.gql(null, RESET, { input: { token, password: "yet another password" } });
    expect(again.data.resetPassword.issues[0].code).toBe("link_invalid");
  });
});

describe("users (admin list)", () => {
  const USERS = /* GraphQL */ `
    query ($role: Role, $organizationId: ID, $search: String) {
      users(role: $role, organizationId: $organizationId, search: $search, first: 50) { totalCount edges { node { email roles isActive } } }
    }
  `;

  it("filters by role, organisation and search for admins", async () => {
    const a = await admin();
    const reviewers = await app.gql(a, USERS, { role: "PEER_REVIEWER" });
    expect(reviewers.data.users.edges.every((e: any) => e.node.roles.includes("PEER_REVIEWER"))).toBe(true);
    expect(reviewers.data.users.totalCount).toBeGreaterThanOrEqual(6);
    const vienna = await app.prisma.organization.findUniqueOrThrow({ where: { slug: "vienna" } });
    const inVienna = await app.gql(a, USERS, { organizationId: globalId("Organization", vienna.id) });
    expect(inVienna.data.users.edges.map((e: any) => e.node.email).sort()).toEqual(
      ["mentor.vienna@citypeer.eu", "officer.vienna@citypeer.eu", "reviewer.vienna@citypeer.eu"],
    );
    const search = await app.gql(a, USERS, { search: "gothenburg" });
    expect(search.data.users.totalCount).toBe(3);
  });

  it("refuses anyone but an admin", async () => {
    const res = await app.gql(await app.userByEmail("manager@citypeer.eu"), USERS, {});
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
