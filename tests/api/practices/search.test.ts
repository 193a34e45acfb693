import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { countStatements } from "../support/sql-counter.ts";
import { CREATE, DORTMUND, ERFURT, KIM, PUBLISH, SEARCH, profileInput, seedLibrary } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
  await seedLibrary(app);
});
afterAll(() => app.close());

const officer = () => app.userByEmail("officer.athens@citypeer.eu");
const search = async (input: Record<string, unknown>, user?: { id: string }) => {
  const res = await app.gql(user ?? (await officer()), SEARCH, { input });
  expect(res.errors).toBeUndefined();
  return res.data.searchPractices.data as {
    total: number;
    hits: { rank: number; title: { text: string; isMatch: boolean }[]; excerpt: { text: string; isMatch: boolean }[]; practice: any }[];
  };
};
const names = (r: { hits: { practice: { networkName: string } }[] }) => r.hits.map((h) => h.practice.networkName);
const matches = (segments: { text: string; isMatch: boolean }[]) => segments.filter((s) => s.isMatch).map((s) => s.text.toLowerCase());

/** A published profile, made through the API by the project team. */
async function published(input: Awaited<ReturnType<typeof profileInput>>) {
  const manager = await app.userByEmail("manager@citypeer.eu");
  const created = await app.gql(manager, CREATE, { input });
  const id = created.data.createPracticeProfile.data.id;
  expect((await app.gql(manager, PUBLISH, { input: { practiceId: id } })).data.publishPracticeProfile.data.status).toBe("PUBLISHED");
  return id as string;
}

describe("the seeded library", () => {
  it("holds Dortmund's, Erfurt's and Cologne's profiles, published, and seeding again changes nothing", async () => {
    const before = await app.prisma.practiceProfile.findMany({ orderBy: { networkName: "asc" } });
    expect(before.map((p) => [p.networkName, p.status, p.country, p.language])).toEqual([
      [DORTMUND, "PUBLISHED", "DE", "en"],
      [KIM, "PUBLISHED", "DE", "en"],
      [ERFURT, "PUBLISHED", "DE", "en"],
    ]);
    const dortmund = before.find((p) => p.networkName === DORTMUND)!;
    expect(dortmund).toMatchObject({ yearFounded: 2016, coordination: "City of Dortmund, Social Welfare Office" });
    expect(dortmund.organizationId).toBe((await app.prisma.organization.findUniqueOrThrow({ where: { slug: "dortmund" } })).id);
    await seedLibrary(app);
    expect(await app.prisma.practiceProfile.findMany({ orderBy: { networkName: "asc" } })).toEqual(before);
  });
});

