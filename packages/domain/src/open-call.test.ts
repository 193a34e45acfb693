import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applicationOutcome,
  applicationWindowRefusal,
  applyToCallSchema,
  callEditConflict,
  canSeeOtherScores,
  honeypotFilled,
  isPartnerCityName,
  normalisedCityName,
  outcomeSurveySchema,
  outsideCitySlug,
  rankApplications,
  rankMentors,
  scoreIssues,
  selectionConflict,
  weightedApplicationScore,
} from "./open-call.ts";

const at = (day: number) => new Date(Date.UTC(2026, 5, day));
const criteria = [
  { id: "relevance", weight: 3 },
  { id: "commitment", weight: 2 },
  { id: "feasibility", weight: 1 },
];
const scoresOf = (evaluatorId: string, [r, c, f]: number[]) => [
  { evaluatorId, criterionId: "relevance", score: r! },
  { evaluatorId, criterionId: "commitment", score: c! },
  { evaluatorId, criterionId: "feasibility", score: f! },
];

describe("the application window", () => {
  it.each([
    ["a published call before its deadline", "PUBLISHED", at(10), null],
    ["a published call at its deadline", "PUBLISHED", at(1), "deadline_passed"],
    ["a published call after its deadline", "PUBLISHED", at(0), "deadline_passed"],
    ["a draft", "DRAFT", at(10), "call_closed"],
    ["a call with published results", "RESULTS_PUBLISHED", at(10), "call_closed"],
  ] as const)("%s", (_name, status, deadline, expected) => {
    expect(applicationWindowRefusal({ status, deadline }, at(1))).toBe(expected);
  });

  it("refuses a filled honeypot, not an empty one", () => {
    expect(honeypotFilled("https://spam.example")).toBe(true);
    expect(honeypotFilled("  ")).toBe(false);
    expect(honeypotFilled(null)).toBe(false);
    expect(honeypotFilled(undefined)).toBe(false);
  });
});

describe("the same city", () => {
  it.each([
    ["Saint-Étienne", "saint etienne"],
    ["  SAINT   ETIENNE ", "saint etienne"],
    ["Gießen", "giessen"],
    ["Kraków", "krakow"],
    ["Cluj-Napoca", "cluj napoca"],
  ])("%s reads as %s", (name, expected) => {
    expect(normalisedCityName(name)).toBe(expected);
  });

  it("keys an outside city by country and normalised name", () => {
    expect(outsideCitySlug("Saint-Étienne", "FR")).toBe("outside-fr-saint-etienne");
    expect(outsideCitySlug("saint etienne", "FR")).toBe(outsideCitySlug("SAINT-ÉTIENNE", "FR"));
    expect(outsideCitySlug("Valencia", "ES")).not.toBe(outsideCitySlug("Valencia", "VE"));
  });

  it("recognises a partner city by name and country", () => {
    const partners = [{ cityName: "Gothenburg", country: "SE" }, { cityName: null, country: "BE" }];
    expect(isPartnerCityName(" gothenburg", "SE", partners)).toBe(true);
    expect(isPartnerCityName("Gothenburg", "US", partners)).toBe(false);
  });
});

describe("the application form", () => {
  const valid = {
    callId: "6f0c4a5e-1d2b-4c3a-9e8f-7a6b5c4d3e2f",
    cityName: " Brno ",
    country: "cz",
    contactName: "Jana Nováková",
    contactEmail: "Jana@Brno.CZ",
    communityId: "6f0c4a5e-1d2b-4c3a-9e8f-7a6b5c4d3e2e",
    currentSituation: "A first reception office",
    needs: "A one-stop shop",
    motivation: "Learn from partner cities",
    workingLanguages: ["cs", "EN", "pt-BR"],
  };
  it("trims and normalises", () => {
    expect(applyToCallSchema.parse(valid)).toMatchObject({ cityName: "Brno", country: "CZ", contactEmail: "jana@brno.cz", workingLanguages: ["cs", "en", "pt-BR"] });
  });
  it.each([
    ["an e-mail address that is not one", { contactEmail: "jana" }, "contactEmail"],
    ["a country that is not a code", { country: "Czechia" }, "country"],
    ["no working language", { workingLanguages: [] }, "workingLanguages"],
    ["a blank motivation", { motivation: "  " }, "motivation"],
  ])("refuses %s on its field", (_name, change, field) => {
    const result = applyToCallSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path[0]).toBe(field);
  });
});

