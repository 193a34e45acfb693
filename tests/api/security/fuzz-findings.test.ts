/**
 * What the fuzz test (fuzz.test.ts) found, one regression test each: inputs that used to end in an
 * unhandled exception ("Unexpected error.", a stack trace in the log) instead of a refusal or an answer.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";

let app: TestApp;
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

beforeAll(async () => {
  app = await createTestApp({ seed: true });
});
afterAll(() => app.close());

function expectNoInternalError(body: { errors?: { message: string; extensions?: { code?: string } }[] }) {
  expect(body.errors?.map((e) => e.extensions?.code)).not.toContain("INTERNAL_SERVER_ERROR");
  expect(body.errors?.map((e) => e.message)).not.toContain("Unexpected error.");
}

describe("ids that cannot name a row", () => {
  it("refuses a global id wrapping something other than a uuid before it reaches the database", async () => {
    const manager = await app.userByEmail("manager@citypeer.eu");
    for (const id of ["not-a-uuid", "1", "\u0000", "' OR 1=1 --"]) {
      const body = await app.gql(manager, "query P($id: ID!) { pilot(id: $id) { id } }", { id: globalId("Pilot", id) });
      expectNoInternalError(body);
      expect(body.errors?.[0]).toMatchObject({ message: "Not a valid id", extensions: { code: "BAD_USER_INPUT" } });
    }
  });

  it("refuses an id that is not a global id at all, with a code and without echoing it", async () => {
    const manager = await app.userByEmail("manager@citypeer.eu");
    const junk = "x".repeat(10_000);
    const body = await app.gql(manager, "query P($id: ID!) { pilot(id: $id) { id } }", { id: junk });
    expect(body.errors?.[0]).toMatchObject({ message: "Not a valid id", extensions: { code: "BAD_USER_INPUT" } });
    expect(JSON.stringify(body)).not.toContain(junk);
  });

  it("refuses a bad id in a mutation input and writes nothing", async () => {
    const officer = await app.userByEmail("officer.athens@citypeer.eu");
    const audit = await app.prisma.auditEntry.count();
    const body = await app.gql(officer, "mutation R($input: RequestTrancheInput!) { requestTranche(input: $input) { __typename } }", {
      input: { trancheId: globalId("Tranche", "not-a-uuid") },
    });
    expectNoInternalError(body);
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await app.prisma.auditEntry.count()).toBe(audit);
  });

  it("answers FORBIDDEN for a recommendation id that is no uuid (the scope looked it up in the database)", async () => {
    const officer = await app.userByEmail("officer.athens@citypeer.eu");
    const body = await app.gql(
      officer,
      "mutation A($input: AnswerRecommendationInput!) { answerRecommendation(input: $input) { __typename } }",
      { input: { recommendationId: "not-a-uuid", response: "ACCEPTED" } },
    );
    expectNoInternalError(body);
    expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("auditLog", () => {
  it("finds nothing for an entity id with a NUL byte, which PostgreSQL text cannot hold", async () => {
    const manager = await app.userByEmail("manager@citypeer.eu");
    const body = await app.gql(manager, "query L($t: String!, $id: String!) { auditLog(entityType: $t, entityId: $id) { action } }", {
      t: "Grant",
      id: "abc\u0000def",
    });
    expect(body).toEqual({ data: { auditLog: [] } });
  });
});

describe("node and nodes", () => {
  it("answer null for a well-formed id of a record that does not exist", async () => {
    const manager = await app.userByEmail("manager@citypeer.eu");
    const missing = globalId("CommunitySession", randomUUID());
    const body = await app.gql(manager, "query N($id: ID!) { node(id: $id) { id } }", { id: missing });
    expect(body).toEqual({ data: { node: null } });
  });

  it("keep the records that exist when one of the ids names nothing", async () => {
    const manager = await app.userByEmail("manager@citypeer.eu");
    const community = await app.prisma.community.findFirstOrThrow();
    const existing = globalId("Community", community.id);
    const body = await app.gql(manager, "query N($ids: [ID!]!) { nodes(ids: $ids) { id } }", {
      ids: [existing, globalId("Community", randomUUID()), globalId("CommunitySession", randomUUID())],
    });
    expect(body).toEqual({ data: { nodes: [{ id: existing }, null, null] } });
  });
});
