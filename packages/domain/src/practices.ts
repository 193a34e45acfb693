import { z } from "zod";
import type { FieldIssue } from "./errors.ts";
import { TARGET_GROUPS } from "./pilots.ts";

/*
 * The good-practice library: profiles in the ERASMI structure (Erasmus+ project "Empowering Regional Actors &
 * Stakeholders for Migrant and Refugee Inclusion", profiles of Dec 2020): 1. general information, 2. network
 * characteristics, 3. success factors and challenges, evaluation and sustainability, impact, innovation and
 * transferability, 4. website and contact. Knowledge that outlives staff turnover.
 */

export const PRACTICE_STATUSES = ["DRAFT", "PUBLISHED"] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

/** The ERASMI fields of intervention, plus counselling and social services for one-stop shops and case management. */
export const FIELDS_OF_INTERVENTION = [
  "LABOUR_MARKET",
  "SCHOOLING",
  "LANGUAGE",
  "HEALTH",
  "HOUSING",
  "CULTURE_AND_SPORT",
  "COUNSELLING",
  "SOCIAL_SERVICES",
  "OTHER",
] as const;
export type FieldOfIntervention = (typeof FIELDS_OF_INTERVENTION)[number];
export type TargetGroup = (typeof TARGET_GROUPS)[number];

const uuid = z.string().uuid();
const longText = z.string().trim().max(20_000).default("");
const shortText = (max: number) => z.string().trim().max(max).default("");
const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
/** Links others will open: http(s) to a public host name only (no javascript:, no localhost). */
const webUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(2000);
const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

/** Every field of a profile as the form edits it; the status changes through publish / unpublish. */
export const practiceProfileFields = {
  organizationId: uuid.nullable().default(null),
  communityId: uuid.nullable().default(null),
  pilotId: uuid.nullable().default(null),
  /** The language the profile is written in (BCP 47). */
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "A language code such as en or pt-BR")
    .default("en"),
  // 1. General information
  networkName: z.string().trim().min(1).max(300),
  yearFounded: z.number().int().min(1800).max(2100).nullable().default(null),
  place: shortText(300),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "A two-letter country code such as DE")
    .transform((c) => c.toUpperCase()),
  coordination: shortText(2000),
  cooperationAgreement: shortText(2000),
  members: shortText(5000),
  fieldsOfIntervention: z.array(z.enum(FIELDS_OF_INTERVENTION)).max(FIELDS_OF_INTERVENTION.length).refine(unique, "A field is listed twice").default([]),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).max(TARGET_GROUPS.length).refine(unique, "A group is listed twice").default([]),
  networkType: shortText(500),
  // 2. Network characteristics
  description: longText,
  resources: longText,
  internalFacilitation: longText,
  externalCommunication: longText,
  // 3. Success factors and challenges, evaluation and sustainability, impact, innovation and transferability
  successFactors: longText,
  challenges: longText,
  evaluation: longText,
  sustainability: longText,
  impact: longText,
  innovation: longText,
  transferability: longText,
  // 4. Other information
  website: z.preprocess(blankToNull, webUrl.nullable().default(null)),
  contact: shortText(1000),
};

export const practiceProfileSchema = z.object(practiceProfileFields);
export type PracticeProfileInput = z.infer<typeof practiceProfileSchema>;

export const updatePracticeProfileSchema = z.object({ practiceId: uuid, ...practiceProfileFields });
export type UpdatePracticeProfile = z.infer<typeof updatePracticeProfileSchema>;

/**
 * What a profile needs before everyone can read it: a name, a place, a short description and at least one
 * field of intervention (the library's filters and search work on these). One issue per missing field.
 */
export function publishIssues(p: { networkName: string; place: string; description: string; fieldsOfIntervention: readonly string[] }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!p.networkName.trim()) issues.push({ path: ["networkName"], code: "required_to_publish", message: "Give the practice a name" });
  if (!p.place.trim()) issues.push({ path: ["place"], code: "required_to_publish", message: "Say where the practice runs" });
  if (!p.description.trim()) issues.push({ path: ["description"], code: "required_to_publish", message: "Write a short description" });
  if (p.fieldsOfIntervention.length === 0) issues.push({ path: ["fieldsOfIntervention"], code: "required_to_publish", message: "Choose at least one field of intervention" });
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Search
// ---------------------------------------------------------------------------------------------

