import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { countStatements } from "../support/sql-counter.ts";
import { DECIDE, PUBLISH_RESULTS, applied, gid, passDeadline, publishedCall, rawId } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
});
afterAll(() => app.close());

const manager = () => app.userByEmail("manager@citypeer.eu");
const mentor = (city: string) => app.userByEmail(`mentor.${city}@citypeer.eu`);

const SUGGEST = /* GraphQL */ `
  query ($id: ID!) { suggestMentors(applicationId: $id) { mentor { email mentorThemes { slug } } themeMatch sharedLanguages activeAssignments reasons { code value } } }
`;
const ASSIGN = /* GraphQL */ `
  mutation ($input: AssignMentorInput!) {
    assignMentor(input: $input) {
      __typename
      ... on MutationAssignMentorSuccess { data { id status mentor { email } menteeCity { cityName } theme { slug } needs plan { goals actions { id } sessions { id } } } }
      ... on ConflictError { code }
      ... on InputError { issues { path code } }
    }
  }
`;
const PLAN = /* GraphQL */ `
  fragment Plan on SupportPlan {
    goals
    actions { id title owner dueDate status }
    sessions { id date format notes followUps }
    outcomeSurvey { goalsAchieved mentorSupport peerExchange wouldRecommend whatChanged suggestions }
  }
`;
const GOALS = /* GraphQL */ `
  mutation ($input: UpdateSupportPlanGoalsInput!) {
    updateSupportPlanGoals(input: $input) { __typename ... on MutationUpdateSupportPlanGoalsSuccess { data { ...Plan } } ... on ConflictError { code } }
  }
  ${PLAN}
`;
const SAVE_ACTION = /* GraphQL */ `
  mutation ($input: SaveSupportActionInput!) {
    saveSupportAction(input: $input) { __typename ... on MutationSaveSupportActionSuccess { data { ...Plan } } ... on InputError { issues { path code } } ... on NotFoundError { entity } }
  }
  ${PLAN}
`;
const DELETE_ACTION = /* GraphQL */ `
  mutation ($input: DeleteSupportActionInput!) { deleteSupportAction(input: $input) { __typename ... on MutationDeleteSupportActionSuccess { data { ...Plan } } } }
  ${PLAN}
`;
const SAVE_SESSION = /* GraphQL */ `
  mutation ($input: SaveMentoringSessionInput!) {
    saveMentoringSession(input: $input) { __typename ... on MutationSaveMentoringSessionSuccess { data { ...Plan } } ... on InputError { issues { path code } } }
  }
  ${PLAN}
`;
const SURVEY = /* GraphQL */ `
  mutation ($input: SubmitOutcomeSurveyInput!) {
    submitOutcomeSurvey(input: $input) {
      __typename
      ... on MutationSubmitOutcomeSurveySuccess { data { status endedAt plan { ...Plan surveySubmittedAt } } }
      ... on InputError { issues { path code } }
      ... on ConflictError { code }
    }
  }
  ${PLAN}
`;
const ASSIGNMENT = /* GraphQL */ `
  query ($id: ID!) { mentoringAssignment(id: $id) { status viewerCanEditPlan viewerCanSubmitSurvey plan { ...Plan } } }
  ${PLAN}
`;

/** A call whose results are out: the given cities applied under one-stop shops and were selected. */
async function selectedCities(cities: { city: string; country: string; languages: string[] }[]) {
  const call = await publishedCall(app, { places: cities.length + 1 });
  const applications = [];
  for (const c of cities) applications.push(await applied(app, call, { ...c, theme: "one-stop-shops" }));
  const m = await manager();
  for (const a of applications) await app.gql(m, DECIDE, { input: { applicationId: a.id, decision: "SELECTED" } });
  await passDeadline(app, call.rawId);
  await app.gql(m, PUBLISH_RESULTS, { input: { callId: call.id } });
  return applications;
}

