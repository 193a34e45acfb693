import { z } from "zod";
import type { FieldIssue } from "./errors.ts";
import { languageTagSchema } from "./languages.ts";

/*
 * The open call for outside cities (CONSOLIDATE: practitioners of the partner cities mentor cities outside the
 * project, chosen by open call), its evaluation, and the mentoring of the selected cities.
 */

export const CALL_STATUSES = ["DRAFT", "PUBLISHED", "CLOSED", "RESULTS_PUBLISHED"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const APPLICATION_STATUSES = ["SUBMITTED", "SELECTED", "REJECTED", "WITHDRAWN"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** What a project manager decides on one application; SUBMITTED takes a decision back before results are out. */
export const APPLICATION_DECISIONS = ["SELECTED", "REJECTED", "SUBMITTED"] as const;
export type ApplicationDecision = (typeof APPLICATION_DECISIONS)[number];
/** What an applicant learns once results are published (the web app translates these). */
export const APPLICATION_OUTCOMES = ["SELECTED", "NOT_SELECTED"] as const;
export type ApplicationOutcome = (typeof APPLICATION_OUTCOMES)[number];

/** Scores per criterion: 0 (not at all) to 5 (fully). */
export const MIN_SCORE = 0;
export const MAX_SCORE = 5;

const uuid = z.string().uuid();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).default("");
/** ISO 3166-1 alpha-2, stored upper-case. */
export const countryCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, "A two-letter country code such as DE")
  .transform((c) => c.toUpperCase());

const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

// ---------------------------------------------------------------------------------------------
// The call
// ---------------------------------------------------------------------------------------------

export const callCriterionSchema = z.object({
  title: text(200),
  description: optionalText(2000),
  /** Relative weight in the ranking: 1 to 10. */
  weight: z.number().int().min(1).max(10),
});
export type CallCriterionInput = z.infer<typeof callCriterionSchema>;

const callFields = {
  title: text(300),
  description: text(20_000),
  /** Who may apply (free text: the rules as the call document states them). */
  eligibility: optionalText(10_000),
  deadline: z.date(),
  /** How many cities can be mentored. */
  places: z.number().int().min(1).max(100),
  /** The themes = the communities of practice whose mentors take part. */
  communityIds: z.array(uuid).min(1).max(10).refine(unique, "A theme is listed twice"),
  criteria: z.array(callCriterionSchema).min(1).max(20),
};

export const createCallSchema = z.object(callFields);
export type CreateCall = z.infer<typeof createCallSchema>;

export const updateCallSchema = z.object({ callId: uuid, ...callFields });
export type UpdateCall = z.infer<typeof updateCallSchema>;

/** Whether the public form takes applications now: the call is published and its deadline has not passed. */
export function acceptsApplications(call: { status: CallStatus; deadline: Date }, now: Date): boolean {
  return call.status === "PUBLISHED" && now.getTime() < call.deadline.getTime();
}

/**
 * Why the public form refuses an application to this call, or null when it takes it. Stable codes the web
 * app translates: a call that is not open any more, or one whose deadline has passed.
 */
export function applicationWindowRefusal(call: { status: CallStatus; deadline: Date }, now: Date): "call_closed" | "deadline_passed" | null {
  if (call.status !== "PUBLISHED") return "call_closed";
  if (now.getTime() >= call.deadline.getTime()) return "deadline_passed";
  return null;
}

/** What can change on a call in each state: everything in a draft; no criteria once evaluators have scored. */
export function callEditConflict(status: CallStatus, hasScores: boolean, criteriaChanged: boolean): "results_published" | "evaluation_started" | null {
  if (status === "RESULTS_PUBLISHED") return "results_published";
  if (hasScores && criteriaChanged) return "evaluation_started";
  return null;
}

// ---------------------------------------------------------------------------------------------
// Applying (public)
// ---------------------------------------------------------------------------------------------

/**
 * The honeypot: a form field that people never see (hidden from sight and from assistive technology), so
 * only robots fill it in. A filled honeypot refuses the application.
 */
export const HONEYPOT_FIELD = "website";

/** At most this many applications from one client address per window (counted in the database). */
export const APPLY_RATE_LIMIT = { maxApplications: 5, windowMinutes: 60 } as const;