describe("evaluation", () => {
  it("needs every criterion once", () => {
    const ids = criteria.map((c) => c.id);
    expect(scoreIssues(ids, [{ criterionId: "relevance" }, { criterionId: "commitment" }, { criterionId: "feasibility" }])).toEqual([]);
    expect(scoreIssues(ids, [{ criterionId: "relevance" }, { criterionId: "relevance" }, { criterionId: "other" }]).map((i) => [i.path.join("."), i.code])).toEqual([
      ["scores.1.criterionId", "duplicate_criterion"],
      ["scores.2.criterionId", "criterion_not_in_call"],
      ["scores", "criterion_missing"],
      ["scores", "criterion_missing"],
    ]);
  });

  it("weights scores per evaluator and takes the mean over evaluators who finished", () => {
    // anna: (5*3 + 4*2 + 3*1) / 6 = 4.33; ben: (2*3 + 3*2 + 4*1) / 6 = 2.67; carla did not finish
    const scores = [...scoresOf("anna", [5, 4, 3]), ...scoresOf("ben", [2, 3, 4]), { evaluatorId: "carla", criterionId: "relevance", score: 0 }];
    expect(weightedApplicationScore(criteria, scores)).toEqual({ score: 3.5, evaluatorCount: 2 });
    expect(weightedApplicationScore(criteria, [])).toEqual({ score: null, evaluatorCount: 0 });
  });

  it("shows other evaluators' scores only to one who submitted all their own", () => {
    const ids = criteria.map((c) => c.id);
    const scores = [...scoresOf("anna", [5, 4, 3]), { evaluatorId: "ben", criterionId: "relevance", score: 2 }];
    expect(canSeeOtherScores("anna", ids, scores)).toBe(true);
    expect(canSeeOtherScores("ben", ids, scores)).toBe(false);
    expect(canSeeOtherScores("carla", ids, scores)).toBe(false);
  });

  it("ranks by weighted score, then by evaluator count, then by submission; unscored last without rank", () => {
    const ranking = rankApplications(criteria, [
      { id: "a", submittedAt: at(1), scores: scoresOf("anna", [2, 2, 2]) },
      { id: "b", submittedAt: at(2), scores: [...scoresOf("anna", [5, 5, 5]), ...scoresOf("ben", [3, 3, 3])] },
      { id: "c", submittedAt: at(3), scores: [] },
      { id: "d", submittedAt: at(4), scores: scoresOf("anna", [4, 4, 4]) },
      { id: "e", submittedAt: at(5), scores: [...scoresOf("anna", [4, 4, 4]), ...scoresOf("ben", [4, 4, 4])] },
    ]);
    expect(ranking.map((r) => [r.applicationId, r.rank, r.score])).toEqual([
      ["b", 1, 4],
      ["e", 2, 4],
      ["d", 3, 4],
      ["a", 4, 2],
      ["c", null, null],
    ]);
  });

  it("keeps every weighted score within 0-5", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 4 }), (rows) => {
        const scores = rows.flatMap((r, i) => scoresOf(`e${i}`, r));
        const { score } = weightedApplicationScore(criteria, scores);
        return score !== null && score >= 0 && score <= 5;
      }),
    );
  });
});

describe("selection and results", () => {
  it.each([
    ["selecting with a place left", "SELECTED", "SUBMITTED", 1, 2, null],
    ["selecting with every place taken", "SELECTED", "SUBMITTED", 2, 2, "no_places_left"],
    ["selecting one already selected", "SELECTED", "SELECTED", 2, 2, null],
    ["rejecting with every place taken", "REJECTED", "SUBMITTED", 2, 2, null],
  ] as const)("%s", (_name, decision, status, selected, places, expected) => {
    expect(selectionConflict(decision, status, selected, places)).toBe(expected);
  });

  it("tells applicants nothing before publication", () => {
    expect(applicationOutcome("SELECTED", null)).toBeNull();
    expect(applicationOutcome("SELECTED", at(1))).toBe("SELECTED");
    expect(applicationOutcome("REJECTED", at(1))).toBe("NOT_SELECTED");
  });

  it("keeps the criteria once evaluation started, and everything once results are out", () => {
    expect(callEditConflict("PUBLISHED", false, true)).toBeNull();
    expect(callEditConflict("PUBLISHED", true, false)).toBeNull();
    expect(callEditConflict("PUBLISHED", true, true)).toBe("evaluation_started");
    expect(callEditConflict("RESULTS_PUBLISHED", false, false)).toBe("results_published");
  });
});

describe("mentor suggestions", () => {
  const mentor = (id: string, themeIds: string[], workingLanguages: string[], activeAssignments = 0) => ({ id, name: id, themeIds, workingLanguages, activeAssignments });

  it("puts theme first, then a shared language, then the lighter load, each with reasons", () => {
    const ranked = rankMentors(
      [
        mentor("busy-theme-language", ["oss"], ["sv", "en"], 2),
        mentor("theme-language", ["oss"], ["de", "en"], 0),
        mentor("theme-only", ["oss"], ["nl"], 0),
        mentor("language-only", ["housing"], ["cs", "en"], 0),
      ],
      { communityId: "oss", communityName: "One-stop shops", workingLanguages: ["cs", "en-GB"] },
    );
    expect(ranked.map((r) => r.mentorId)).toEqual(["theme-language", "busy-theme-language", "theme-only", "language-only"]);
    expect(ranked[0]!.reasons).toEqual([
      { code: "theme_match", value: "One-stop shops" },
      { code: "shared_language", value: "en" },
      { code: "active_assignments", value: "0" },
    ]);
    expect(ranked[2]!.reasons.map((r) => r.code)).toEqual(["theme_match", "no_shared_language", "active_assignments"]);
    expect(ranked[3]!.reasons).toEqual([
      { code: "no_theme_match", value: "One-stop shops" },
      { code: "shared_language", value: "cs" },
      { code: "shared_language", value: "en" },
      { code: "active_assignments", value: "0" },
    ]);
  });
});

describe("outcome survey", () => {
  it("takes ratings 1-5 and a free text, and refuses anything else on its field", () => {
    const valid = { goalsAchieved: 4, mentorSupport: 5, peerExchange: 3, wouldRecommend: 5, whatChanged: "A joint intake desk" };
    expect(outcomeSurveySchema.parse(valid)).toEqual({ ...valid, suggestions: "" });
    const bad = outcomeSurveySchema.safeParse({ ...valid, mentorSupport: 6, whatChanged: " " });
    expect(bad.error!.issues.map((i) => i.path.join("."))).toEqual(["mentorSupport", "whatChanged"]);
  });
});
