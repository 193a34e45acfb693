import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER } from "@citypeer/api/app";
import { createTestApp, type TestApp } from "../support/app.ts";
import { byHash } from "../support/persisted.ts";
import { countStatements } from "../support/sql-counter.ts";
import { PNG, multipartBody } from "../attachments/fixtures.ts";

type Body = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };

const INTROSPECTION = "query Probe { __schema { types { name } } }";
const TYPE_PROBE = 'query Probe { __type(name: "User") { fields { name } } }';

describe("production: only the web app's persisted operations", () => {
  let app: TestApp;
  let dataDir: string;
  const previousDataDir = process.env.CITYPEER_DATA_DIR;

  beforeAll(async () => {
    // uploads write under the data dir
    dataDir = await mkdtemp(path.join(tmpdir(), "citypeer-production-"));
    process.env.CITYPEER_DATA_DIR = dataDir;
    app = await createTestApp({ production: true });
  });
  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
    if (previousDataDir === undefined) delete process.env.CITYPEER_DATA_DIR;
    else process.env.CITYPEER_DATA_DIR = previousDataDir;
  });

  async function send(body: unknown, cookie?: string) {
    const { result: response, statements } = await countStatements(app.db, () => app.post(body, cookie ? { cookie } : {}));
    return { status: response.status, body: (await response.json()) as Body, response, statements: statements.length };
  }

  it("runs a web operation named by its hash", async () => {
    const { body } = await send(byHash("Me"));
    expect(body).toEqual({ data: { me: null } });
  });

  it("signs in through the web app's SignIn operation and sets the session cookie", async () => {
    const city = await app.make.organization();
    await app.make.user({ email: "persisted@example.eu", password: "a long enough password", organizationId: city.id });
    const { body, response } = await send(byHash("SignIn", { input: { email: "persisted@example.eu", password: "a long enough password" } }));
    expect(body.errors).toBeUndefined();
    expect(body.data.signIn.__typename).toBe("MutationSignInSuccess");
    expect(response.headers.get("set-cookie")).toMatch(/citypeer_session=/);
  });

  it("refuses an arbitrary document before parsing it, and writes nothing", async () => {
    const user = await app.make.user({ email: "arbitrary@example.eu", password: "a long enough password" });
    const sessionsBefore = await app.prisma.session.count({ where: { userId: user.id } });
    const { status, body, statements } = await send({
      query: 'mutation { signIn(input: { email: "arbitrary@example.eu", password: "a long enough password" }) { __typename } }',
    });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_ONLY");
    expect(statements).toBe(0);
    expect(await app.prisma.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);
  });

  it("refuses a document even when it comes with a known hash", async () => {
    const { body } = await send({ ...byHash("Me"), query: "query Me { me { id email roles } }" });
    expect(body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_ONLY");
  });

  it("refuses an unknown hash with a coded error, not a 500", async () => {
    const { status, body, statements } = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(statements).toBe(0);
  });

  it("refuses a request with neither a document nor a hash", async () => {
    const { status, body } = await send({ variables: {} });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_ID_REQUIRED");
  });

  it("refuses introspection, which is no web operation", async () => {
    const { body } = await send({ query: INTROSPECTION });
    expect(body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_ONLY");
  });

  it("accepts an upload that names the web app's upload operation by hash", async () => {
    const user = await app.make.user();
    const cookie = await app.cookieFor(user);
    const operation = byHash("UploadAttachment", { input: { file: null, purpose: "EVIDENCE" } });
    // multipartBody writes `operations` as given: here a hash instead of a document
    const { body, contentType } = multipartBody(operation as never, "variables.input.file", { name: "map.png", type: "image/png", bytes: PNG });
    const response = await app.yoga.fetch(
      "http://citypeer.test/graphql",
      { method: "POST", headers: { "content-type": contentType, [CSRF_HEADER]: "1", cookie }, body },
      { ip: "203.0.113.7" },
    );
    const json = (await response.json()) as Body;
    expect(json.errors).toBeUndefined();
    expect(json.data.uploadAttachment).toMatchObject({ __typename: "MutationUploadAttachmentSuccess", data: { fileName: "map.png" } });
  });
});

describe("production with arbitrary operations allowed for API clients (GRAPHQL_ARBITRARY_OPERATIONS=1)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ production: true, allowArbitraryOperations: true });
  });
  afterAll(() => app.close());

  it("runs an arbitrary operation and still a persisted one", async () => {
    expect(await app.gql(null, "query Who { me { id } }")).toEqual({ data: { me: null } });
    const response = await app.post(byHash("Me"));
    expect(await response.json()).toEqual({ data: { me: null } });
  });

  it("refuses introspection of the schema and of a type", async () => {
    for (const query of [INTROSPECTION, TYPE_PROBE]) {
      const { result: response, statements } = await countStatements(app.db, () => app.post({ query }));
      const body = (await response.json()) as Body;
      expect(response.status).toBeLessThan(500);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.message).toMatch(/introspection has been disabled/);
      expect(statements.length).toBe(0);
    }
  });

  it("still answers __typename, which the web app's cache needs", async () => {
    expect(await app.gql(null, "query T { __typename }")).toEqual({ data: { __typename: "Query" } });
  });

  it("does not suggest field names for a mistyped field", async () => {
    const body = await app.gql(null, "query Typo { mee { id } }");
    expect(body.errors?.[0]?.message).toMatch(/Cannot query field "mee"/);
    expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(body)).not.toMatch(/"me"/);
  });
});

describe("development and tests", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it("allows introspection", async () => {
    const body = await app.gql(null, INTROSPECTION);
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.types.map((t: { name: string }) => t.name)).toContain("User");
  });

  it("suggests the field a developer probably meant", async () => {
    const body = await app.gql(null, "query Typo { mee { id } }");
    expect(body.errors?.[0]?.message).toMatch(/Did you mean "me"\?/);
  });

  it("runs arbitrary operations and persisted ones", async () => {
    expect(await app.gql(null, "query Who { me { id } }")).toEqual({ data: { me: null } });
    expect(await (await app.post(byHash("Me"))).json()).toEqual({ data: { me: null } });
  });
});
