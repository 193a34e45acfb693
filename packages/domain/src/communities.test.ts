import { describe, expect, it } from "vitest";
import {
  addResourceSchema,
  attendanceIssues,
  coordinatorIssues,
  coordinatorsSchema,
  createSessionSchema,
  isPastSession,
  membershipRequestConflict,
  resourceIssues,
  sessionIssues,
  slugFromName,
  type SessionShape,
} from "./communities.ts";

const at = (hour: number) => new Date(Date.UTC(2026, 2, 10, hour));
const UUID = "6f0c4a5e-1d2b-4c3a-9e8f-7a6b5c4d3e2f";

describe("session rules", () => {
  const meeting: SessionShape = { communityId: UUID, kind: "MEETING", topic: null, startsAt: at(9), endsAt: at(11) };
  const training: SessionShape = { communityId: null, kind: "TRAINING", topic: "NEWCOMER_DATA", startsAt: at(9), endsAt: at(11) };

  it.each([
    ["a community meeting", meeting, []],
    ["a cross-cutting training", training, []],
    ["a community training with a topic", { ...meeting, kind: "TRAINING", topic: "NEWCOMER_DATA" }, []],
    ["an end before the start", { ...meeting, endsAt: at(8) }, [["endsAt", "ends_before_start"]]],
    ["an end equal to the start", { ...meeting, endsAt: at(9) }, [["endsAt", "ends_before_start"]]],
    ["a meeting for all communities", { ...training, kind: "MEETING", topic: null }, [["kind", "cross_cutting_is_training"], ["topic", "topic_required"]]],
    ["a cross-cutting training without topic", { ...training, topic: null }, [["topic", "topic_required"]]],
    ["a meeting with a topic", { ...meeting, topic: "EMERGENCY_TO_STRATEGY" }, [["topic", "topic_only_for_trainings"]]],
  ] as const)("%s", (_name, session, expected) => {
    expect(sessionIssues(session as SessionShape).map((i) => [i.path.join("."), i.code])).toEqual(expected);
  });

  it("parses form input: trims, turns blank optional fields into null, refuses unsafe links", () => {
    const base = { kind: "MEETING", title: "  Kick-off ", startsAt: at(9), endsAt: at(11) };
    const ok = createSessionSchema.parse({ ...base, location: " ", onlineUrl: "" });
    expect(ok).toMatchObject({ title: "Kick-off", description: "", location: null, onlineUrl: null });
    const bad = createSessionSchema.safeParse({ ...base, onlineUrl: "javascript:alert(1)" });
    expect(bad.error?.issues[0]?.path).toEqual(["onlineUrl"]);
  });
});

describe("resources", () => {
  it.each([
    [{ url: "https://eurocities.eu/report.pdf" }, []],
    [{ attachmentId: UUID }, []],
    [{}, [["url", "link_or_file_required"]]],
    [{ url: "https://eurocities.eu", attachmentId: UUID }, [["url", "link_or_file_not_both"]]],
  ])("%o gives %o", (resource, expected) => {
    expect(resourceIssues(resource).map((i) => [i.path.join("."), i.code])).toEqual(expected);
  });

  it.each(["en", "pt-BR", "sr-Latn"])("accepts the language %s", (language) => {
    expect(addResourceSchema.safeParse({ communityId: UUID, title: "T", type: "REPORT", language, url: "https://a.eu" }).success).toBe(true);
  });

  it.each(["english", "", "EN_us"])("refuses the language %o", (language) => {
    const result = addResourceSchema.safeParse({ communityId: UUID, title: "T", type: "REPORT", language, url: "https://a.eu" });
    expect(result.error?.issues[0]?.path).toEqual(["language"]);
  });
});

describe("attendance", () => {
  const session = { startsAt: at(9), endsAt: at(11) };
  it.each([
    ["REGISTERED", at(8), []],
    ["ATTENDED", at(8), ["session_not_started"]],
    ["EXCUSED", at(8), ["session_not_started"]],
    ["ATTENDED", at(10), []],
    ["EXCUSED", at(12), []],
    ["REGISTERED", at(9), ["session_started"]],
    ["REGISTERED", at(12), ["session_started"]],
  ] as const)("%s at %s gives %o", (status, now, codes) => {
    expect(attendanceIssues(status, session, now).map((i) => i.code)).toEqual(codes);
  });

  it("counts a session under way as upcoming until it ends", () => {
    expect(isPastSession(session, at(10))).toBe(false);
    expect(isPastSession(session, at(11))).toBe(true);
  });
});

describe("membership", () => {
  it.each([
    [null, null],
    ["DECLINED", null],
    ["REQUESTED", "already_requested"],
    ["ACTIVE", "already_member"],
  ] as const)("a city whose membership is %s asks to join: %s", (status, conflict) => {
    expect(membershipRequestConflict(status)).toBe(conflict);
  });

  it("refuses the same coordinator twice", () => {
    expect(coordinatorsSchema.safeParse({ communityId: UUID, userIds: [UUID, UUID] }).error?.issues[0]?.path).toEqual(["userIds"]);
  });
});

describe("coordinators", () => {
  const MEMBER_CITY = "11111111-1111-4111-8111-111111111111";
  const OTHER_CITY = "22222222-2222-4222-8222-222222222222";
  const people = [
    { id: "manager", roles: ["PROJECT_MANAGER"], organizationId: null, isActive: true },
    { id: "officer", roles: ["CITY_OFFICER"], organizationId: MEMBER_CITY, isActive: true },
    { id: "outsider", roles: ["CITY_OFFICER"], organizationId: OTHER_CITY, isActive: true },
    { id: "gone", roles: ["PROJECT_MANAGER"], organizationId: null, isActive: false },
  ];
  it.each([
    [["manager", "officer"], []],
    [["officer", "outsider"], [["userIds.1", "not_eligible"]]],
    [["gone", "nobody"], [["userIds.0", "not_found"], ["userIds.1", "not_found"]]],
    [[], []],
  ])("%o gives %o", (ids, expected) => {
    expect(coordinatorIssues(ids, people, new Set([MEMBER_CITY])).map((i) => [i.path.join("."), i.code])).toEqual(expected);
  });
});

describe("slugs", () => {
  it.each([
    ["Local housing support", "local-housing-support"],
    ["  Früh-Integration: Arbeitsmarkt! ", "fruh-integration-arbeitsmarkt"],
    ["السكن", ""],
  ])("%o -> %o", (name, slug) => {
    expect(slugFromName(name)).toBe(slug);
  });
});
