import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";

const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on MutationSignInSuccess { data { email name roles locale organization { name } } }
      ... on InputError { issues { path code } }
      ... on TooManyAttemptsError { retryAfterSeconds }
    }
  }
`;
const ME = /* GraphQL */ `{ me { email roles organization { name } } }`;

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
});
afterAll(() => app.close());

async function signIn(email: string, password: string, ip = "198.51.100.1") {
  const response = await app.post({ query: SIGN_IN, variables: { input: { email, password } } }, { ip });
  const body = (await response.json()) as any;
  return { result: body.data?.signIn, cookie: response.headers.get("set-cookie"), body };
}

const sessionToken = (setCookie: string | null) => setCookie?.match(/citypeer_session=([^;]*)/)?.[1] ?? "";

describe("signIn", () => {
  it("signs a demo officer in with an httpOnly, SameSite=Lax session cookie", async () => {
    const { result, cookie } = await signIn("officer.dortmund@citypeer.eu", "citypeer-demo");
    expect(result.__typename).toBe("MutationSignInSuccess");
    expect(result.data).toMatchObject({ email: "officer.dortmund@citypeer.eu", roles: ["CITY_OFFICER"], organization: { name: "Stadt Dortmund" } });
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http here; behind HTTPS it gets Secure
    expect(sessionToken(cookie)).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url

    const me = await app.gql(null, ME, {}, { cookie: `citypeer_session=${sessionToken(cookie)}` });
    expect(me.data.me).toMatchObject({ email: "officer.dortmund@citypeer.eu", roles: ["CITY_OFFICER"] });
  });

  it("accepts the address in any case and with spaces", async () => {
    const { result } = await signIn("  Officer.Vienna@CityPeer.EU ", "citypeer-demo");
    expect(result.__typename).toBe("MutationSignInSuccess");
  });

  it("stores only a hash of the session token", async () => {
    const { cookie } = await signIn("officer.ghent@citypeer.eu", "citypeer-demo");
    const token = sessionToken(cookie);
    expect(await app.prisma.session.count({ where: { tokenHash: token } })).toBe(0);
  });

  it("refuses a wrong password and an unknown address with the same answer and no cookie", async () => {
    const wrong = await signIn("officer.milan@citypeer.eu", "not-the-password", "198.51.100.2");
    const unknown = await signIn("nobody@citypeer.eu", "citypeer-demo", "198.51.100.2");
    for (const attempt of [wrong, unknown]) {
      expect(attempt.result).toEqual({ __typename: "InputError", issues: [{ path: ["password"], code: "invalid_credentials" }] });
      expect(attempt.cookie).toBeNull();
    }
  });

  it("refuses a malformed address on the email field", async () => {
    const { result } = await signIn("not-an-address", "x");
    expect(result.__typename).toBe("InputError");
    expect(result.issues[0].path).toEqual(["email"]);
  });

  it("refuses a deactivated account", async () => {
    const user = await app.make.user({ password: "a-long-enough-password", deactivated: true });
    const { result } = await signIn(user.email, "a-long-enough-password");
    expect(result.issues[0].code).toBe("invalid_credentials");
  });

  it("backs off after repeated failures on one account, even with the right password, then recovers", async () => {
    const user = await app.make.user({ password: "the-right-password-1" });
    for (let i = 0; i < 5; i++) await signIn(user.email, "wrong", `198.51.100.${10 + i}`);
    const blocked = await signIn(user.email, "the-right-password-1", "198.51.100.99");
    expect(blocked.result.__typename).toBe("TooManyAttemptsError");
    expect(blocked.result.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.result.retryAfterSeconds).toBeLessThanOrEqual(30); // backoff, not a lockout

    // once the wait is over, the owner gets in and the counter resets
    await app.prisma.signInThrottle.update({ where: { key: `account:${user.email}` }, data: { blockedUntil: new Date(Date.now() - 1000) } });
    const ok = await signIn(user.email, "the-right-password-1", "198.51.100.99");
    expect(ok.result.__typename).toBe("MutationSignInSuccess");
    expect(await app.prisma.signInThrottle.count({ where: { key: `account:${user.email}` } })).toBe(0);
  });

  it("backs off an address that guesses across many accounts", async () => {
    for (let i = 0; i < 20; i++) await signIn(`guess-${i}@example.eu`, "wrong", "192.0.2.50");
    const next = await signIn("officer.zagreb@citypeer.eu", "citypeer-demo", "192.0.2.50");
    expect(next.result.__typename).toBe("TooManyAttemptsError");
    const elsewhere = await signIn("officer.zagreb@citypeer.eu", "citypeer-demo", "192.0.2.51");
    expect(elsewhere.result.__typename).toBe("MutationSignInSuccess");
  });

  it("rotates the session: signing in again replaces the browser's previous token", async () => {
    const first = await signIn("officer.nantes@citypeer.eu", "citypeer-demo");
    const firstCookie = `citypeer_session=${sessionToken(first.cookie)}`;
    const response = await app.post(
      { query: SIGN_IN, variables: { input: { email: "officer.nantes@citypeer.eu", password: "citypeer-demo" } } },
      { cookie: firstCookie },
    );
    const second = sessionToken(response.headers.get("set-cookie"));
    expect(second).not.toBe(sessionToken(first.cookie));
    expect((await app.gql(null, ME, {}, { cookie: firstCookie })).data.me).toBeNull();
    expect((await app.gql(null, ME, {}, { cookie: `citypeer_session=${second}` })).data.me.email).toBe("officer.nantes@citypeer.eu");
  });
});

describe("sessions", () => {
  it("signOut ends the session and clears the cookie", async () => {
    const { cookie } = await signIn("officer.cluj@citypeer.eu", "citypeer-demo");
    const session = `citypeer_session=${sessionToken(cookie)}`;
    const response = await app.post({ query: "mutation { signOut }" }, { cookie: session });
    expect(response.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await app.gql(null, ME, {}, { cookie: session })).data.me).toBeNull();
  });

  it("ends a session that was idle too long, and one past its absolute expiry", async () => {
    const user = await app.userByEmail("officer.lublin@citypeer.eu");
    const idle = await app.cookieFor(user);
    await app.prisma.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date(Date.now() - 9 * 3600_000) } });
    expect((await app.gql(null, ME, {}, { cookie: idle })).data.me).toBeNull();

    const old = await app.cookieFor(user);
    await app.prisma.session.updateMany({ where: { userId: user.id, lastSeenAt: { gt: new Date(Date.now() - 60_000) } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await app.gql(null, ME, {}, { cookie: old })).data.me).toBeNull();
  });

  it("stops a deactivated user's open session", async () => {
    const user = await app.make.user({ roles: ["CITY_OFFICER"] });
    const cookie = await app.cookieFor(user);
    expect((await app.gql(null, ME, {}, { cookie })).data.me).not.toBeNull();
    await app.prisma.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect((await app.gql(null, ME, {}, { cookie })).data.me).toBeNull();
  });

  it("ignores a forged token", async () => {
    const res = await app.gql(null, ME, {}, { cookie: "citypeer_session=forged-token" });
    expect(res.data.me).toBeNull();
  });
});

describe("CSRF prevention", () => {
  it("refuses a request without the CSRF header that a browser could send cross-site", async () => {
    const response = await app.yoga.fetch("http://citypeer.test/graphql?query=%7Bme%7Bemail%7D%7D", { method: "GET" });
    expect(response.status).toBe(403);
  });
});
