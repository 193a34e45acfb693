import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { createYoga, type Plugin } from "graphql-yoga";
import type { GraphQLSchema } from "graphql";

/**
 * Limits on the shape of an operation, checked while parsing and validating, so an operation over
 * any of them is refused before context or resolvers run (no session lookup, no SQL).
 *
 * Set from the web app's own documents with headroom (measured by tests/api/security/armor.test.ts,
 * which fails when a web document no longer fits, so a deeper page fails in CI rather than in production):
 * deepest 7 (AddRecommendation, UpdatePilotPlan), costliest 892 (Dashboard; BenchmarkResults 586), longest
 * 275 tokens (Dashboard), no aliases and no directives. Aliases and directives stay allowed in moderation for API clients.
 * Depth and cost flatten fragments: `... on MutationXSuccess { data { ... } }` is one level of fields, not three.
 */
export const ARMOR_LIMITS = {
  maxDepth: 10,
  maxAliases: 10,
  maxCost: 1_500,
  maxTokens: 1_000,
  maxDirectives: 10,
} as const;

export interface ArmorMeasurements {
  depth: number;
  aliases: number;
  cost: number;
  tokens: number;
  directives: number;
}

type Limits = { [K in keyof typeof ARMOR_LIMITS]: number };
type Accept = (context: unknown, details: { n: number }) => void;

function armorConfig(limits: Limits, production: boolean, accept?: { [K in keyof ArmorMeasurements]: Accept }) {
  const on = (key: keyof ArmorMeasurements) => (accept ? { onAccept: [accept[key]] } : {});
  return {
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...on("depth") },
    maxAliases: { n: limits.maxAliases, ...on("aliases") },
    costLimit: { maxCost: limits.maxCost, flattenFragments: true, ...on("cost") },
    maxTokens: { n: limits.maxTokens, ...on("tokens") },
    maxDirectives: { n: limits.maxDirectives, ...on("directives") },
    // "Did you mean ...?" lists the schema's field names to someone probing it; developers keep the hint.
    blockFieldSuggestion: { enabled: production },
  };
}

/** graphql-armor with citypeer's limits; field suggestions are masked in production only. */
export function useArmor({ production }: { production: boolean }): Plugin {
  return EnvelopArmorPlugin(armorConfig(ARMOR_LIMITS, production)) as Plugin;
}

/**
 * What armor counts for a document (depth, aliases, cost, tokens, directives), with the same plugin and
 * settings as the app, limits lifted. For the test that keeps every web document inside the limits.
 */
export function measureOperation(schema: GraphQLSchema, source: string): ArmorMeasurements {
  const measured: ArmorMeasurements = { depth: 0, aliases: 0, cost: 0, tokens: 0, directives: 0 };
  const keep = (key: keyof ArmorMeasurements): Accept => (_context, { n }) => {
    measured[key] = Math.max(measured[key], n);
  };
  const unlimited: Limits = { maxDepth: 1e9, maxAliases: 1e9, maxCost: 1e12, maxTokens: 1e9, maxDirectives: 1e9 };
  const accept = { depth: keep("depth"), aliases: keep("aliases"), cost: keep("cost"), tokens: keep("tokens"), directives: keep("directives") };
  const yoga = createYoga({ schema, plugins: [EnvelopArmorPlugin(armorConfig(unlimited, false, accept)) as Plugin], logging: false });
  const { parse, validate } = yoga.getEnveloped({});
  const errors = validate(schema, parse(source));
  if (errors.length > 0) throw new Error(`Invalid document: ${errors.map((e: { message: string }) => e.message).join("; ")}`);
  return measured;
}
