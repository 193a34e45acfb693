import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { countStatements } from "../support/sql-counter.ts";
import { baseline, validatedSubmission } from "./support.ts";

let app: TestApp;
let roundGid: string;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
  roundGid = (await baseline(app, "labour-market")).roundGid;
  // Dortmund is weak on the first indicators; Vienna and Fuenlabrada are strong there
  await validatedSubmission(app, "dortmund", "labour-market", [1, 1, 4, 3]);
  await validatedSubmission(app, "vienna", "labour-market", [4, 3, 2, 2], "de");
  await validatedSubmission(app, "fuenlabrada", "labour-market", [3, 4, 1, 2], "es");
});
afterAll(() => app.close());

const RESULTS = /* GraphQL */ `
  query ($roundId: ID!) {
    benchmarkResults(roundId: $roundId) {
      canSeeCities
      overall { n median q1 q3 }
      dimensions { code stats { median } }
      indicators { code stats { n median q1 q3 } }
      cities { organization { cityName } overall dimensions { score } indicators { level } }
      myCity { organization { cityName } overall }
      learnFrom { indicatorCode myLevel priority peers { organization { cityName } level gap evidenceText contentLanguage } }
      progress { organization { cityName } points { roundName overall } }
    }
  }
`;

describe("benchmark results", () => {
  it("shows the city against the community's median, and whom to learn from with their evidence", async () => {
    const res = await app.gql(await app.userByEmail("officer.dortmund@citypeer.eu"), RESULTS, { roundId: roundGid });
    expect(res.errors).toBeUndefined();
    const r = res.data.benchmarkResults;
    expect(r.canSeeCities).toBe(true);
    expect(r.cities.map((c: any) => c.organization.cityName).sort()).toEqual(["Dortmund", "Fuenlabrada", "Vienna"]);
    expect(r.overall.n).toBe(3);
    expect(r.indicators[0].stats).toEqual({ n: 3, median: 3, q1: 2, q3: 3.5 });
    expect(r.myCity.organization.cityName).toBe("Dortmund");

    const first = r.learnFrom.find((s: any) => s.indicatorCode === r.indicators[0].code);
    expect(first.myLevel).toBe(1);
    expect(first.peers.map((p: any) => [p.organization.cityName, p.level, p.gap])).toEqual([["Vienna", 4, 3], ["Fuenlabrada", 3, 2]]);
    expect(first.peers[0].evidenceText).toContain("vienna evidence");
    // each peer's evidence comes with the language it was written in, so the reader's page can mark it
    expect(first.peers.map((p: any) => p.contentLanguage)).toEqual(["de", "es"]);
    // ranked by weighted gap
    const priorities = r.learnFrom.map((s: any) => s.priority);
    expect([...priorities].sort((a, b) => b - a)).toEqual(priorities);
    expect(r.progress.find((p: any) => p.organization.cityName === "Vienna").points).toHaveLength(1);
  });

  it("gives an outside city community aggregates only", async () => {
    const outside = await app.make.organization({ kind: "OUTSIDE_CITY", name: "Tampere" });
    const viewer = await app.make.user({ roles: ["CITY_OFFICER"], organizationId: outside.id });
    const r = (await app.gql(viewer, RESULTS, { roundId: roundGid })).data.benchmarkResults;
    expect(r.canSeeCities).toBe(false);
    expect(r.cities).toEqual([]);
    expect(r.learnFrom).toEqual([]);
    expect(r.progress).toEqual([]);
    expect(r.overall.n).toBe(3);
  });

  it("never counts a draft or a submission awaiting validation", async () => {
    const { indicators } = await baseline(app, "labour-market");
    const lublin = await app.userByEmail("officer.lublin@citypeer.eu");
    await app.gql(lublin, `mutation ($i: SaveSubmissionDraftInput!) { saveSubmissionDraft(input: $i) { __typename } }`, {
      i: { roundId: roundGid, revision: 0, scores: indicators.map((i) => ({ indicatorId: i.id, level: 0 })) },
    });
    const r = (await app.gql(await app.userByEmail("officer.vienna@citypeer.eu"), RESULTS, { roundId: roundGid })).data.benchmarkResults;
    expect(r.cities.map((c: any) => c.organization.cityName)).not.toContain("Lublin");
  });

  it("reads results in the same number of statements however many cities took part", async () => {
    const viewer = await app.userByEmail("officer.dortmund@citypeer.eu");
    const cookie = await app.cookieFor(viewer);
    const small = await countStatements(app.db, () => app.gql(null, RESULTS, { roundId: roundGid }, { cookie }));
    await validatedSubmission(app, "milan", "labour-market", [2, 2, 2]);
    await validatedSubmission(app, "lublin", "labour-market", [1, 2, 3]);
    const large = await countStatements(app.db, () => app.gql(null, RESULTS, { roundId: roundGid }, { cookie }));
    expect(large.result.data.benchmarkResults.cities).toHaveLength(5);
    expect(large.statements.length).toBe(small.statements.length);
  });
});