export const applyToCallSchema = z.object({
  callId: uuid,
  cityName: text(120),
  country: countryCodeSchema,
  contactName: text(200),
  contactEmail: z.string().trim().toLowerCase().email().max(320),
  communityId: uuid,
  currentSituation: text(5000),
  needs: text(5000),
  motivation: text(5000),
  workingLanguages: z.array(languageTagSchema).min(1).max(10).refine(unique, "A language is listed twice"),
});
export type ApplyToCall = z.infer<typeof applyToCallSchema>;

/** Why the public form refuses before looking at the content: a filled honeypot. */
export function honeypotFilled(value: string | null | undefined): boolean {
  return typeof value === "string" && value.trim() !== "";
}

/**
 * A city name compared across spellings: "Saint-Étienne", "saint etienne" and " SAINT  ETIENNE " are one city.
 * Accents, case, punctuation and repeated spaces do not matter.
 */
export function normalisedCityName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * The organisation key of an outside city: its country and normalised name. The unique slug makes
 * "the same city" a database fact, so two applications of one city to one call meet the unique
 * (call, organisation) index even when they race.
 */
export function outsideCitySlug(cityName: string, country: string): string {
  return `outside-${country.toLowerCase()}-${normalisedCityName(cityName).replace(/ /g, "-")}`;
}

/** Partner cities are in the project already; they do not apply to its open call. */
export function isPartnerCityName(cityName: string, country: string, partners: readonly { cityName: string | null; country: string }[]): boolean {
  const wanted = normalisedCityName(cityName);
  return partners.some((p) => p.cityName !== null && p.country === country && normalisedCityName(p.cityName) === wanted);
}

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

export const criterionScoreSchema = z.object({
  criterionId: uuid,
  score: z.number().int().min(MIN_SCORE).max(MAX_SCORE),
  comment: optionalText(2000),
});

export const scoreApplicationSchema = z.object({
  applicationId: uuid,
  scores: z.array(criterionScoreSchema).min(1).max(20),
});
export type ScoreApplication = z.infer<typeof scoreApplicationSchema>;

/**
 * An evaluator submits a score for every criterion of the call, each once: a partial evaluation would
 * weigh criteria differently from the other evaluators'. One issue per unknown, repeated or missing criterion.
 */
export function scoreIssues(criterionIds: readonly string[], scores: readonly { criterionId: string }[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = new Set(criterionIds);
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    if (!known.has(s.criterionId)) issues.push({ path: ["scores", String(i), "criterionId"], code: "criterion_not_in_call", message: "This criterion is not in the call" });
    else if (seen.has(s.criterionId)) issues.push({ path: ["scores", String(i), "criterionId"], code: "duplicate_criterion", message: "This criterion is scored twice" });
    seen.add(s.criterionId);
  });
  for (const id of criterionIds) {
    if (!seen.has(id)) issues.push({ path: ["scores"], code: "criterion_missing", message: `Score every criterion (missing ${id})` });
  }
  return issues;
}

type Score = { evaluatorId: string; criterionId: string; score: number };

/** Evaluators who scored every criterion of the call: only their scores count. */
export function completeEvaluators(criterionIds: readonly string[], scores: readonly Score[]): string[] {
  const byEvaluator = new Map<string, Set<string>>();
  for (const s of scores) byEvaluator.set(s.evaluatorId, (byEvaluator.get(s.evaluatorId) ?? new Set()).add(s.criterionId));
  return [...byEvaluator.entries()].filter(([, done]) => criterionIds.every((id) => done.has(id))).map(([id]) => id).sort();
}

/**
 * Peer-review independence: an evaluator sees the other evaluators' scores of an application only once
 * they have submitted their own for every criterion.
 */
export function canSeeOtherScores(evaluatorId: string, criterionIds: readonly string[], scores: readonly Score[]): boolean {
  return completeEvaluators(criterionIds, scores).includes(evaluatorId);
}

/**
 * An application's weighted score on the 0-5 scale: for each evaluator who scored every criterion,
 * Σ weight × score / Σ weight; then the mean over those evaluators. Null when nobody has finished.
 */
