import { describe, expect, it } from "vitest";
import { draftFromPilot, highlightSegments, practiceProfileSchema, publishIssues, searchText, type PilotForPractice } from "./practices.ts";

describe("search words", () => {
  it.each([
    ["one-stop shop", '"one stop" shop'],
    ["one-stop-shops", '"one stop shops"'],
    ["one‑stop shop", '"one stop" shop'],
    ["  volunteers  ", "volunteers"],
    ["housing -emergency", "housing -emergency"],
    ["housing -one-stop", 'housing -"one stop"'],
    ['"one-stop shop" Dortmund', '"one stop shop" Dortmund'],
  ])("%j reads as %j", (query, expected) => {
    expect(searchText(query)).toBe(expected);
  });
});

describe("highlights", () => {
  it("cuts ts_headline's marks into text segments and joins a hyphenated match", () => {
    expect(highlightSegments("welcome offices are \u0002one\u0003-\u0002stop\u0003 \u0002shops\u0003 for migrants")).toEqual([
      { text: "welcome offices are ", isMatch: false },
      { text: "one-stop shops", isMatch: true },
      { text: " for migrants", isMatch: false },
    ]);
    expect(highlightSegments("no match here")).toEqual([{ text: "no match here", isMatch: false }]);
    expect(highlightSegments("\u0002Volunteers\u0003")).toEqual([{ text: "Volunteers", isMatch: true }]);
  });
});

describe("the profile form", () => {
  it("fills defaults and refuses unsafe links on their field", () => {
    const ok = practiceProfileSchema.parse({ networkName: " Welcome offices ", country: "de", website: "" });
    expect(ok).toMatchObject({ networkName: "Welcome offices", country: "DE", website: null, fieldsOfIntervention: [], language: "en", organizationId: null });
    const bad = practiceProfileSchema.safeParse({ networkName: "X", country: "DE", website: "javascript:alert(1)" });
    expect(bad.error!.issues[0]!.path).toEqual(["website"]);
  });

  it("needs a name, a place, a description and a field before publishing", () => {
    expect(publishIssues({ networkName: "X", place: "Y", description: "Z", fieldsOfIntervention: ["HOUSING"] })).toEqual([]);
    expect(publishIssues({ networkName: "X", place: " ", description: "", fieldsOfIntervention: [] }).map((i) => i.path[0])).toEqual([
      "place",
      "description",
      "fieldsOfIntervention",
    ]);
  });
});

describe("a draft from a completed pilot", () => {
  const [P, O, C] = ["6f0c4a5e-1d2b-4c3a-9e8f-7a6b5c4d3e21", "6f0c4a5e-1d2b-4c3a-9e8f-7a6b5c4d3e22", "6f0c4a5e-1d2b-4c3a-9e8f-7a6b5c4d3e23"];
  const pilot: PilotForPractice = {
    id: P,
    title: "Ghent: one desk for housing",
    problemStatement: "Newcomers visit five offices before they find a flat.",
    plannedActivities: "A shared intake desk with the social housing company.",
    targetGroups: ["REFUGEES", "FAMILIES"],
    contentLanguage: "en",
    organization: { id: O, name: "Stad Gent", cityName: "Ghent", country: "BE", website: null },
    community: { id: C, theme: "HOUSING", name: "Local housing support" },
    objectives: ["Halve the time to a first lease"],
    coDesign: [{ format: "FOCUS_GROUP", participantCount: 12, migrantOrganisations: ["Refugee Council"] }],
    grantCapCents: 3_000_000,
    reviews: [],
    benchmarkProgress: [],
  };

  it("prefills what the pilot records and leaves the rest empty", () => {
    const draft = draftFromPilot(pilot);
    expect(draft).toMatchObject({
      networkName: "Ghent: one desk for housing",
      organizationId: O,
      communityId: C,
      pilotId: P,
      place: "Ghent",
      country: "BE",
      fieldsOfIntervention: ["HOUSING"],
      targetGroups: ["REFUGEES", "FAMILIES"],
      resources: "CONSOLIDATE implementation grant of EUR 30,000.",
      evaluation: "",
      impact: "",
      successFactors: "",
    });
    expect(draft.description).toBe(
      "Newcomers visit five offices before they find a flat.\n\nObjectives:\n- Halve the time to a first lease\n\nActivities:\nA shared intake desk with the social housing company.",
    );
    expect(draft.internalFacilitation).toBe("Co-designed with migrants: 1 activity (focus group, 12 participants). Migrant organisations involved: Refugee Council.");
    expect(practiceProfileSchema.safeParse(draft).success).toBe(true);
  });

  it("adds peer-review findings and benchmark progress when they exist", () => {
    const draft = draftFromPilot({
      ...pilot,
      reviews: [{ endsOn: new Date("2026-03-12"), reportSummary: "Strong partnership.", recommendations: ["Add a Pashto interpreter"] }],
      benchmarkProgress: [{ roundName: "Baseline", overall: 1.5 }, { roundName: "Final", overall: 2.75 }, { roundName: "Mid-term", overall: null }],
    });
    expect(draft.evaluation).toBe("Peer review (2026-03-12): Strong partnership.\n\nRecommendations:\n- Add a Pashto interpreter");
    expect(draft.impact).toBe("Benchmark self-assessment in the Local housing support community (0-4): Baseline 1.50, Final 2.75.");
  });
});
