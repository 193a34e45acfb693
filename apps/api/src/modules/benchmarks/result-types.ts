import type { Spread } from "@citypeer/domain/benchmarks";
import { builder } from "../../builder.ts";
import type { BenchmarkResults, CityResult } from "./results.ts";

type Org = CityResult["organization"];

const SpreadRef = builder.objectRef<Spread>("Spread").implement({
  description: "Median and quartiles of a community's validated scores (0-4 scale).",
  fields: (t) => ({
    n: t.exposeInt("n"),
    min: t.exposeFloat("min"),
    q1: t.exposeFloat("q1"),
    median: t.exposeFloat("median"),
    q3: t.exposeFloat("q3"),
    max: t.exposeFloat("max"),
  }),
});

const ResultCityRef = builder.objectRef<Org>("ResultCity").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    name: t.exposeString("name"),
    cityName: t.exposeString("cityName", { nullable: true }),
    country: t.exposeString("country"),
  }),
});

const CityResultRef = builder.objectRef<CityResult>("CityResult").implement({
  fields: (t) => ({
    organization: t.field({ type: ResultCityRef, resolve: (c) => c.organization }),
    status: t.exposeString("status"),
    overall: t.exposeFloat("overall", { nullable: true }),
    dimensions: t.field({
      type: [builder.objectRef<CityResult["dimensions"][number]>("DimensionScore").implement({
        fields: (f) => ({ dimensionId: f.exposeID("dimensionId"), score: f.exposeFloat("score", { nullable: true }) }),
      })],
      resolve: (c) => c.dimensions,
    }),
    indicators: t.field({
      type: [builder.objectRef<CityResult["indicators"][number]>("IndicatorLevelResult").implement({
        fields: (f) => ({ indicatorId: f.exposeID("indicatorId"), level: f.exposeInt("level", { nullable: true }) }),
      })],
      resolve: (c) => c.indicators,
    }),
  }),
});

const LearnFromPeerRef = builder.objectRef<BenchmarkResults["learnFrom"][number]["peers"][number]>("LearnFromPeer").implement({
  fields: (t) => ({
    organization: t.field({ type: ResultCityRef, resolve: (p) => p.organization }),
    level: t.exposeInt("level"),
    gap: t.exposeInt("gap"),
    evidenceText: t.exposeString("evidenceText"),
    evidenceLinks: t.exposeStringList("evidenceLinks"),
    /** BCP 47 code of the language the peer wrote its evidence in (shown as written, never translated). */
    contentLanguage: t.exposeString("contentLanguage"),
  }),
});

const LearnFromRef = builder.objectRef<BenchmarkResults["learnFrom"][number]>("LearnFromSuggestion").implement({
  fields: (t) => ({
    indicatorId: t.exposeID("indicatorId"),
    indicatorCode: t.exposeString("indicatorCode"),
    indicatorTitle: t.exposeString("indicatorTitle"),
    myLevel: t.exposeInt("myLevel"),
    priority: t.exposeInt("priority"),
    peers: t.field({ type: [LearnFromPeerRef], resolve: (s) => s.peers }),
  }),
});

const ProgressRef = builder.objectRef<BenchmarkResults["progress"][number]>("CityProgress").implement({
  fields: (t) => ({
    organization: t.field({ type: ResultCityRef, resolve: (p) => p.organization }),
    points: t.field({
      type: [builder.objectRef<BenchmarkResults["progress"][number]["points"][number]>("ProgressPoint").implement({
        fields: (f) => ({
          roundId: f.exposeID("roundId"),
          roundName: f.exposeString("roundName"),
          opensAt: f.expose("opensAt", { type: "DateTime" }),
          overall: f.exposeFloat("overall", { nullable: true }),
        }),
      })],
      resolve: (p) => p.points,
    }),
  }),
});

export const BenchmarkResultsRef = builder.objectRef<BenchmarkResults>("BenchmarkResults").implement({
  fields: (t) => ({
    roundId: t.exposeID("roundId"),
    roundName: t.exposeString("roundName"),
    /** False for viewers outside the partnership: they see community aggregates only. */
    canSeeCities: t.exposeBoolean("canSeeCities"),
    overall: t.field({ type: SpreadRef, nullable: true, resolve: (r) => r.overall }),
    dimensions: t.field({
      type: [builder.objectRef<BenchmarkResults["dimensions"][number]>("DimensionResult").implement({
        fields: (f) => ({
          id: f.exposeID("id"),
          code: f.exposeString("code"),
          title: f.exposeString("title"),
          stats: f.field({ type: SpreadRef, nullable: true, resolve: (d) => d.stats }),
        }),
      })],
      resolve: (r) => r.dimensions,
    }),
    indicators: t.field({
      type: [builder.objectRef<BenchmarkResults["indicators"][number]>("IndicatorResult").implement({
        fields: (f) => ({
          id: f.exposeID("id"),
          code: f.exposeString("code"),
          title: f.exposeString("title"),
          weight: f.exposeInt("weight"),
          dimensionId: f.exposeID("dimensionId"),
          stats: f.field({ type: SpreadRef, nullable: true, resolve: (i) => i.stats }),
        }),
      })],
      resolve: (r) => r.indicators,
    }),
    cities: t.field({ type: [CityResultRef], resolve: (r) => r.cities }),
    myCity: t.field({ type: CityResultRef, nullable: true, resolve: (r) => r.myCity }),
    learnFrom: t.field({ type: [LearnFromRef], resolve: (r) => r.learnFrom }),
    progress: t.field({ type: [ProgressRef], resolve: (r) => r.progress }),
  }),
});
