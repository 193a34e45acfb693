import { z } from "zod";
import type { FieldIssue } from "./errors.ts";
import { languageTagSchema } from "./languages.ts";

/** Maturity levels: 0 (absent) to 4 (embedded and exemplary), as in Eurocities' integration benchmarking. */
export const MIN_LEVEL = 0;
export const MAX_LEVEL = 4;
export const LEVELS = [0, 1, 2, 3, 4] as const;

export const SUBMISSION_STATUSES = ["DRAFT", "SUBMITTED", "VALIDATED", "RETURNED"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

// ---------------------------------------------------------------------------------------------
// Submissions
// ---------------------------------------------------------------------------------------------

export const indicatorScoreInputSchema = z.object({
  indicatorId: z.string().uuid(),
  level: z.number().int().min(MIN_LEVEL).max(MAX_LEVEL).nullable(),
  evidenceText: z.string().max(10_000).default(""),
  evidenceLinks: z.array(z.string().trim().url().max(2000)).max(20).default([]),
  attachmentIds: z.array(z.string().uuid()).max(20).default([]),
});
export type IndicatorScoreInput = z.infer<typeof indicatorScoreInputSchema>;

/**
 * A draft save carries only what changed; `revision` guards against two tabs overwriting each other.
 * `contentLanguage` is the language the city writes its evidence and comment in (the texts are never
 * machine-altered); a new draft starts in the author's language.
 */
export const saveDraftSchema = z.object({
  roundId: z.string().uuid(),
  revision: z.number().int().min(0),
  contentLanguage: languageTagSchema.optional(),
  comment: z.string().max(10_000).optional(),
  scores: z.array(indicatorScoreInputSchema).max(200).default([]),
});
export type SaveDraft = z.infer<typeof saveDraftSchema>;

export const returnSubmissionSchema = z.object({ submissionId: z.string().uuid(), comment: z.string().trim().min(1).max(5000) });

/** Officers edit a draft or a returned submission; nothing else. */
export function isEditable(status: SubmissionStatus): boolean {
  return status === "DRAFT" || status === "RETURNED";
}

/** The allowed state changes of a submission, and who makes them. */
export const SUBMISSION_TRANSITIONS: Record<string, { from: SubmissionStatus[]; to: SubmissionStatus; by: "officer" | "manager" }> = {
  submit: { from: ["DRAFT", "RETURNED"], to: "SUBMITTED", by: "officer" },
  validate: { from: ["SUBMITTED"], to: "VALIDATED", by: "manager" },
  return: { from: ["SUBMITTED"], to: "RETURNED", by: "manager" },
};

export function canTransition(action: keyof typeof SUBMISSION_TRANSITIONS, status: SubmissionStatus): boolean {
  return SUBMISSION_TRANSITIONS[action]!.from.includes(status);
}

/** A submission can be submitted when every indicator of its framework has a level; returns the ones missing. */
export function unscoredIndicators(indicatorIds: readonly string[], scores: readonly { indicatorId: string; level: number | null }[]): string[] {
  const scored = new Set(scores.filter((s) => s.level !== null).map((s) => s.indicatorId));
  return indicatorIds.filter((id) => !scored.has(id));
}

/** Whether a round takes submissions from a city now: between opening and closing, or until the city's own extended deadline. */
export function acceptsSubmissions(round: { opensAt: Date; closesAt: Date }, now: Date, extendedUntil?: Date | null): boolean {
  const closes = extendedUntil && extendedUntil > round.closesAt ? extendedUntil : round.closesAt;
  return now >= round.opensAt && now < closes;
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

export type FrameworkShape = {
  dimensions: { id: string; code: string; indicators: { id: string; code: string; weight: number }[] }[];
};

export type CityScore = { overall: number | null; byDimension: Record<string, number | null>; byIndicator: Record<string, number | null> };

/**
 * Weighted maturity score on the 0-4 scale: the weighted mean of the levels, per dimension and overall.
 * Unscored indicators are left out (a draft's partial score), so null when nothing is scored.
 */
export function weightedScores(framework: FrameworkShape, levels: Record<string, number | null | undefined>): CityScore {
  const byIndicator: Record<string, number | null> = {};
  const byDimension: Record<string, number | null> = {};
  let total = 0;
  let totalWeight = 0;
  for (const d of framework.dimensions) {
    let sum = 0;
    let weight = 0;
    for (const i of d.indicators) {
      const level = levels[i.id];
      byIndicator[i.id] = level ?? null;
      if (level === null || level === undefined) continue;
      sum += level * i.weight;
      weight += i.weight;
    }
    byDimension[d.id] = weight > 0 ? round2(sum / weight) : null;
    total += sum;
    totalWeight += weight;
  }
  return { overall: totalWeight > 0 ? round2(total / totalWeight) : null, byDimension, byIndicator };
}

export type Spread = { n: number; min: number; q1: number; median: number; q3: number; max: number };

/** Median and quartiles by linear interpolation between order statistics (the common "type 7" definition). */
export function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    return round2(sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (h - lo));
  };
  return { n: sorted.length, min: sorted[0]!, q1: at(0.25), median: at(0.5), q3: at(0.75), max: sorted[sorted.length - 1]! };
}