export function weightedApplicationScore(criteria: readonly { id: string; weight: number }[], scores: readonly Score[]): { score: number | null; evaluatorCount: number } {
  const ids = criteria.map((c) => c.id);
  const evaluators = completeEvaluators(ids, scores);
  if (evaluators.length === 0 || criteria.length === 0) return { score: null, evaluatorCount: 0 };
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  const perEvaluator = evaluators.map((evaluatorId) => {
    const mine = new Map(scores.filter((s) => s.evaluatorId === evaluatorId).map((s) => [s.criterionId, s.score]));
    return criteria.reduce((sum, c) => sum + c.weight * mine.get(c.id)!, 0) / totalWeight;
  });
  return { score: round2(perEvaluator.reduce((a, b) => a + b, 0) / perEvaluator.length), evaluatorCount: evaluators.length };
}

export type RankedApplication = { applicationId: string; score: number | null; evaluatorCount: number; rank: number | null };

/**
 * The ranking of a call: highest weighted score first; ties go to the application more evaluators scored,
 * then to the earlier one. Unscored applications come last, without a rank.
 */
export function rankApplications(
  criteria: readonly { id: string; weight: number }[],
  applications: readonly { id: string; submittedAt: Date; scores: readonly Score[] }[],
): RankedApplication[] {
  const scored = applications.map((a) => ({ ...weightedApplicationScore(criteria, a.scores), applicationId: a.id, submittedAt: a.submittedAt }));
  scored.sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) ||
      b.evaluatorCount - a.evaluatorCount ||
      a.submittedAt.getTime() - b.submittedAt.getTime() ||
      a.applicationId.localeCompare(b.applicationId),
  );
  let rank = 0;
  return scored.map((s) => ({ applicationId: s.applicationId, score: s.score, evaluatorCount: s.evaluatorCount, rank: s.score === null ? null : ++rank }));
}

export const decideApplicationSchema = z.object({ applicationId: uuid, decision: z.enum(APPLICATION_DECISIONS) });
export type DecideApplication = z.infer<typeof decideApplicationSchema>;

/** Selection respects the number of places of the call: selecting one more than `places` is refused. */
export function selectionConflict(decision: ApplicationDecision, currentStatus: ApplicationStatus, selectedCount: number, places: number): "no_places_left" | null {
  if (decision !== "SELECTED" || currentStatus === "SELECTED") return null;
  return selectedCount >= places ? "no_places_left" : null;
}

/** Nothing about results reaches applicants before publication; afterwards a selected city reads SELECTED, any other NOT_SELECTED. */
export function applicationOutcome(status: ApplicationStatus, resultsPublishedAt: Date | null): ApplicationOutcome | null {
  if (!resultsPublishedAt) return null;
  return status === "SELECTED" ? "SELECTED" : "NOT_SELECTED";
}

// ---------------------------------------------------------------------------------------------
// Mentoring
// ---------------------------------------------------------------------------------------------

export const MENTOR_REASONS = ["theme_match", "no_theme_match", "shared_language", "no_shared_language", "active_assignments"] as const;
export type MentorReasonCode = (typeof MENTOR_REASONS)[number];
export type MentorReason = { code: MentorReasonCode; value: string };

export type MentorCandidate = { id: string; name: string; themeIds: readonly string[]; workingLanguages: readonly string[]; activeAssignments: number };
export type MentorSuggestion = { mentorId: string; reasons: MentorReason[]; themeMatch: boolean; sharedLanguages: string[]; activeAssignments: number };

/** "pt-BR" and "pt" are one language for working together. */
const baseLanguage = (code: string) => code.split("-")[0]!.toLowerCase();

/**
 * Mentors for an application, best first: trained for the application's theme; then sharing a working
 * language with the city (one is enough to work together); then the fewest active assignments, so the load
 * spreads; then more shared languages; then by name. Each suggestion carries its reasons as stable codes
 * with values (the community's name, a language code, a count) the web app translates.
 */
