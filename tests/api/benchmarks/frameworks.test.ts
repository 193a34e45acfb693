import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { gid } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
});
afterAll(() => app.close());

const manager = () => app.userByEmail("manager@citypeer.eu");
const EXPORT = /* GraphQL */ `query ($id: ID!, $format: FrameworkFormat!) { benchmarkFrameworkExport(frameworkId: $id, format: $format) }`;
const IMPORT = /* GraphQL */ `
  mutation ($input: ImportBenchmarkFrameworkInput!) {
    importBenchmarkFramework(input: $input) {
      __typename
      ... on MutationImportBenchmarkFrameworkSuccess { data { id version title isUsedByRound dimensions { code indicators { code weight levels { level descriptor } } } } }
      ... on ImportError { issues { row column code } }
    }
  }
`;
const FRAMEWORK = /* GraphQL */ `query ($c: ID!, $v: Int) { benchmarkFramework(communityId: $c, version: $v) { version title isUsedByRound dimensions { indicators { code } } } }`;

async function community(slug: string) {
  const c = await app.prisma.community.findUniqueOrThrow({ where: { slug }, include: { frameworks: true } });
  return { ...c, gid: gid("Community", c.id), frameworkGid: gid("BenchmarkFramework", c.frameworks[0]!.id) };
}

describe("framework export and import", () => {
  it("exports CSV (BOM, CRLF) and JSON that import back to the same framework", async () => {
    const c = await community("housing");
    const csv = (await app.gql(await manager(), EXPORT, { id: c.frameworkGid, format: "CSV" })).data.benchmarkFrameworkExport as string;
    expect(csv.startsWith("\uFEFFdimension_code,")).toBe(true);
    expect(csv).toContain("\r\n");
    const json = JSON.parse((await app.gql(await manager(), EXPORT, { id: c.frameworkGid, format: "JSON" })).data.benchmarkFrameworkExport);
    expect(json.dimensions.length).toBeGreaterThanOrEqual(2);

    const imported = await app.gql(await manager(), IMPORT, { input: { communityId: c.gid, format: "CSV", content: csv, title: json.title } });
    const data = imported.data.importBenchmarkFramework.data;
    expect(data.version).toBe(2); // the seeded version is used by the baseline round
    const again = JSON.parse((await app.gql(await manager(), EXPORT, { id: data.id, format: "JSON" })).data.benchmarkFrameworkExport);
    expect(again).toEqual(json);
  });

  it("imports nothing from a CSV with an error and names the row and column", async () => {
    const c = await community("labour-market");
    const csv = (await app.gql(await manager(), EXPORT, { id: c.frameworkGid, format: "CSV" })).data.benchmarkFrameworkExport as string;
    const lines = csv.split("\r\n");
    const cells = lines[3]!.split(",");
    lines[3] = lines[3]!.replace(/,(\d),/, ",heavy,"); // the weight of the third indicator
    const before = { frameworks: await app.prisma.benchmarkFramework.count(), indicators: await app.prisma.benchmarkIndicator.count() };
    const res = await app.gql(await manager(), IMPORT, { input: { communityId: c.gid, format: "CSV", content: lines.join("\r\n") } });
    expect(cells.length).toBeGreaterThan(5);
    expect(res.data.importBenchmarkFramework).toEqual({ __typename: "ImportError", issues: [{ row: 4, column: "weight", code: "invalid_weight" }] });
    expect({ frameworks: await app.prisma.benchmarkFramework.count(), indicators: await app.prisma.benchmarkIndicator.count() }).toEqual(before);
  });

  it("reports JSON problems by path", async () => {
    const c = await community("labour-market");
    const res = await app.gql(await manager(), IMPORT, {
      input: { communityId: c.gid, format: "JSON", content: JSON.stringify({ title: "X", dimensions: [{ code: "A", title: "A", indicators: [{ code: "A1", title: "A1", weight: 1, levels: ["a", "b"] }] }] }) },
    });
    expect(res.data.importBenchmarkFramework.issues[0]).toMatchObject({ row: 0, column: "dimensions.0.indicators.0.levels", code: "too_small" });
  });

  it("refuses an import by a city officer and writes nothing", async () => {
    const c = await community("labour-market");
    const before = await app.prisma.benchmarkFramework.count();
    const res = await app.gql(await app.userByEmail("officer.dortmund@citypeer.eu"), IMPORT, { input: { communityId: c.gid, format: "JSON", content: "{}" } });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await app.prisma.benchmarkFramework.count()).toBe(before);
  });
});

