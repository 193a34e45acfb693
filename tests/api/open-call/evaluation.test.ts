import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";
import { countStatements } from "../support/sql-counter.ts";
import { DECIDE, PUBLISH_RESULTS, RANKING, SCORE, applied, passDeadline, publishedCall, scoreInput } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
});
afterAll(() => app.close());

const manager = () => app.userByEmail("manager@citypeer.eu");
const APPLICATION = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) { ... on CallApplication { hasSubmittedOwnScore scores { score isMine evaluator { email } } status outcome } }
  }
`;

/** A call with three applications and two evaluators (the demo manager and a second project manager). */
async function evaluationSetup(places = 2) {
  const call = await publishedCall(app, { places });
  const brno = await applied(app, call, { city: "Brno" });
  const lyon = await applied(app, call, { city: "Lyon", country: "FR", languages: ["fr", "en"], theme: "housing" });
  const graz = await applied(app, call, { city: "Graz", country: "AT", languages: ["de"] });
  const second = await app.make.user({ roles: ["PROJECT_MANAGER"] });
  return { call, brno, lyon, graz, anna: await manager(), ben: second };
}

describe("independent evaluation", () => {
  it("hides the other evaluators' scores until the evaluator has submitted their own", async () => {
    const { call, brno, anna, ben } = await evaluationSetup();
    const first = await app.gql(anna, SCORE, { input: scoreInput(call, brno.id, [5, 4, 3]) });
    expect(first.data.scoreApplication.data.hasSubmittedOwnScore).toBe(true);

    // ben has not scored: he sees none of anna's scores, and no place in the ranking for Brno
    const hidden = await app.gql(ben, APPLICATION, { id: brno.id });
    expect(hidden.data.node).toMatchObject({ hasSubmittedOwnScore: false, scores: [] });
    const rankingForBen = await app.gql(ben, RANKING, { callId: call.id });
    expect(rankingForBen.data.callRanking.find((r: any) => r.application.id === brno.id)).toMatchObject({ isScoreHidden: true, rank: null, weightedScore: null });

    // once ben has scored, he sees both
    await app.gql(ben, SCORE, { input: scoreInput(call, brno.id, [2, 3, 4]) });
    const visible = await app.gql(ben, APPLICATION, { id: brno.id });
    expect(visible.data.node.hasSubmittedOwnScore).toBe(true);
    expect(visible.data.node.scores).toHaveLength(6);
    expect(visible.data.node.scores.filter((s: any) => s.isMine)).toHaveLength(3);

    // scores can change until the results are out; each save is audited
    await app.gql(anna, SCORE, { input: scoreInput(call, brno.id, [4, 4, 4]) });
    const audit = await app.prisma.auditEntry.findMany({ where: { entityId: brno.rawId, action: "call.application_scored" }, orderBy: { seq: "asc" } });
    expect(audit).toHaveLength(3);
    expect(audit[2]!.before).toMatchObject({ evaluatorId: anna.id });
  });

  it("refuses an incomplete or foreign set of scores on the scores field, and writes nothing", async () => {
    const { call, brno, anna } = await evaluationSetup();
    const before = await app.prisma.applicationScore.count();
    const partial = await app.gql(anna, SCORE, { input: { applicationId: brno.id, scores: [{ criterionId: call.criteria[0].id, score: 3 }] } });
    expect(partial.data.scoreApplication.issues.map((i: any) => [i.path.join("."), i.code])).toEqual([
      ["scores", "criterion_missing"],
      ["scores", "criterion_missing"],
    ]);
    const outOfRange = await app.gql(anna, SCORE, { input: scoreInput(call, brno.id, [6, 4, 3]) });
    expect(outOfRange.data.scoreApplication.issues).toEqual([{ path: ["scores", "0", "score"], code: "too_big" }]);
    expect(await app.prisma.applicationScore.count()).toBe(before);
  });

  it("refuses scores from anyone outside the project team", async () => {
    const { call, brno } = await evaluationSetup();
    const before = await app.prisma.applicationScore.count();
    for (const email of ["reviewer.athens@citypeer.eu", "mentor.vienna@citypeer.eu", "officer.milan@citypeer.eu"]) {
      const res = await app.gql(await app.userByEmail(email), SCORE, { input: scoreInput(call, brno.id, [1, 1, 1]) });
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    // the applicant city itself cannot score, nor see the project team's working status
    const contact = await app.prisma.user.findUniqueOrThrow({ where: { id: brno.contactUserId } });
    expect((await app.gql(contact, SCORE, { input: scoreInput(call, brno.id, [5, 5, 5]) })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await app.gql(contact, APPLICATION, { id: brno.id })).data.node).toMatchObject({ scores: null, status: null, outcome: null });
    expect(await app.prisma.applicationScore.count()).toBe(before);
  });
});

describe("ranking, selection and results", () => {
  it("ranks by the weighted scores, selects within the places and notifies every applicant when results are published", async () => {
    const { call, brno, lyon, graz, anna, ben } = await evaluationSetup(2);
    // weights 3, 2, 1: Brno anna (5,4,3)=4.33, ben (4,4,4)=4 -> 4.17; Lyon (3,3,3)=3, (5,1,1)=3 -> 3; Graz (2,2,2)=2, (1,2,5)=2 -> 2
    for (const [who, app_, scores] of [
      [anna, brno, [5, 4, 3]],
      [ben, brno, [4, 4, 4]],
      [anna, lyon, [3, 3, 3]],
      [ben, lyon, [5, 1, 1]],
      [anna, graz, [2, 2, 2]],
      [ben, graz, [1, 2, 5]],
    ] as const) {
      expect((await app.gql(who, SCORE, { input: scoreInput(call, app_.id, [...scores]) })).data.scoreApplication.__typename).toBe("MutationScoreApplicationSuccess");
    }
    const ranking = await app.gql(anna, RANKING, { callId: call.id });
    expect(ranking.errors).toBeUndefined();
    expect(ranking.data.callRanking.map((r: any) => [r.application.city.cityName, r.rank, r.weightedScore, r.evaluatorCount])).toEqual([
      ["Brno", 1, 4.17, 2],
      ["Lyon", 2, 3, 2],
      ["Graz", 3, 2, 2],
    ]);

    // two places: the third selection is refused
    expect((await app.gql(anna, DECIDE, { input: { applicationId: brno.id, decision: "SELECTED" } })).data.decideApplication.data.status).toBe("SELECTED");
    expect((await app.gql(anna, DECIDE, { input: { applicationId: lyon.id, decision: "SELECTED" } })).data.decideApplication.data.status).toBe("SELECTED");
    const third = await app.gql(anna, DECIDE, { input: { applicationId: graz.id, decision: "SELECTED" } });
    expect(third.data.decideApplication).toEqual({ __typename: "ConflictError", code: "no_places_left" });
    expect((await app.prisma.callApplication.findUniqueOrThrow({ where: { id: graz.rawId } })).status).toBe("SUBMITTED");

    // nothing reaches the applicants before publication, and results wait for the deadline
    const lyonContact = await app.prisma.user.findUniqueOrThrow({ where: { id: lyon.contactUserId } });
    expect((await app.gql(lyonContact, APPLICATION, { id: lyon.id })).data.node).toMatchObject({ outcome: null, status: null });
    expect(await app.prisma.notification.count({ where: { kind: "call.results_published" } })).toBe(0);
    expect((await app.gql(anna, PUBLISH_RESULTS, { input: { callId: call.id } })).data.publishCallResults).toEqual({ __typename: "ConflictError", code: "deadline_not_passed" });

    await passDeadline(app, call.rawId);
    const published = await app.gql(anna, PUBLISH_RESULTS, { input: { callId: call.id } });
    expect(published.data.publishCallResults.data.status).toBe("RESULTS_PUBLISHED");
    expect((await app.prisma.callApplication.findUniqueOrThrow({ where: { id: graz.rawId } })).status).toBe("REJECTED");
    const notes = await app.prisma.notification.findMany({ where: { kind: "call.results_published" }, orderBy: { userId: "asc" } });
    const byUser = new Map(notes.map((n) => [n.userId, n.payload]));
    expect(byUser.get(brno.contactUserId)).toMatchObject({ call: call.title, result: "SELECTED" });
    expect(byUser.get(lyon.contactUserId)).toMatchObject({ result: "SELECTED" });
    expect(byUser.get(graz.contactUserId)).toMatchObject({ call: call.title, result: "NOT_SELECTED" });
    expect(notes).toHaveLength(3);
    expect((await app.gql(lyonContact, APPLICATION, { id: lyon.id })).data.node.outcome).toBe("SELECTED");
    const grazContact = await app.prisma.user.findUniqueOrThrow({ where: { id: graz.contactUserId } });
    expect((await app.gql(grazContact, APPLICATION, { id: graz.id })).data.node.outcome).toBe("NOT_SELECTED");

    // after publication decisions and scores are final
    expect((await app.gql(anna, DECIDE, { input: { applicationId: brno.id, decision: "REJECTED" } })).data.decideApplication.code).toBe("results_published");
    expect((await app.gql(anna, SCORE, { input: scoreInput(call, graz.id, [5, 5, 5]) })).data.scoreApplication.code).toBe("results_published");
    const actions = await app.prisma.auditEntry.findMany({ where: { entityId: call.rawId }, orderBy: { seq: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["call.created", "call.published", "call.results_published"]);
  });

  it("lets only project managers decide or publish", async () => {
    const { call, brno } = await evaluationSetup(1);
    const officer = await app.userByEmail("officer.ghent@citypeer.eu");
    expect((await app.gql(officer, DECIDE, { input: { applicationId: brno.id, decision: "SELECTED" } })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await app.gql(officer, PUBLISH_RESULTS, { input: { callId: call.id } })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await app.gql(officer, RANKING, { callId: call.id })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await app.prisma.callApplication.findUniqueOrThrow({ where: { id: brno.rawId } })).status).toBe("SUBMITTED");
    expect((await app.prisma.openCall.findUniqueOrThrow({ where: { id: call.rawId } })).status).toBe("PUBLISHED");
  });

  it("keeps the criteria once evaluators have scored", async () => {
    const { call, brno, anna } = await evaluationSetup();
    await app.gql(anna, SCORE, { input: scoreInput(call, brno.id, [1, 2, 3]) });
    const UPDATE = /* GraphQL */ `mutation ($input: UpdateOpenCallInput!) { updateOpenCall(input: $input) { __typename ... on ConflictError { code } ... on MutationUpdateOpenCallSuccess { data { places criteria { weight } } } } }`;
    const base = {
      callId: call.id,
      title: call.title,
      description: "Updated description",
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      places: 3,
      communityIds: call.communities.map((c: any) => Buffer.from(`Community:${c.id}`).toString("base64")),
    };
    const same = await app.gql(anna, UPDATE, { input: { ...base, criteria: call.criteria.map((c: any) => ({ title: c.title, weight: c.weight })) } });
    expect(same.data.updateOpenCall.data).toEqual({ places: 3, criteria: [{ weight: 3 }, { weight: 2 }, { weight: 1 }] });
    const changed = await app.gql(anna, UPDATE, { input: { ...base, criteria: [{ title: "Only one", weight: 1 }] } });
    expect(changed.data.updateOpenCall).toEqual({ __typename: "ConflictError", code: "evaluation_started" });
  });
});

describe("the ranking page", () => {
  it("reads the ranking with applications, scores and evaluators in the same number of statements whatever the data", async () => {
    const { call, brno, lyon, anna, ben } = await evaluationSetup();
    for (const a of [brno, lyon]) for (const who of [anna, ben]) await app.gql(who, SCORE, { input: scoreInput(call, a.id, [3, 3, 3]) });
    const cookie = await app.cookieFor(anna);
    const run = () => app.gql(null, RANKING, { callId: call.id }, { cookie });
    const small = await countStatements(app.db, run);
    expect(small.result.errors).toBeUndefined();

    const third = await app.make.user({ roles: ["PROJECT_MANAGER"] });
    for (const city of ["Linz", "Salzburg", "Bregenz", "Villach"]) {
      const a = await applied(app, call, { city, country: "AT" });
      for (const who of [anna, ben, third]) await app.gql(who, SCORE, { input: scoreInput(call, a.id, [4, 2, 1]) });
    }
    const large = await countStatements(app.db, run);
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data.callRanking).toHaveLength(7);
    expect(large.statements.length).toBe(small.statements.length);
  });

  it("lists a call's applications for the project team in the same number of statements whatever the data", async () => {
    const { call, anna } = await evaluationSetup();
    const LIST = /* GraphQL */ `
      query ($id: ID!) { openCall(id: $id) { applicationCount selectedCount applications { city { cityName } theme { name } contact { email } status hasSubmittedOwnScore scores { score criterion { title } } } } }
    `;
    const cookie = await app.cookieFor(anna);
    const run = () => app.gql(null, LIST, { id: call.id }, { cookie });
    const small = await countStatements(app.db, run);
    expect(small.result.errors).toBeUndefined();
    for (const city of ["Innsbruck", "Klagenfurt", "Wels"]) {
      const a = await applied(app, call, { city, country: "AT" });
      await app.gql(anna, SCORE, { input: scoreInput(call, a.id, [1, 2, 3]) });
    }
    const large = await countStatements(app.db, run);
    expect(large.result.data.openCall.applications).toHaveLength(6);
    expect(large.result.data.openCall.applicationCount).toBe(6);
    expect(large.statements.length).toBe(small.statements.length);
  });
});
