import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FRAMEWORK_CSV_COLUMNS,
  acceptsSubmissions,
  canTransition,
  frameworkFromRows,
  frameworkToRows,
  learnFrom,
  spread,
  unscoredIndicators,
  weightedScores,
  type FrameworkShape,
} from "./benchmarks.ts";

const framework: FrameworkShape = {
  dimensions: [
    { id: "G", code: "G", indicators: [{ id: "g1", code: "G1", weight: 1 }, { id: "g2", code: "G2", weight: 3 }] },
    { id: "S", code: "S", indicators: [{ id: "s1", code: "S1", weight: 2 }] },
  ],
};

describe("weighted scores", () => {
  it("weights levels per dimension and overall", () => {
    const score = weightedScores(framework, { g1: 4, g2: 0, s1: 2 });
    expect(score.byDimension).toEqual({ G: 1, S: 2 });
    expect(score.overall).toBe(1.33); // (4*1 + 0*3 + 2*2) / 6
  });
  it("leaves unscored indicators out and is null when nothing is scored", () => {
    expect(weightedScores(framework, { g1: 3 }).byDimension).toEqual({ G: 3, S: null });
    expect(weightedScores(framework, {}).overall).toBeNull();
  });
  it("always stays within 0-4", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 4 })), { minLength: 3, maxLength: 3 }), ([a, b, c]) => {
        const s = weightedScores(framework, { g1: a, g2: b, s1: c }).overall;
        return s === null || (s >= 0 && s <= 4);
      }),
    );
  });
});

describe("spread", () => {
  it.each([
    [[1], { median: 1, q1: 1, q3: 1 }],
    [[1, 2, 3, 4], { median: 2.5, q1: 1.75, q3: 3.25 }],
    [[4, 0, 2, 2, 3], { median: 2, q1: 2, q3: 3 }],
  ])("of %j", (values, expected) => {
    expect(spread(values)).toMatchObject(expected);
  });
  it("is null for no values", () => expect(spread([])).toBeNull());
});

describe("learn from", () => {
  it("names the strongest peers on the city's weak indicators, biggest weighted gap first", () => {
    const s = learnFrom(framework, { organizationId: "me", levels: { g1: 1, g2: 1, s1: 4 } }, [
      { organizationId: "ghent", levels: { g1: 2, g2: 4, s1: 1 } },
      { organizationId: "vienna", levels: { g1: 4, g2: 3, s1: 1 } },
      { organizationId: "me", levels: { g1: 1, g2: 1, s1: 4 } },
    ]);
    expect(s.map((x) => x.indicatorId)).toEqual(["g2", "g1"]); // g2: gap 3 x weight 3 = 9; g1: gap 3 x 1
    expect(s[0]!.peers).toEqual([
      { organizationId: "ghent", level: 4, gap: 3 },
      { organizationId: "vienna", level: 3, gap: 2 },
    ]);
  });
  it("suggests nothing where the city leads", () => {
    expect(learnFrom(framework, { organizationId: "me", levels: { g1: 4, g2: 4, s1: 4 } }, [{ organizationId: "x", levels: { g1: 1, g2: 2, s1: 3 } }])).toEqual([]);
  });
});

describe("submission rules", () => {
  it.each([
    ["submit", "DRAFT", true],
    ["submit", "RETURNED", true],
    ["submit", "VALIDATED", false],
    ["validate", "SUBMITTED", true],
    ["validate", "DRAFT", false],
    ["return", "VALIDATED", false],
  ] as const)("%s from %s: %s", (action, status, allowed) => {
    expect(canTransition(action, status)).toBe(allowed);
  });
  it("lists the indicators still to score", () => {
    expect(unscoredIndicators(["a", "b", "c"], [{ indicatorId: "a", level: 2 }, { indicatorId: "b", level: null }])).toEqual(["b", "c"]);
  });
  it("accepts submissions while open, or until the city's extension", () => {
    const round = { opensAt: new Date("2026-01-01"), closesAt: new Date("2026-02-01") };
    expect(acceptsSubmissions(round, new Date("2026-01-15"))).toBe(true);
    expect(acceptsSubmissions(round, new Date("2026-02-02"))).toBe(false);
    expect(acceptsSubmissions(round, new Date("2026-02-02"), new Date("2026-02-10"))).toBe(true);
    expect(acceptsSubmissions(round, new Date("2025-12-31"))).toBe(false);
  });
});

describe("framework CSV", () => {
  const header = [...FRAMEWORK_CSV_COLUMNS];
  const row = (dim: string, code: string, weight = "2") => [dim, `Dimension ${dim}`, "", code, `Indicator ${code}`, "", weight, "l0", "l1", "l2", "l3", "l4"];

  it("reads rows into dimensions and indicators, and writes them back the same", () => {
    const { content, issues } = frameworkFromRows("F", [header, row("G", "G1"), row("G", "G2"), row("S", "S1")]);
    expect(issues).toEqual([]);
    expect(content!.dimensions.map((d) => [d.code, d.indicators.length])).toEqual([["G", 2], ["S", 1]]);
    expect(frameworkToRows(content!)).toEqual([header, row("G", "G1"), row("G", "G2"), row("S", "S1")]);
  });

  it("names the row and column of every problem and returns no framework", () => {
    const bad = row("G", "G2", "heavy");
    bad[9] = "";
    const { content, issues } = frameworkFromRows("F", [header, row("G", "G1"), bad, row("S", "G1")]);
    expect(content).toBeNull();
    expect(issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [3, "weight", "invalid_weight"],
      [3, "level_2", "required"],
      [4, "indicator_code", "duplicate_code"],
    ]);
  });

  it("reports a missing column on the header row", () => {
    const { issues } = frameworkFromRows("F", [header.filter((h) => h !== "weight")]);
    expect(issues).toEqual([{ row: 1, column: "weight", code: "missing_column", message: "Column weight is missing" }]);
  });
});