describe("versions", () => {
  const SAVE = /* GraphQL */ `
    mutation ($input: SaveBenchmarkFrameworkInput!) {
      saveBenchmarkFramework(input: $input) { __typename ... on MutationSaveBenchmarkFrameworkSuccess { data { version title } } ... on InputError { issues { path code } } }
    }
  `;
  const content = (title: string) => ({
    title,
    dimensions: [{ code: "D", title: "Dimension", indicators: [{ code: "D1", title: "One", weight: 2, levels: ["0", "1", "2", "3", "4"] }] }],
  });

  it("edits an unused version in place, and creates a new version once a round used it", async () => {
    const newCommunity = await app.make.community({ name: "Health access" });
    const cid = gid("Community", newCommunity.id);
    expect((await app.gql(await manager(), SAVE, { input: { communityId: cid, ...content("First") } })).data.saveBenchmarkFramework.data.version).toBe(1);
    expect((await app.gql(await manager(), SAVE, { input: { communityId: cid, ...content("First, edited") } })).data.saveBenchmarkFramework.data).toEqual({ version: 1, title: "First, edited" });

    const CREATE_ROUND = /* GraphQL */ `mutation ($input: CreateBenchmarkRoundInput!) { createBenchmarkRound(input: $input) { __typename } }`;
    await app.gql(await manager(), CREATE_ROUND, { input: { communityId: cid, name: "Baseline", kind: "BASELINE", opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() } });
    expect((await app.gql(await manager(), SAVE, { input: { communityId: cid, ...content("Second") } })).data.saveBenchmarkFramework.data).toEqual({ version: 2, title: "Second" });

    const v1 = await app.gql(await manager(), FRAMEWORK, { c: cid, v: 1 });
    expect(v1.data.benchmarkFramework).toMatchObject({ version: 1, title: "First, edited", isUsedByRound: true });
    const round = await app.prisma.benchmarkRound.findFirstOrThrow({ where: { communityId: newCommunity.id }, include: { framework: true } });
    expect(round.framework.version).toBe(1); // the round stays on the version it used
    expect(await app.prisma.auditEntry.count({ where: { entityType: "BenchmarkFramework", action: "framework.versioned" } })).toBeGreaterThanOrEqual(1);
  });

  it("refuses duplicate indicator codes on the field", async () => {
    const c = await community("one-stop-shops");
    const dup = { title: "Dup", dimensions: [{ code: "A", title: "A", indicators: [1, 2].map(() => ({ code: "A1", title: "x", weight: 1, levels: ["0", "1", "2", "3", "4"] })) }] };
    const res = await app.gql(await manager(), SAVE, { input: { communityId: c.gid, ...dup } });
    expect(res.data.saveBenchmarkFramework.issues).toEqual([{ path: ["dimensions", "0", "indicators", "1", "code"], code: "duplicate_code" }]);
  });

  it("lets everyone signed in read a framework", async () => {
    const c = await community("one-stop-shops");
    const res = await app.gql(await app.userByEmail("mentor.ghent@citypeer.eu"), FRAMEWORK, { c: c.gid });
    expect(res.data.benchmarkFramework.dimensions.length).toBeGreaterThan(1);
    expect((await app.gql(null, FRAMEWORK, { c: c.gid })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
