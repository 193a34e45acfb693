import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { proposeAssignment, type AssignmentPilot, type AssignmentReviewer } from "./review-assignment.ts";

const pilot = (id: string, org: string, languages = ["en"]): AssignmentPilot => ({ id, organizationId: org, languages });
const reviewer = (id: string, org: string, extra: Partial<AssignmentReviewer> = {}): AssignmentReviewer => ({
  id,
  organizationId: org,
  workingLanguages: ["en"],
  isCommunityMember: false,
  existingLoad: 0,
  ...extra,
});

describe("proposeAssignment", () => {
  it("gives every pilot its reviewers, never from the host city, with even load", () => {
    const pilots = [pilot("p1", "A"), pilot("p2", "B"), pilot("p3", "C"), pilot("p4", "D")];
    const reviewers = ["A", "B", "C", "D", "E", "F"].map((org) => reviewer(`r${org}`, org));
    const result = proposeAssignment(pilots, reviewers, 3);
    for (const p of result.pilots) {
      expect(p.missing).toBe(0);
      expect(p.reviewers).toHaveLength(3);
      const host = pilots.find((x) => x.id === p.pilotId)!.organizationId;
      expect(p.reviewers.every((r) => r.reviewerId !== `r${host}`)).toBe(true);
    }
    const loads = result.loads.map((l) => l.load);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1); // 12 reviews over 6 people: 2 each
  });

  it("prefers community members and shared languages when load allows", () => {
    const result = proposeAssignment([pilot("p1", "A", ["de", "en"])], [reviewer("r1", "B", { workingLanguages: ["fr"] }), reviewer("r2", "C", { isCommunityMember: true }), reviewer("r3", "D", { workingLanguages: ["de"] })], 2);
    expect(result.pilots[0]!.reviewers.map((r) => r.reviewerId).sort()).toEqual(["r2", "r3"]);
  });

  it("respects exclusions and reports what is missing", () => {
    const result = proposeAssignment([pilot("p1", "A")], [reviewer("r1", "A"), reviewer("r2", "B", { excludedPilotIds: ["p1"] }), reviewer("r3", "C")], 2);
    expect(result.pilots[0]).toMatchObject({ missing: 1, reviewers: [{ reviewerId: "r3" }] });
  });

  it("is deterministic", () => {
    const pilots = [pilot("p2", "B"), pilot("p1", "A")];
    const reviewers = [reviewer("r3", "C"), reviewer("r1", "A"), reviewer("r2", "B"), reviewer("r4", "D")];
    expect(proposeAssignment(pilots, reviewers, 2)).toEqual(proposeAssignment([...pilots].reverse(), [...reviewers].reverse(), 2));
  });

  it("never breaks a rule and balances load for any community (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 3, max: 10 }), fc.integer({ min: 2, max: 4 }), (nPilots, nReviewers, perPilot) => {
        const pilots = Array.from({ length: nPilots }, (_, i) => pilot(`p${i}`, `c${i}`));
        const reviewers = Array.from({ length: nReviewers }, (_, j) => reviewer(`r${j}`, `c${j % 8}`));
        const result = proposeAssignment(pilots, reviewers, perPilot);
        for (const p of result.pilots) {
          const host = pilots.find((x) => x.id === p.pilotId)!.organizationId;
          if (p.reviewers.some((r) => reviewers.find((x) => x.id === r.reviewerId)!.organizationId === host)) return false;
          if (new Set(p.reviewers.map((r) => r.reviewerId)).size !== p.reviewers.length) return false;
        }
        const loads = result.loads.map((l) => l.load);
        return Math.max(...loads) - Math.min(...loads) <= 1 || result.pilots.some((p) => p.missing > 0);
      }),
    );
  });
});
