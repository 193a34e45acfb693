import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { countStatements } from "../support/sql-counter.ts";

const COMMUNITIES = /* GraphQL */ `
  {
    communities {
      id name theme
      leadCity { name cityName }
      memberCities { name cityName country }
    }
  }
`;

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
});
afterAll(() => app.close());

describe("communities", () => {
  it("lists the three communities with their lead and member cities for a signed-in officer", async () => {
    const officer = await app.userByEmail("officer.dortmund@citypeer.eu");
    const res = await app.gql(officer, COMMUNITIES);
    expect(res.errors).toBeUndefined();
    const byName = Object.fromEntries(res.data.communities.map((c: any) => [c.name, c]));
    expect(Object.keys(byName).sort()).toEqual(["Early labour-market integration", "Local housing support", "One-stop shops"]);
    const labour = byName["Early labour-market integration"];
    expect(labour.theme).toBe("LABOUR_MARKET");
    expect(labour.leadCity.cityName).toBe("Dortmund");
    expect(labour.memberCities.map((c: any) => c.cityName)).toEqual(expect.arrayContaining(["Dortmund", "Vienna", "Fuenlabrada", "Lublin"]));
    // every partner city belongs to at least one community
    const members = new Set(res.data.communities.flatMap((c: any) => c.memberCities.map((m: any) => m.cityName)));
    expect(members.size).toBe(12);
  });

  it("finds one community by its global ID", async () => {
    const officer = await app.userByEmail("officer.athens@citypeer.eu");
    const list = await app.gql(officer, "{ communities { id name } }");
    const { id, name } = list.data.communities[0];
    const res = await app.gql(officer, "query ($id: ID!) { community(id: $id) { name memberCities { name } } }", { id });
    expect(res.data.community.name).toBe(name);
  });

  it("refuses anonymous readers with UNAUTHENTICATED and no data", async () => {
    const res = await app.gql(null, COMMUNITIES);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.communities ?? null).toBeNull();
  });

  it("refuses anonymous reads through the node field too", async () => {
    const officer = await app.userByEmail("officer.athens@citypeer.eu");
    const { id } = (await app.gql(officer, "{ communities { id } }")).data.communities[0];
    const res = await app.gql(null, "query ($id: ID!) { node(id: $id) { id ... on Community { name } } }", { id });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.data?.node ?? null).toBeNull();
  });

  it("lists organisations for signed-in users only", async () => {
    const officer = await app.userByEmail("officer.sofia@citypeer.eu");
    const res = await app.gql(officer, "{ organizations { name kind country } }");
    expect(res.data.organizations).toHaveLength(15);
    expect((await app.gql(null, "{ organizations { name } }")).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("nested reads without N+1", () => {
  const NESTED = /* GraphQL */ `{ communities { name memberCities { name users { email roles } } } }`;

  it("reads communities -> member cities -> users in the same number of statements whatever the data size", async () => {
    const officer = await app.userByEmail("officer.dortmund@citypeer.eu");
    const cookie = await app.cookieFor(officer);
    const run = () => app.gql(null, NESTED, {}, { cookie });

    const small = await countStatements(app.db, run);
    expect(small.result.errors).toBeUndefined();

    // grow the data: six more cities, each with users, in two more communities
    for (let c = 0; c < 2; c++) {
      const orgs = [];
      for (let i = 0; i < 3; i++) {
        const org = await app.make.organization();
        for (let u = 0; u < 4; u++) await app.make.user({ organizationId: org.id });
        orgs.push(org.id);
      }
      await app.make.community({ memberIds: orgs });
    }
    const large = await countStatements(app.db, run);
    expect(large.result.data.communities).toHaveLength(5);

    // the session (1 join) + one batched statement per level:
    // communities, memberships, cities, users
    expect(large.statements.length).toBe(small.statements.length);
    expect(small.statements.length).toBeLessThanOrEqual(5);
  });
});