export function rankMentors(
  candidates: readonly MentorCandidate[],
  application: { communityId: string; communityName?: string; workingLanguages: readonly string[] },
): MentorSuggestion[] {
  const theme = application.communityName ?? application.communityId;
  const wanted = new Set(application.workingLanguages.map(baseLanguage));
  const suggestions = candidates.map((c) => {
    const themeMatch = c.themeIds.includes(application.communityId);
    const sharedLanguages = [...new Set(c.workingLanguages.map(baseLanguage))].filter((l) => wanted.has(l)).sort();
    const reasons: MentorReason[] = [
      themeMatch ? { code: "theme_match", value: theme } : { code: "no_theme_match", value: theme },
      ...(sharedLanguages.length ? sharedLanguages.map((l) => ({ code: "shared_language" as const, value: l })) : [{ code: "no_shared_language" as const, value: "" }]),
      { code: "active_assignments", value: String(c.activeAssignments) },
    ];
    return { candidate: c, suggestion: { mentorId: c.id, reasons, themeMatch, sharedLanguages, activeAssignments: c.activeAssignments } };
  });
  suggestions.sort(
    (a, b) =>
      Number(b.suggestion.themeMatch) - Number(a.suggestion.themeMatch) ||
      Number(b.suggestion.sharedLanguages.length > 0) - Number(a.suggestion.sharedLanguages.length > 0) ||
      a.suggestion.activeAssignments - b.suggestion.activeAssignments ||
      b.suggestion.sharedLanguages.length - a.suggestion.sharedLanguages.length ||
      a.candidate.name.localeCompare(b.candidate.name) ||
      a.candidate.id.localeCompare(b.candidate.id),
  );
  return suggestions.map((s) => s.suggestion);
}

export const assignMentorSchema = z.object({ applicationId: uuid, mentorId: uuid });

// ---------------------------------------------------------------------------------------------
// Support plan
// ---------------------------------------------------------------------------------------------

export const ACTION_STATUSES = ["OPEN", "IN_PROGRESS", "DONE", "CANCELLED"] as const;
export const MENTORING_FORMATS = ["ON_SITE", "ONLINE", "PHONE"] as const;

export const supportPlanGoalsSchema = z.object({ assignmentId: uuid, goals: z.string().trim().max(10_000) });

/** One action of the plan (the plan is the assignment's: one each); without `actionId` it is a new one. */
export const supportActionSchema = z.object({
  assignmentId: uuid,
  actionId: uuid.nullable().optional(),
  title: text(300),
  /** Who does it: a person or a team, as the city names them. */
  owner: text(200),
  /** A calendar date (YYYY-MM-DD). */
  dueDate: z.iso.date().nullable().optional(),
  status: z.enum(ACTION_STATUSES).default("OPEN"),
});
export type SupportActionInput = z.infer<typeof supportActionSchema>;

export const deleteSupportActionSchema = z.object({ assignmentId: uuid, actionId: uuid });

/** One mentoring session; without `sessionId` it is a new one. */
export const mentoringSessionSchema = z.object({
  assignmentId: uuid,
  sessionId: uuid.nullable().optional(),
  date: z.date(),
  format: z.enum(MENTORING_FORMATS),
  notes: optionalText(20_000),
  followUps: optionalText(10_000),
});
export type MentoringSessionInput = z.infer<typeof mentoringSessionSchema>;

export const deleteMentoringSessionSchema = z.object({ assignmentId: uuid, sessionId: uuid });

/** The rated questions of the outcome survey, each 1 (not at all) to 5 (fully). */
export const OUTCOME_QUESTIONS = ["goalsAchieved", "mentorSupport", "peerExchange", "wouldRecommend"] as const;
const rating = z.number().int().min(1).max(5);

/**
 * The mentee city's outcome survey at the end of mentoring, stored as JSON on the plan. `version` lets
 * later surveys change their questions while old answers still read.
 */
export const outcomeSurveySchema = z.object({
  goalsAchieved: rating,
  mentorSupport: rating,
  peerExchange: rating,
  wouldRecommend: rating,
  /** What changed in the city thanks to the mentoring. */
  whatChanged: text(5000),
  /** What the project should do differently. */
  suggestions: optionalText(5000),
});
export type OutcomeSurvey = z.infer<typeof outcomeSurveySchema>;
export const OUTCOME_SURVEY_VERSION = 1;

/** The stored form of a survey: the answers and the version of the questions. */
export const storedOutcomeSurveySchema = outcomeSurveySchema.extend({ version: z.literal(OUTCOME_SURVEY_VERSION) });
export type StoredOutcomeSurvey = z.infer<typeof storedOutcomeSurveySchema>;

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