async function assigned(application: { id: string }, mentorEmail: string) {
  const res = await app.gql(await manager(), ASSIGN, { input: { applicationId: application.id, mentorId: gid("User", (await app.userByEmail(mentorEmail)).id) } });
  if (res.data?.assignMentor?.__typename !== "MutationAssignMentorSuccess") throw new Error(JSON.stringify(res));
  return res.data.assignMentor.data;
}

describe("mentor suggestions and assignment", () => {
  it("suggests trained mentors who share a language and have time first, each with reasons, and assigns one", async () => {
    const [uppsala] = await selectedCities([{ city: "Uppsala", country: "SE", languages: ["sv", "en"] }]);
    const res = await app.gql(await manager(), SUGGEST, { id: uppsala!.id });
    expect(res.errors).toBeUndefined();
    const suggestions = res.data.suggestMentors;
    // one-stop shops: Gothenburg (sv, en) and Vienna (de, en) are trained for it; Dortmund and Ghent are not
    expect(suggestions.map((s: any) => s.mentor.email)).toEqual([
      "mentor.gothenburg@citypeer.eu",
      "mentor.vienna@citypeer.eu",
      "mentor.dortmund@citypeer.eu",
      "mentor.ghent@citypeer.eu",
    ]);
    expect(suggestions[0]).toMatchObject({ themeMatch: true, sharedLanguages: ["en", "sv"], activeAssignments: 0 });
    expect(suggestions[0].reasons).toEqual([
      { code: "theme_match", value: "One-stop shops" },
      { code: "shared_language", value: "en" },
      { code: "shared_language", value: "sv" },
      { code: "active_assignments", value: "0" },
    ]);
    expect(suggestions[2].reasons[0]).toEqual({ code: "no_theme_match", value: "One-stop shops" });

    const assignment = await assigned(uppsala!, "mentor.gothenburg@citypeer.eu");
    expect(assignment).toMatchObject({
      status: "ACTIVE",
      mentor: { email: "mentor.gothenburg@citypeer.eu" },
      menteeCity: { cityName: "Uppsala" },
      theme: { slug: "one-stop-shops" },
      plan: { goals: "", actions: [], sessions: [] },
    });
    expect(assignment.needs).toContain("one-stop shop");
    const notified = await app.prisma.notification.findMany({ where: { kind: "mentoring.assigned" } });
    expect(notified.map((n) => n.userId).sort()).toEqual([(await mentor("gothenburg")).id, uppsala!.contactUserId].sort());
    expect(notified[0]!.payload).toMatchObject({ mentor: "Gothenburg Mentor", city: "Uppsala" });
    expect(await app.prisma.auditEntry.count({ where: { entityId: rawId(assignment.id), action: "mentoring.assigned" } })).toBe(1);

    // the next city of the same theme: Gothenburg's load now puts Vienna first among the trained mentors who share a language
    const [malmo] = await selectedCities([{ city: "Malmö", country: "SE", languages: ["en"] }]);
    const next = await app.gql(await manager(), SUGGEST, { id: malmo!.id });
    expect(next.data.suggestMentors.slice(0, 2).map((s: any) => [s.mentor.email, s.activeAssignments])).toEqual([
      ["mentor.vienna@citypeer.eu", 0],
      ["mentor.gothenburg@citypeer.eu", 1],
    ]);
  });

  it("refuses an assignment before the results, for a city not selected, twice, or to someone who is not a mentor", async () => {
    const call = await publishedCall(app);
    const waiting = await applied(app, call, { city: "Tartu", country: "EE", languages: ["et", "en"] });
    const mentorId = gid("User", (await mentor("vienna")).id);
    await app.gql(await manager(), DECIDE, { input: { applicationId: waiting.id, decision: "SELECTED" } });
    const early = await app.gql(await manager(), ASSIGN, { input: { applicationId: waiting.id, mentorId } });
    expect(early.data.assignMentor).toEqual({ __typename: "ConflictError", code: "results_not_published" });

    const [riga, parnu] = await selectedCities([
      { city: "Riga", country: "LV", languages: ["lv", "en"] },
      { city: "Pärnu", country: "EE", languages: ["et"] },
    ]);
    await app.prisma.callApplication.update({ where: { id: parnu!.rawId }, data: { status: "REJECTED" } });
    expect((await app.gql(await manager(), ASSIGN, { input: { applicationId: parnu!.id, mentorId } })).data.assignMentor.code).toBe("not_selected");
    const officer = await app.userByEmail("officer.vienna@citypeer.eu");
    expect((await app.gql(await manager(), ASSIGN, { input: { applicationId: riga!.id, mentorId: gid("User", officer.id) } })).data.assignMentor.issues).toEqual([
      { path: ["mentorId"], code: "not_a_mentor" },
    ]);
    expect((await app.gql(officer, ASSIGN, { input: { applicationId: riga!.id, mentorId } })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await app.prisma.mentoringAssignment.count({ where: { applicationId: riga!.rawId } })).toBe(0);
    await assigned(riga!, "mentor.vienna@citypeer.eu");
    expect((await app.gql(await manager(), ASSIGN, { input: { applicationId: riga!.id, mentorId } })).data.assignMentor.code).toBe("already_assigned");
  });
});

describe("the support plan", () => {
  it("is kept by the mentor and a mentee contact, refused to another mentor and another city, and closed by the outcome survey", async () => {
    const [tampere] = await selectedCities([{ city: "Tampere", country: "FI", languages: ["fi", "en"] }]);
    const assignment = await assigned(tampere!, "mentor.vienna@citypeer.eu");
    const assignmentId = assignment.id;
    const vienna = await mentor("vienna");
    const contact = await app.prisma.user.findUniqueOrThrow({ where: { id: tampere!.contactUserId } });

    // the mentor writes the goals and an action
    const goals = await app.gql(vienna, GOALS, { input: { assignmentId, goals: "Open a one-stop shop for newcomers by spring." } });
    expect(goals.data.updateSupportPlanGoals.data.goals).toBe("Open a one-stop shop for newcomers by spring.");
    const added = await app.gql(vienna, SAVE_ACTION, { input: { assignmentId, title: "Map the offices newcomers visit", owner: "Tampere integration unit", dueDate: "2026-09-30" } });
    const action = added.data.saveSupportAction.data.actions[0];
    expect(action).toMatchObject({ title: "Map the offices newcomers visit", owner: "Tampere integration unit", dueDate: "2026-09-30", status: "OPEN" });

    // the mentee contact moves it on, adds another and records a session
    const moved = await app.gql(contact, SAVE_ACTION, { input: { assignmentId, actionId: action.id, title: action.title, owner: action.owner, dueDate: "2026-10-15", status: "IN_PROGRESS" } });
    expect(moved.data.saveSupportAction.data.actions[0]).toMatchObject({ id: action.id, dueDate: "2026-10-15", status: "IN_PROGRESS" });
    const second = await app.gql(contact, SAVE_ACTION, { input: { assignmentId, title: "Agree a shared intake form", owner: "Job centre" } });
    expect(second.data.saveSupportAction.data.actions.map((a: any) => a.title)).toEqual(["Map the offices newcomers visit", "Agree a shared intake form"]);
    const session = await app.gql(contact, SAVE_SESSION, {
      input: { assignmentId, date: "2026-06-03T09:00:00.000Z", format: "ONLINE", notes: "Vienna showed its intake desk.", followUps: "Send the intake form template." },
    });
    expect(session.data.saveMentoringSession.data.sessions).toEqual([
      { id: expect.any(String), date: "2026-06-03T09:00:00.000Z", format: "ONLINE", notes: "Vienna showed its intake desk.", followUps: "Send the intake form template." },
    ]);
    const sessionId = session.data.saveMentoringSession.data.sessions[0].id;
    const edited = await app.gql(vienna, SAVE_SESSION, { input: { assignmentId, sessionId, date: "2026-06-03T09:00:00.000Z", format: "ON_SITE", notes: "On site in Tampere." } });
    expect(edited.data.saveMentoringSession.data.sessions).toMatchObject([{ id: sessionId, format: "ON_SITE", notes: "On site in Tampere.", followUps: "" }]);
    const removed = await app.gql(vienna, DELETE_ACTION, { input: { assignmentId, actionId: second.data.saveSupportAction.data.actions[1].id } });
    expect(removed.data.deleteSupportAction.data.actions).toHaveLength(1);
    const invalid = await app.gql(vienna, SAVE_ACTION, { input: { assignmentId, title: " ", owner: "x", dueDate: "30/09/2026" } });
    expect(invalid.data.saveSupportAction.issues.map((i: any) => i.path.join("."))).toEqual(["title", "dueDate"]);

    // another mentor, another city's officer, a reviewer: refused, and nothing changes
    const before = await app.gql(vienna, ASSIGNMENT, { id: assignmentId });
    const otherCity = await app.userByEmail("officer.ghent@citypeer.eu");
    for (const stranger of [await mentor("ghent"), otherCity, await app.userByEmail("reviewer.athens@citypeer.eu")]) {
      expect((await app.gql(stranger, GOALS, { input: { assignmentId, goals: "hijacked" } })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await app.gql(stranger, SAVE_ACTION, { input: { assignmentId, title: "x", owner: "y" } })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await app.gql(stranger, ASSIGNMENT, { id: assignmentId })).data.mentoringAssignment).toBeNull();
    }
    expect((await app.gql(vienna, ASSIGNMENT, { id: assignmentId })).data).toEqual(before.data);
    // the project team sees every plan, but does not write in it
    expect((await app.gql(await manager(), ASSIGNMENT, { id: assignmentId })).data.mentoringAssignment.plan.goals).toBe("Open a one-stop shop for newcomers by spring.");
    expect((await app.gql(await manager(), GOALS, { input: { assignmentId, goals: "x" } })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(before.data.mentoringAssignment).toMatchObject({ viewerCanEditPlan: true, viewerCanSubmitSurvey: false });

    // the survey: only the mentee city, validated, then the mentoring is complete
    const answers = { assignmentId, goalsAchieved: 4, mentorSupport: 5, peerExchange: 4, wouldRecommend: 5, whatChanged: "One intake desk with the job centre.", suggestions: "More on-site visits." };
    expect((await app.gql(vienna, SURVEY, { input: answers })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const bad = await app.gql(contact, SURVEY, { input: { ...answers, mentorSupport: 7, whatChanged: "" } });
    expect(bad.data.submitOutcomeSurvey.issues.map((i: any) => [i.path.join("."), i.code])).toEqual([
      ["mentorSupport", "too_big"],
      ["whatChanged", "too_small"],
    ]);
    const done = await app.gql(contact, SURVEY, { input: answers });
    expect(done.data.submitOutcomeSurvey.data).toMatchObject({
      status: "COMPLETED",
      plan: { outcomeSurvey: { goalsAchieved: 4, mentorSupport: 5, peerExchange: 4, wouldRecommend: 5, whatChanged: "One intake desk with the job centre.", suggestions: "More on-site visits." } },
    });
    const stored = await app.prisma.supportPlan.findFirstOrThrow({ where: { assignmentId: rawId(assignmentId) } });
    expect(stored.outcomeSurvey).toMatchObject({ version: 1, goalsAchieved: 4 });
    expect((await app.gql(contact, SURVEY, { input: answers })).data.submitOutcomeSurvey.code).toBe("mentoring_ended");
    expect((await app.gql(vienna, GOALS, { input: { assignmentId, goals: "later" } })).data.updateSupportPlanGoals).toEqual({ __typename: "ConflictError", code: "mentoring_ended" });
    const audit = await app.prisma.auditEntry.findMany({ where: { entityId: rawId(assignmentId) }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "mentoring.assigned",
      "support_plan.goals_changed",
      "support_plan.action_added",
      "support_plan.action_changed",
      "support_plan.action_added",
      "support_plan.session_added",
      "support_plan.session_changed",
      "support_plan.action_removed",
      "mentoring.completed",
    ]);
  });
});

describe("the mentoring pages", () => {
  const LOADS = /* GraphQL */ `{ mentorLoads { mentor { email workingLanguages mentorThemes { name } } activeAssignments completedAssignments } }`;
  const LIST = /* GraphQL */ `
    query { mentoringAssignments { status mentor { name } menteeCity { cityName country } theme { name } callTitle needs menteeLanguages plan { goals actions { title } sessions { date } } } }
  `;

  it("shows each mentor's load, and lists assignments in the same number of statements whatever the data", async () => {
    const cookie = await app.cookieFor(await manager());
    const runLoads = () => app.gql(null, LOADS, {}, { cookie });
    const runList = () => app.gql(null, LIST, {}, { cookie });
    const smallLoads = await countStatements(app.db, runLoads);
    const smallList = await countStatements(app.db, runList);
    expect(smallLoads.result.errors).toBeUndefined();
    expect(smallList.result.errors).toBeUndefined();

    const cities = await selectedCities([
      { city: "Turku", country: "FI", languages: ["fi"] },
      { city: "Oulu", country: "FI", languages: ["fi"] },
      { city: "Espoo", country: "FI", languages: ["fi"] },
    ]);
    for (const [i, c] of cities.entries()) {
      const a = await assigned(c, i === 0 ? "mentor.dortmund@citypeer.eu" : "mentor.ghent@citypeer.eu");
      const mentorUser = await app.userByEmail(i === 0 ? "mentor.dortmund@citypeer.eu" : "mentor.ghent@citypeer.eu");
      await app.gql(mentorUser, SAVE_ACTION, { input: { assignmentId: a.id, title: `Action ${i}`, owner: "City" } });
      await app.gql(mentorUser, SAVE_SESSION, { input: { assignmentId: a.id, date: new Date().toISOString(), format: "PHONE" } });
    }
    const mentor4 = await app.make.user({ roles: ["MENTOR"] });
    await app.prisma.mentorTheme.create({ data: { userId: mentor4.id, communityId: (await app.prisma.community.findUniqueOrThrow({ where: { slug: "housing" } })).id } });

    const largeLoads = await countStatements(app.db, runLoads);
    const largeList = await countStatements(app.db, runList);
    expect(largeLoads.statements.length).toBe(smallLoads.statements.length);
    expect(largeList.statements.length).toBe(smallList.statements.length);
    const ghent = largeLoads.result.data.mentorLoads.find((l: any) => l.mentor.email === "mentor.ghent@citypeer.eu");
    expect(ghent).toMatchObject({ activeAssignments: 2, completedAssignments: 0, mentor: { mentorThemes: [{ name: "Local housing support" }] } });
    expect(largeList.result.data.mentoringAssignments.length).toBe(smallList.result.data.mentoringAssignments.length + 3);

    // a mentor lists only their own; the mentee city only its own
    const dortmund = await app.gql(await mentor("dortmund"), LIST);
    expect(dortmund.data.mentoringAssignments.map((a: any) => a.menteeCity.cityName)).toEqual(["Turku"]);
    const oulu = await app.prisma.user.findUniqueOrThrow({ where: { id: cities[1]!.contactUserId } });
    expect((await app.gql(oulu, LIST)).data.mentoringAssignments.map((a: any) => a.menteeCity.cityName)).toEqual(["Oulu"]);
    expect((await app.gql(await mentor("dortmund"), LOADS)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
