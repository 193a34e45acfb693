import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@citypeer/api/schema";
import { ARMOR_LIMITS, measureOperation, type ArmorMeasurements } from "@citypeer/api/security/armor";
import { loadPersistedOperations } from "@citypeer/api/security/persisted-operations";
import { createTestApp, type TestApp } from "../support/app.ts";
import { countStatements } from "../support/sql-counter.ts";

describe("every web operation fits the armor limits", () => {
  it("measures each operation in the manifest below every limit", () => {
    const manifest = [...loadPersistedOperations().values()];
    const maxima: ArmorMeasurements = { depth: 0, aliases: 0, cost: 0, tokens: 0, directives: 0 };
    const tooBig: string[] = [];
    for (const body of manifest) {
      const m = measureOperation(schema, body);
      for (const key of Object.keys(maxima) as (keyof ArmorMeasurements)[]) maxima[key] = Math.max(maxima[key], m[key]);
      const name = /^(?:query|mutation|subscription) (\w+)/.exec(body)?.[1];
      if (m.depth > ARMOR_LIMITS.maxDepth) tooBig.push(`${name}: depth ${m.depth} > ${ARMOR_LIMITS.maxDepth}`);
      if (m.aliases > ARMOR_LIMITS.maxAliases) tooBig.push(`${name}: ${m.aliases} aliases > ${ARMOR_LIMITS.maxAliases}`);
      if (m.cost > ARMOR_LIMITS.maxCost) tooBig.push(`${name}: cost ${m.cost} > ${ARMOR_LIMITS.maxCost}`);
      if (m.tokens > ARMOR_LIMITS.maxTokens) tooBig.push(`${name}: ${m.tokens} tokens > ${ARMOR_LIMITS.maxTokens}`);
      if (m.directives > ARMOR_LIMITS.maxDirectives) tooBig.push(`${name}: ${m.directives} directives > ${ARMOR_LIMITS.maxDirectives}`);
    }
    console.info(`${manifest.length} web operations; largest: ${JSON.stringify(maxima)}; limits: ${JSON.stringify(ARMOR_LIMITS)}`);
    // A page that needs more must raise the limit on purpose (apps/api/src/security/armor.ts), not find out in production.
    expect(tooBig).toEqual([]);
    expect(manifest.length).toBeGreaterThan(50);
  });
});

describe("operations over a limit are refused before any resolver runs", () => {
  let app: TestApp;
  let cookie: string;

  beforeAll(async () => {
    app = await createTestApp();
    const city = await app.make.organization({ name: "Armorville" });
    const admin = await app.make.user({ roles: ["ADMIN"], organizationId: city.id });
    cookie = await app.cookieFor(admin);
  });
  afterAll(() => app.close());

  /** Sends `query` as a signed-in admin and counts SQL: the session lookup alone would be one statement. */
  async function send(query: string) {
    const { result: response, statements } = await countStatements(app.db, () => app.post({ query }, { cookie }));
    const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    return { status: response.status, body, statements: statements.length };
  }

  const nested = (levels: number) => {
    let selection = "id";
    for (let i = 0; i < levels; i++) selection = `organization { users { ${selection} } }`;
    return `query Nested { me { ${selection} } }`;
  };

  const cases: { limit: string; within: string; over: string; message: RegExp }[] = [
    // me > (organization > users) x n > id: 2n + 2 levels
    { limit: "depth", within: nested(3), over: nested(5), message: /depth limit of 10 exceeded, found 12/ },
    {
      limit: "aliases",
      within: `query Aliases { ${Array.from({ length: 3 }, (_, i) => `a${i}: me { id }`).join(" ")} }`,
      over: `query Aliases { ${Array.from({ length: 11 }, (_, i) => `a${i}: me { id }`).join(" ")} }`,
      message: /Aliases limit of 10 exceeded, found 11/,
    },
    {
      // a huge page asked for in one go: the cost counts `first` as a multiplier
      limit: "cost",
      within: "query Cost { users(first: 5) { edges { node { id name organization { name } } } } }",
      over: "query Cost { users(first: 1000) { edges { node { id name organization { name } } } } }",
      message: /Cost limit of 1500 exceeded/,
    },
    {
      limit: "tokens",
      within: `query Tokens { me { ${"id ".repeat(100)} } }`,
      over: `query Tokens { me { ${"id ".repeat(1_000)} } }`,
      message: /Token limit of 1000 exceeded/,
    },
    {
      limit: "directives",
      within: `query Directives { me { ${Array.from({ length: 3 }, () => "id @include(if: true)").join(" ")} } }`,
      over: `query Directives { me { ${Array.from({ length: 11 }, () => "id @include(if: true)").join(" ")} } }`,
      message: /Directives limit of 10 exceeded, found 11/,
    },
  ];

  for (const { limit, within, over, message } of cases) {
    it(`refuses an operation over the ${limit} limit with a GraphQL error and no SQL at all`, async () => {
      // the same shape inside the limit does reach the database, so the count below means something
      const allowed = await send(within);
      expect(allowed.body.errors, JSON.stringify(allowed.body.errors)).toBeUndefined();
      expect(allowed.statements).toBeGreaterThan(0);

      const refused = await send(over);
      expect(refused.status).toBeLessThan(500);
      expect(refused.body.data).toBeUndefined();
      expect(refused.body.errors?.[0]?.message).toMatch(message);
      expect(refused.statements).toBe(0);
    });
  }
});
