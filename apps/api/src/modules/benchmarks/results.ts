import type { Client } from "@citypeer/db";
import { learnFrom, spread, weightedScores, type FrameworkShape, type Spread } from "@citypeer/domain/benchmarks";
import type { Viewer } from "../../context.ts";
import { NotFoundError } from "../../errors.ts";
import { canSeeCityResults } from "./access.ts";

type Org = { id: string; name: string; cityName: string | null; country: string };
type Levels = Record<string, number | null>;

export type CityResult = {
  organization: Org;
  status: string;
  overall: number | null;
  dimensions: { dimensionId: string; score: number | null }[];
  indicators: { indicatorId: string; level: number | null }[];
};

export type BenchmarkResults = {
  roundId: string;
  roundName: string;
  canSeeCities: boolean;
  dimensions: { id: string; code: string; title: string; stats: Spread | null }[];
  indicators: { id: string; code: string; title: string; weight: number; dimensionId: string; stats: Spread | null }[];
  overall: Spread | null;
  cities: CityResult[];
  myCity: CityResult | null;
  learnFrom: {
    indicatorId: string;
    indicatorCode: string;
    indicatorTitle: string;
    myLevel: number;
    priority: number;
    peers: { organization: Org; level: number; gap: number; evidenceText: string; evidenceLinks: string[]; contentLanguage: string }[];
  }[];
  progress: { organization: Org; points: { roundId: string; roundName: string; opensAt: Date; overall: number | null }[] }[];
};

/**
 * A round's results from validated self-assessments: each city's weighted score per dimension and overall,
 * the community's median and quartiles, progress across the community's rounds, and whom to learn from.
 * A fixed number of statements whatever the number of cities (everything loads in bulk).
 */
export async function benchmarkResults(db: Client, viewer: Viewer, roundId: string): Promise<BenchmarkResults> {
  const round = await db.benchmarkRound.findUnique({
    where: { id: roundId },
    include: {
      framework: {
        include: { dimensions: { orderBy: { position: "asc" }, include: { indicators: { orderBy: { position: "asc" } } } } },
      },
    },
  });
  if (!round) throw new NotFoundError("BenchmarkRound");
  const shape: FrameworkShape = {
    dimensions: round.framework.dimensions.map((d) => ({ id: d.id, code: d.code, indicators: d.indicators.map((i) => ({ id: i.id, code: i.code, weight: i.weight })) })),
  };

  const submissions = await db.benchmarkSubmission.findMany({
    where: {
      roundId,
      OR: [{ status: "VALIDATED" }, ...(viewer.organizationId ? [{ organizationId: viewer.organizationId, status: { in: ["SUBMITTED" as const, "VALIDATED" as const] } }] : [])],
    },
    include: { organization: { select: { id: true, name: true, cityName: true, country: true } }, scores: true },
    orderBy: { organization: { name: "asc" } },
  });
  const levelsOf = (s: (typeof submissions)[number]): Levels => Object.fromEntries(s.scores.map((x) => [x.indicatorId, x.level]));
  const toCity = (s: (typeof submissions)[number]): CityResult => {
    const score = weightedScores(shape, levelsOf(s));
    return {
      organization: s.organization,
      status: s.status,
      overall: score.overall,
      dimensions: shape.dimensions.map((d) => ({ dimensionId: d.id, score: score.byDimension[d.id] ?? null })),
      indicators: shape.dimensions.flatMap((d) => d.indicators.map((i) => ({ indicatorId: i.id, level: score.byIndicator[i.id] ?? null }))),
    };
  };
  const validated = submissions.filter((s) => s.status === "VALIDATED");
  const cities = validated.map(toCity);
  const mine = submissions.find((s) => s.organizationId === viewer.organizationId);
  const values = (pick: (c: CityResult) => number | null) => cities.map(pick).filter((v): v is number => v !== null);

  const indicators = round.framework.dimensions.flatMap((d) =>
    d.indicators.map((i) => ({
      id: i.id,
      code: i.code,
      title: i.title,
      weight: i.weight,
      dimensionId: d.id,
      stats: spread(values((c) => c.indicators.find((x) => x.indicatorId === i.id)?.level ?? null)),
    })),
  );

  const canSeeCities = canSeeCityResults(viewer);
  const peers = validated.filter((s) => s.organizationId !== viewer.organizationId);
  const suggestions = mine
    ? learnFrom(shape, { organizationId: mine.organizationId, levels: levelsOf(mine) }, peers.map((p) => ({ organizationId: p.organizationId, levels: levelsOf(p) })))
    : [];
  const byOrg = new Map(validated.map((s) => [s.organizationId, s]));

  return {
    roundId,
    roundName: round.name,
    canSeeCities,
    dimensions: round.framework.dimensions.map((d) => ({
      id: d.id,
      code: d.code,
      title: d.title,
      stats: spread(values((c) => c.dimensions.find((x) => x.dimensionId === d.id)?.score ?? null)),
    })),
    indicators,
    overall: spread(values((c) => c.overall)),
    cities: canSeeCities ? cities : [],
    myCity: mine ? toCity(mine) : null,
    // naming peers is peer learning between partners; outside cities get no names
    learnFrom: canSeeCities
      ? suggestions.map((s) => {
          const indicator = indicators.find((i) => i.id === s.indicatorId)!;
          return {
            indicatorId: s.indicatorId,
            indicatorCode: indicator.code,
            indicatorTitle: indicator.title,
            myLevel: s.myLevel,
            priority: s.priority,
            peers: s.peers.map((p) => {
              const submission = byOrg.get(p.organizationId)!;
              const evidence = submission.scores.find((x) => x.indicatorId === s.indicatorId);
              return {
                organization: submission.organization,
                level: p.level,
                gap: p.gap,
                evidenceText: evidence?.evidenceText ?? "",
                evidenceLinks: evidence?.evidenceLinks ?? [],
                contentLanguage: submission.contentLanguage,
              };
            }),
          };
        })
      : [],
    progress: canSeeCities ? await progressAcrossRounds(db, round.communityId, viewer) : [],
  };
}

/** Each city's overall score in every round of the community, in the order the rounds opened. */
async function progressAcrossRounds(db: Client, communityId: string, viewer: Viewer): Promise<BenchmarkResults["progress"]> {
  const rounds = await db.benchmarkRound.findMany({
    where: { communityId },
    orderBy: { opensAt: "asc" },
    include: {
      framework: { include: { dimensions: { include: { indicators: { select: { id: true, code: true, weight: true } } } } } },
      submissions: {
        where: { OR: [{ status: "VALIDATED" }, ...(viewer.organizationId ? [{ organizationId: viewer.organizationId, status: "SUBMITTED" as const }] : [])] },
        include: { organization: { select: { id: true, name: true, cityName: true, country: true } }, scores: { select: { indicatorId: true, level: true } } },
      },
    },
  });
  const series = new Map<string, BenchmarkResults["progress"][number]>();
  for (const r of rounds) {
    const shape: FrameworkShape = { dimensions: r.framework.dimensions.map((d) => ({ id: d.id, code: d.code, indicators: d.indicators })) };
    for (const s of r.submissions) {
      const entry = series.get(s.organizationId) ?? { organization: s.organization, points: [] };
      const overall = weightedScores(shape, Object.fromEntries(s.scores.map((x) => [x.indicatorId, x.level]))).overall;
      entry.points.push({ roundId: r.id, roundName: r.name, opensAt: r.opensAt, overall });
      series.set(s.organizationId, entry);
    }
  }
  return [...series.values()].sort((a, b) => a.organization.name.localeCompare(b.organization.name));
}