export const practiceSearchSchema = z.object({
  query: z.string().trim().max(200).default(""),
  communityIds: z.array(uuid).max(10).default([]),
  fieldsOfIntervention: z.array(z.enum(FIELDS_OF_INTERVENTION)).max(FIELDS_OF_INTERVENTION.length).default([]),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).max(TARGET_GROUPS.length).default([]),
  countries: z
    .array(z.string().trim().regex(/^[A-Za-z]{2}$/).transform((c) => c.toUpperCase()))
    .max(50)
    .default([]),
  first: z.number().int().min(1).max(50).default(20),
  offset: z.number().int().min(0).max(10_000).default(0),
});
export type PracticeSearch = z.infer<typeof practiceSearchSchema>;

const HYPHEN = "[-\u2010\u2011\u2013]";

/**
 * The search words as PostgreSQL's web-search syntax reads them. The English parser keeps "one-stop" as a
 * token of its own beside "one" and "stop", so the query "one-stop shop" would miss a text that writes
 * "one stop shop" (and "one-stop-shop" indexes differently again). So the library indexes its texts with
 * hyphens turned into spaces, and a hyphenated word in the query becomes a phrase of its parts
 * ("one-stop" -> "one stop": the two words next to each other). Every spelling then meets every other, and
 * the English stemmer makes "shops" find "shop" and "volunteers" find "volunteering". Inside quotes (a
 * phrase already) hyphens become spaces; a leading "-" (leave this word out) keeps its meaning.
 */
export function searchText(query: string): string {
  const compound = new RegExp(`[\\p{L}\\p{N}]+(?:${HYPHEN}[\\p{L}\\p{N}]+)+`, "gu");
  const hyphens = new RegExp(HYPHEN, "g");
  return query
    .split('"')
    .map((part, i) => (i % 2 === 1 ? part.replace(hyphens, " ") : part.replace(compound, (word) => `"${word.replace(hyphens, " ")}"`)))
    .join('"')
    .replace(/\s+/g, " ")
    .trim();
}

/** Characters ts_headline puts around a match; control characters never occur in the texts themselves. */
export const HIGHLIGHT_START = "\u0002";
export const HIGHLIGHT_STOP = "\u0003";

export type TextSegment = { text: string; isMatch: boolean };

/**
 * A highlighted excerpt as segments the web app renders as text (never as HTML, so a profile's text cannot
 * inject markup). Matches separated only by a hyphen or a space ("one-stop shops") become one match.
 */
export function highlightSegments(headline: string): TextSegment[] {
  const joined = headline.replace(new RegExp(`${HIGHLIGHT_STOP}([-\\s])${HIGHLIGHT_START}`, "g"), "$1");
  const segments: TextSegment[] = [];
  const pattern = new RegExp(`${HIGHLIGHT_START}([^${HIGHLIGHT_STOP}]*)${HIGHLIGHT_STOP}`, "g");
  let last = 0;
  for (const match of joined.matchAll(pattern)) {
    if (match.index > last) segments.push({ text: clean(joined.slice(last, match.index)), isMatch: false });
    segments.push({ text: clean(match[1]!), isMatch: true });
    last = match.index + match[0].length;
  }
  if (last < joined.length) segments.push({ text: clean(joined.slice(last)), isMatch: false });
  return segments.filter((s) => s.text.length > 0);
}

const clean = (s: string) => s.replace(new RegExp(`[${HIGHLIGHT_START}${HIGHLIGHT_STOP}]`, "g"), "");

// ---------------------------------------------------------------------------------------------
// A draft from a completed pilot
// ---------------------------------------------------------------------------------------------