export type LearnFromSuggestion = {
  indicatorId: string;
  myLevel: number;
  /** Peers above this city on the indicator, strongest first. */
  peers: { organizationId: string; level: number; gap: number }[];
  /** How much there is to learn: the best peer's level minus ours, times the indicator's weight. */
  priority: number;
};

/**
 * "Learn from": for each indicator where a city is weak (below the community median, or at level 2 or less
 * while someone does better), the member cities that score highest on it, ranked by the size of the gap
 * and the indicator's weight, so the city knows whom to ask first.
 */
export function learnFrom(
  framework: FrameworkShape,
  me: { organizationId: string; levels: Record<string, number | null | undefined> },
  peers: { organizationId: string; levels: Record<string, number | null | undefined> }[],
  maxPeersPerIndicator = 3,
): LearnFromSuggestion[] {
  const suggestions: LearnFromSuggestion[] = [];
  for (const d of framework.dimensions) {
    for (const indicator of d.indicators) {
      const myLevel = me.levels[indicator.id];
      if (myLevel === null || myLevel === undefined) continue;
      const others = peers
        .filter((p) => p.organizationId !== me.organizationId)
        .map((p) => ({ organizationId: p.organizationId, level: p.levels[indicator.id] }))
        .filter((p): p is { organizationId: string; level: number } => typeof p.level === "number");
      const median = spread([myLevel, ...others.map((o) => o.level)])?.median ?? myLevel;
      const weak = myLevel < median || myLevel <= 2;
      const better = others.filter((o) => o.level > myLevel).sort((a, b) => b.level - a.level || a.organizationId.localeCompare(b.organizationId));
      if (!weak || better.length === 0) continue;
      const top = better.slice(0, maxPeersPerIndicator).map((o) => ({ ...o, gap: o.level - myLevel }));
      suggestions.push({ indicatorId: indicator.id, myLevel, peers: top, priority: top[0]!.gap * indicator.weight });
    }
  }
  return suggestions.sort((a, b) => b.priority - a.priority || a.myLevel - b.myLevel || a.indicatorId.localeCompare(b.indicatorId));
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

// ---------------------------------------------------------------------------------------------
// Framework import and export
// ---------------------------------------------------------------------------------------------

/** One row per indicator; dimension columns repeat. The order is the order of the file. */
export const FRAMEWORK_CSV_COLUMNS = [
  "dimension_code",
  "dimension_title",
  "dimension_description",
  "indicator_code",
  "indicator_title",
  "guidance",
  "weight",
  "level_0",
  "level_1",
  "level_2",
  "level_3",
  "level_4",
] as const;

export const frameworkIndicatorSchema = z.object({
  code: z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9._-]+$/),
  title: z.string().trim().min(1).max(200),
  guidance: z.string().trim().max(5000).default(""),
  weight: z.number().int().min(1).max(10),
  levels: z.array(z.string().trim().min(1).max(2000)).length(5),
});

export const frameworkDimensionSchema = z.object({
  code: z.string().trim().min(1).max(20).regex(/^[A-Za-z0-9._-]+$/),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).default(""),
  indicators: z.array(frameworkIndicatorSchema).min(1).max(60),
});

export const frameworkContentSchema = z.object({
  title: z.string().trim().min(1).max(300),
  dimensions: z.array(frameworkDimensionSchema).min(1).max(20),
});
export type FrameworkContent = z.infer<typeof frameworkContentSchema>;

/** Codes must be unique: dimension codes within the framework, indicator codes across it. */
export function duplicateCodeIssues(content: FrameworkContent): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const dims = new Set<string>();
  const inds = new Set<string>();
  content.dimensions.forEach((d, di) => {
    if (dims.has(d.code)) issues.push({ path: ["dimensions", String(di), "code"], code: "duplicate_code", message: `Dimension code ${d.code} appears twice` });
    dims.add(d.code);
    d.indicators.forEach((i, ii) => {
      if (inds.has(i.code))
        issues.push({ path: ["dimensions", String(di), "indicators", String(ii), "code"], code: "duplicate_code", message: `Indicator code ${i.code} appears twice` });
      inds.add(i.code);
    });
  });
  return issues;
}