describe("full-text search", () => {
  it.each(["one-stop shop", "one stop shops", "One-Stop-Shops", "one‑stop shop"])("finds the one-stop-shop practices for %j, ranked, with the matches highlighted", async (query) => {
    const result = await search({ query });
    expect(names(result).sort()).toEqual([DORTMUND, KIM].sort());
    expect(result.total).toBe(2);
    expect(result.hits[0]!.rank).toBeGreaterThanOrEqual(result.hits[1]!.rank);
    expect(result.hits[1]!.rank).toBeGreaterThan(0);
    for (const hit of result.hits) expect(matches(hit.excerpt).some((m) => /one.stop/.test(m))).toBe(true);
  });

  it("finds the practices about volunteers, Dortmund's first (it is most about them), with highlights", async () => {
    const result = await search({ query: "volunteers" });
    expect(names(result)).toEqual([DORTMUND, ERFURT]);
    expect(result.hits[0]!.rank).toBeGreaterThan(result.hits[1]!.rank);
    expect(matches(result.hits[0]!.excerpt)).toContain("volunteers");
    expect(matches(result.hits[1]!.excerpt)).toContain("volunteers");
    // the stemmer finds the other forms of the word too
    expect(names(await search({ query: "volunteering" }))).toEqual([DORTMUND, ERFURT]);
  });

  it("marks the matches in the practice's name", async () => {
    const result = await search({ query: "lokal willkommen" });
    expect(names(result)).toEqual([DORTMUND]);
    expect(result.hits[0]!.title).toEqual([
      { text: "Integrationsnetzwerk Dortmund \"", isMatch: false },
      { text: "lokal willkommen", isMatch: true },
      { text: "\"", isMatch: false },
    ]);
  });

  it("filters by theme, field of intervention, target group and country", async () => {
    const oneStop = await app.prisma.community.findUniqueOrThrow({ where: { slug: "one-stop-shops" } });
    const oneStopId = Buffer.from(`Community:${oneStop.id}`).toString("base64");
    expect(names(await search({ communityIds: [oneStopId] })).sort()).toEqual([DORTMUND, KIM].sort());
    expect(names(await search({ query: "volunteers", communityIds: [oneStopId] }))).toEqual([DORTMUND]);
    expect(names(await search({ fieldsOfIntervention: ["HOUSING"] }))).toEqual([DORTMUND]);
    expect(names(await search({ fieldsOfIntervention: ["SOCIAL_SERVICES", "OTHER"] })).sort()).toEqual([ERFURT, KIM].sort());
    expect(names(await search({ targetGroups: ["EU_MOBILE_CITIZENS"] }))).toEqual([KIM]);

    await published(await profileInput(app, { city: "ghent", name: "Ghent housing guarantee fund", text: "A rental guarantee so volunteers and landlords trust newcomers." }));
    expect(names(await search({ countries: ["be"] }))).toEqual(["Ghent housing guarantee fund"]);
    expect(names(await search({ query: "volunteers", countries: ["DE"] }))).toEqual([DORTMUND, ERFURT]);
    expect(names(await search({ query: "volunteers" }))).toHaveLength(3);
  });

  it("finds published profiles only, pages through the hits, and refuses a page too large", async () => {
    const manager = await app.userByEmail("manager@citypeer.eu");
    const draft = await app.gql(manager, CREATE, { input: await profileInput(app, { city: "milan", name: "Milan volunteers draft", text: "Volunteers everywhere." }) });
    expect(draft.data.createPracticeProfile.data.status).toBe("DRAFT");
    expect(names(await search({ query: "volunteers" }))).not.toContain("Milan volunteers draft");
    expect(names(await search({ query: "volunteers" }, manager))).not.toContain("Milan volunteers draft");

    const all = await search({ query: "volunteers" });
    const page = await search({ query: "volunteers", first: 1, offset: 1 });
    expect(page.total).toBe(all.total);
    expect(names(page)).toEqual([names(all)[1]]);
    expect((await search({ query: "volunteers", first: 1, offset: 50 })).total).toBe(all.total);
    const tooLarge = await app.gql(manager, SEARCH, { input: { first: 500 } });
    expect(tooLarge.data.searchPractices).toEqual({ __typename: "InputError", issues: [{ path: ["first"], code: "too_big" }] });
  });

  it("needs a signed-in person", async () => {
    const res = await app.gql(null, SEARCH, { input: { query: "volunteers" } });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("answers the search page in the same number of statements whatever the number of hits", async () => {
    const PAGE = /* GraphQL */ `
      query ($input: PracticeSearchInput) {
        searchPractices(input: $input) {
          ... on QuerySearchPracticesSuccess { data { total hits { rank title { text isMatch } excerpt { text isMatch } practice { networkName city { name contacts { email } } community { name } pilot { title } targetGroups } } } }
        }
      }
    `;
    const cookie = await app.cookieFor(await officer());
    const run = () => app.gql(null, PAGE, { input: { query: "newcomers" } }, { cookie });
    const small = await countStatements(app.db, run);
    expect(small.result.errors).toBeUndefined();
    const before = small.result.data.searchPractices.data.hits.length;
    for (const city of ["vienna", "nantes", "lublin", "zagreb"]) {
      await published(await profileInput(app, { city, community: "housing", name: `${city} welcome for newcomers`, text: "Newcomers get a flat and a mentor." }));
    }
    const large = await countStatements(app.db, run);
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data.searchPractices.data.hits.length).toBe(before + 4);
    expect(large.statements.length).toBe(small.statements.length);
  });
});