export type PilotForPractice = {
  id: string;
  title: string;
  problemStatement: string;
  plannedActivities: string;
  targetGroups: readonly TargetGroup[];
  contentLanguage: string;
  organization: { id: string; name: string; cityName: string | null; country: string; website: string | null };
  community: { id: string; theme: string; name: string };
  objectives: readonly string[];
  coDesign: readonly { format: string; participantCount: number; migrantOrganisations: readonly string[] }[];
  grantCapCents: number | null;
  /** Closed peer reviews with their recommendations, oldest first. */
  reviews: readonly { endsOn: Date; reportSummary: string; recommendations: readonly string[] }[];
  /** The city's overall benchmark score in each round of the pilot's community, oldest first. */
  benchmarkProgress: readonly { roundName: string; overall: number | null }[];
};

/** A community's theme as the library's field of intervention. */
export function fieldsForTheme(theme: string): FieldOfIntervention[] {
  switch (theme) {
    case "LABOUR_MARKET":
      return ["LABOUR_MARKET"];
    case "HOUSING":
      return ["HOUSING"];
    case "ONE_STOP_SHOPS":
      return ["COUNSELLING", "SOCIAL_SERVICES"];
    default:
      return [];
  }
}

const euros = (cents: number) => `EUR ${Math.round(cents / 100).toLocaleString("en-GB")}`;

/**
 * The prefilled draft of a practice profile from a completed pilot: what the pilot already says (title,
 * problem, objectives, activities, co-design with migrants, target groups, city, community) and, where they
 * exist, the peer reviews' findings and the city's benchmark progress. Everything else stays empty for the
 * city to write; nothing is invented.
 */
export function draftFromPilot(p: PilotForPractice): PracticeProfileInput {
  const paragraphs = (...parts: (string | null | false)[]) => parts.filter((s): s is string => !!s && s.trim() !== "").join("\n\n");
  const objectives = p.objectives.length ? `Objectives:\n${p.objectives.map((o) => `- ${o}`).join("\n")}` : null;
  const coDesign = p.coDesign.length
    ? `Co-designed with migrants: ${p.coDesign.length} activit${p.coDesign.length === 1 ? "y" : "ies"} (${p.coDesign
        .map((a) => `${a.format.toLowerCase().replace(/_/g, " ")}, ${a.participantCount} participants`)
        .join("; ")}).` +
      (p.coDesign.some((a) => a.migrantOrganisations.length)
        ? ` Migrant organisations involved: ${[...new Set(p.coDesign.flatMap((a) => a.migrantOrganisations))].join(", ")}.`
        : "")
    : null;
  const reviews = p.reviews.map((r) =>
    paragraphs(
      `Peer review (${r.endsOn.toISOString().slice(0, 10)})${r.reportSummary.trim() ? `: ${r.reportSummary.trim()}` : ""}`,
      r.recommendations.length ? `Recommendations:\n${r.recommendations.map((x) => `- ${x}`).join("\n")}` : null,
    ),
  );
  const scored = p.benchmarkProgress.filter((b) => b.overall !== null);
  const progress = scored.length
    ? `Benchmark self-assessment in the ${p.community.name} community (0-4): ${scored.map((b) => `${b.roundName} ${b.overall!.toFixed(2)}`).join(", ")}.`
    : null;
  return {
    organizationId: p.organization.id,
    communityId: p.community.id,
    pilotId: p.id,
    language: p.contentLanguage || "en",
    networkName: p.title,
    yearFounded: null,
    place: p.organization.cityName ?? p.organization.name,
    country: p.organization.country,
    coordination: p.organization.name,
    cooperationAgreement: "",
    members: "",
    fieldsOfIntervention: fieldsForTheme(p.community.theme),
    targetGroups: [...p.targetGroups],
    networkType: "CONSOLIDATE pilot",
    description: paragraphs(p.problemStatement, objectives, p.plannedActivities.trim() ? `Activities:\n${p.plannedActivities.trim()}` : null),
    resources: p.grantCapCents ? `CONSOLIDATE implementation grant of ${euros(p.grantCapCents)}.` : "",
    internalFacilitation: coDesign ?? "",
    externalCommunication: "",
    successFactors: "",
    challenges: "",
    evaluation: paragraphs(...reviews),
    sustainability: "",
    impact: progress ?? "",
    innovation: "",
    transferability: "",
    website: p.organization.website,
    contact: "",
  };
}