/** A problem in an imported file, named by row (1 = the header) and column. */
export type ImportIssue = { row: number; column: string; code: string; message: string };

/**
 * Reads framework rows (already split into cells, header first) into a framework, or reports every
 * problem with its row and column. Nothing is imported when any problem is found.
 */
export function frameworkFromRows(title: string, rows: string[][]): { content: FrameworkContent | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  for (const column of FRAMEWORK_CSV_COLUMNS) {
    if (!header.includes(column)) issues.push({ row: 1, column, code: "missing_column", message: `Column ${column} is missing` });
  }
  if (issues.length > 0) return { content: null, issues };
  if (rows.length < 2) return { content: null, issues: [{ row: 1, column: "", code: "no_rows", message: "The file has no indicators" }] };

  const col = (row: string[], name: (typeof FRAMEWORK_CSV_COLUMNS)[number]) => (row[header.indexOf(name)] ?? "").trim();
  const dimensions = new Map<string, { code: string; title: string; description: string; indicators: FrameworkContent["dimensions"][number]["indicators"] }>();
  const seenIndicators = new Map<string, number>();

  rows.slice(1).forEach((row, index) => {
    const rowNumber = index + 2;
    if (row.every((cell) => cell.trim() === "")) return;
    const problem = (column: string, code: string, message: string) => issues.push({ row: rowNumber, column, code, message });
    const dimCode = col(row, "dimension_code");
    const indCode = col(row, "indicator_code");
    if (!/^[A-Za-z0-9._-]{1,20}$/.test(dimCode)) problem("dimension_code", "invalid_code", "Use 1-20 letters, digits, dots, dashes or underscores");
    if (!col(row, "dimension_title")) problem("dimension_title", "required", "A dimension title is required");
    if (!/^[A-Za-z0-9._-]{1,20}$/.test(indCode)) problem("indicator_code", "invalid_code", "Use 1-20 letters, digits, dots, dashes or underscores");
    else if (seenIndicators.has(indCode)) problem("indicator_code", "duplicate_code", `Indicator ${indCode} also appears on row ${seenIndicators.get(indCode)}`);
    else seenIndicators.set(indCode, rowNumber);
    if (!col(row, "indicator_title")) problem("indicator_title", "required", "An indicator title is required");
    const weightText = col(row, "weight");
    const weight = Number(weightText);
    if (!/^\d+$/.test(weightText) || weight < 1 || weight > 10) problem("weight", "invalid_weight", "The weight must be a whole number from 1 to 10");
    const levels = LEVELS.map((l) => col(row, `level_${l}` as (typeof FRAMEWORK_CSV_COLUMNS)[number]));
    levels.forEach((text, l) => {
      if (!text) problem(`level_${l}`, "required", `The descriptor of level ${l} is required`);
    });

    let dimension = dimensions.get(dimCode);
    if (!dimension) {
      dimension = { code: dimCode, title: col(row, "dimension_title"), description: col(row, "dimension_description"), indicators: [] };
      dimensions.set(dimCode, dimension);
    } else if (col(row, "dimension_title") && dimension.title !== col(row, "dimension_title")) {
      problem("dimension_title", "inconsistent_dimension", `Dimension ${dimCode} has another title on an earlier row`);
    }
    dimension.indicators.push({ code: indCode, title: col(row, "indicator_title"), guidance: col(row, "guidance"), weight, levels });
  });

  if (issues.length > 0) return { content: null, issues };
  const parsed = frameworkContentSchema.safeParse({ title, dimensions: [...dimensions.values()] });
  if (!parsed.success) {
    return { content: null, issues: parsed.error.issues.map((i) => ({ row: 0, column: i.path.join("."), code: i.code, message: i.message })) };
  }
  return { content: parsed.data, issues: [] };
}

/** The rows of a framework's CSV export, header first (the same shape the import reads). */
export function frameworkToRows(content: FrameworkContent): string[][] {
  const rows: string[][] = [[...FRAMEWORK_CSV_COLUMNS]];
  for (const d of content.dimensions) {
    for (const i of d.indicators) {
      rows.push([d.code, d.title, d.description, i.code, i.title, i.guidance, String(i.weight), ...i.levels]);
    }
  }
  return rows;
}

export const roundSchema = z
  .object({
    communityId: z.string().uuid(),
    name: z.string().trim().min(1).max(200),
    kind: z.enum(["BASELINE", "MID_TERM", "FINAL", "OTHER"]),
    opensAt: z.coerce.date(),
    closesAt: z.coerce.date(),
  })
  .refine((r) => r.closesAt > r.opensAt, { path: ["closesAt"], message: "The round must close after it opens" });
