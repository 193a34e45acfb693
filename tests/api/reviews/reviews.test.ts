import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewFeed } from "@citypeer/api/modules/reviews/calendar";
import { createTestApp, type TestApp } from "../support/app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
});
afterAll(() => app.close());

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
const raw = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1]!;
const manager = () => app.userByEmail("manager@citypeer.eu");
const user = (email: string) => app.userByEmail(email);
async function pilotOf(city: string) {
  const org = await app.prisma.organization.findUniqueOrThrow({ where: { slug: city } });
  const pilot = await app.prisma.pilot.findUniqueOrThrow({ where: { organizationId: org.id } });
  return { ...pilot, gid: gid("Pilot", pilot.id) };
}

const SUGGEST = /* GraphQL */ `
  query ($pilotId: ID!, $startsOn: Date!, $endsOn: Date!) {
    suggestReviewers(pilotId: $pilotId, startsOn: $startsOn, endsOn: $endsOn) {
      __typename
      ... on QuerySuggestReviewersSuccess { data { rank reviewer { id email organization { slug } } reasons { code value } } }
    }
  }
`;
const SCHEDULE = /* GraphQL */ `
  mutation ($input: ScheduleReviewInput!) {
    scheduleReview(input: $input) {
      __typename
      ... on MutationScheduleReviewSuccess { data { id status steps { kind dueDate } criteria { id code descriptors } assignments { reviewer { email } } } }
      ... on InputError { issues { path code message } }
    }
  }
`;
const SCORES = /* GraphQL */ `
  mutation ($input: SaveReviewScoresInput!) {
    saveReviewScores(input: $input) { __typename ... on InputError { issues { path code } } ... on ConflictError { code } }
  }
`;
const READ = /* GraphQL */ `
  query ($id: ID!) {
    review(id: $id) {
      status viewerCanSeeAllScores viewerHasSubmittedScores
      myScores { score }
      scores { score reviewer { email } }
      summary { code n mean min max }
      indicatorComparison { code selfLevel peerLevels peerMean }
      recommendations { id text priority answer { response reason } }
    }
  }
`;

let reviewId: string;
let criteria: { id: string; code: string }[];
const team = ["reviewer.vienna@citypeer.eu", "reviewer.lublin@citypeer.eu", "reviewer.ghent@citypeer.eu"];

describe("scheduling", () => {
  it("ranks eligible reviewers: community members first, never the host city, with reasons", async () => {
    const dortmund = await pilotOf("dortmund");
    const res = await app.gql(await manager(), SUGGEST, { pilotId: dortmund.gid, startsOn: "2027-03-01", endsOn: "2027-03-03" });
    const ranked = res.data.suggestReviewers.data;
    expect(ranked.length).toBe(8);
    expect(ranked.slice(0, 3).map((r: any) => r.reviewer.organization.slug).sort()).toEqual(["lublin", "milan", "vienna"]);
    expect(ranked[0].reasons.map((r: any) => r.code)).toContain("community_member");
    expect(ranked.every((r: any) => r.reviewer.organization.slug !== "dortmund")).toBe(true);
  });

  it("schedules a review with the method's steps and the default rubric, and notifies the reviewers", async () => {
    const dortmund = await pilotOf("dortmund");
    const ids = await Promise.all(team.map(async (e) => gid("User", (await user(e)).id)));
    const res = await app.gql(await manager(), SCHEDULE, { input: { pilotId: dortmund.gid, mode: "ON_SITE", startsOn: "2027-03-01", endsOn: "2027-03-03", agenda: "Day 1: job centre", reviewerIds: ids } });
    const review = res.data.scheduleReview.data;
    expect(review.steps.map((s: any) => s.kind)).toEqual(["SELF_REPORT", "DESK_REVIEW", "VISIT", "FEEDBACK_SESSION", "REPORT"]);
    expect(review.steps[0].dueDate).toBe("2027-02-01");
    expect(review.criteria.map((c: any) => c.code)).toEqual(["RELEVANCE", "INNOVATION", "FEASIBILITY", "CO_DESIGN", "SUSTAINABILITY", "TRANSFERABILITY"]);
    expect(review.criteria[0].descriptors).toHaveLength(5);
    reviewId = review.id;
    criteria = review.criteria;
    const vienna = await user(team[0]!);
    expect(await app.prisma.notification.count({ where: { userId: vienna.id, kind: "review.assigned" } })).toBe(1);
  });

  it("leaves out of the suggestions anyone booked on overlapping dates", async () => {
    const nantes = await pilotOf("nantes");
    const res = await app.gql(await manager(), SUGGEST, { pilotId: nantes.gid, startsOn: "2027-03-02", endsOn: "2027-03-02" });
    const emails = res.data.suggestReviewers.data.map((r: any) => r.reviewer.email);
    for (const booked of team) expect(emails).not.toContain(booked);
    expect(emails.length).toBe(8 - team.length - 1); // and not Nantes' own reviewer
  });

  it("refuses a reviewer booked on an overlapping review, one from the host city, and a non-reviewer, naming each, and writes nothing", async () => {
    const vienna = await pilotOf("vienna");
    const before = await app.prisma.peerReview.count();
    const ids = await Promise.all(["reviewer.lublin@citypeer.eu", "reviewer.vienna@citypeer.eu", "officer.milan@citypeer.eu"].map(async (e) => gid("User", (await user(e)).id)));
    const res = await app.gql(await manager(), SCHEDULE, { input: { pilotId: vienna.gid, mode: "ONLINE", startsOn: "2027-03-03", endsOn: "2027-03-04", reviewerIds: ids } });
    const issues = res.data.scheduleReview.issues;
    expect(issues.map((i: any) => [i.path.join("."), i.code])).toEqual([
      ["reviewerIds.0", "overlapping_review"],
      ["reviewerIds.1", "same_city"],
      ["reviewerIds.1", "overlapping_review"], // Vienna's reviewer is also on Dortmund's review
      ["reviewerIds.2", "not_a_reviewer"],
    ]);
    expect(issues[0].message).toBe("Lublin Reviewer is already booked on another review from 2027-03-01 to 2027-03-03");
    expect(await app.prisma.peerReview.count()).toBe(before);
  });

  it("keeps the rules when rescheduling", async () => {
    const vienna = await pilotOf("vienna");
    const ids = await Promise.all(["reviewer.athens@citypeer.eu", "reviewer.nantes@citypeer.eu"].map(async (e) => gid("User", (await user(e)).id)));
    const other = await app.gql(await manager(), SCHEDULE, { input: { pilotId: vienna.gid, mode: "ONLINE", startsOn: "2027-05-10", endsOn: "2027-05-11", reviewerIds: ids } });
    expect(other.data.scheduleReview.__typename).toBe("MutationScheduleReviewSuccess");
    const RESCHEDULE = `mutation ($input: RescheduleReviewInput!) { rescheduleReview(input: $input) { __typename ... on InputError { issues { code } } } }`;
    // moving Vienna's review is fine; moving Dortmund's onto a date its reviewers are free is fine too
    const moved = await app.gql(await manager(), RESCHEDULE, { input: { reviewId, startsOn: "2027-03-02", endsOn: "2027-03-04" } });
    expect(moved.data.rescheduleReview.__typename).toBe("MutationRescheduleReviewSuccess");
    // refusal: a reviewer of both (add athens to Dortmund's team, then move Dortmund's onto Vienna's dates)
    const SET = `mutation ($input: SetReviewersInput!) { setReviewReviewers(input: $input) { __typename ... on InputError { issues { code } } } }`;
    const withAthens = [...team.slice(0, 2), "reviewer.athens@citypeer.eu"];
    await app.gql(await manager(), SET, { input: { reviewId, reviewerIds: await Promise.all(withAthens.map(async (e) => gid("User", (await user(e)).id))) } });
    const clash = await app.gql(await manager(), RESCHEDULE, { input: { reviewId, startsOn: "2027-05-11", endsOn: "2027-05-12" } });
    expect(clash.data.rescheduleReview.issues.map((i: any) => i.code)).toEqual(["overlapping_review"]);
    const dates = await app.prisma.peerReview.findUniqueOrThrow({ where: { id: raw(reviewId) } });
    expect(dates.startsOn.toISOString().slice(0, 10)).toBe("2027-03-02");
    // restore the original team for the scoring tests
    await app.gql(await manager(), SET, { input: { reviewId, reviewerIds: await Promise.all(team.map(async (e) => gid("User", (await user(e)).id))) } });
  });

  it("lets only project managers schedule", async () => {
    const dortmund = await pilotOf("dortmund");
    const ids = await Promise.all(team.slice(0, 2).map(async (e) => gid("User", (await user(e)).id)));
    const res = await app.gql(await user("officer.dortmund@citypeer.eu"), SCHEDULE, { input: { pilotId: dortmund.gid, mode: "ONLINE", startsOn: "2027-09-01", endsOn: "2027-09-01", reviewerIds: ids } });
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("proposeReviewAssignment", () => {
  const PROPOSE = /* GraphQL */ `
    query ($c: ID!) { proposeReviewAssignment(communityId: $c, reviewersPerPilot: 3) { __typename ... on QueryProposeReviewAssignmentSuccess { data { cityName missing reviewers { reviewerId name reasons { code value } } } } } }
  `;
  it("gives every pilot of a community its reviewers, breaks no rule, balances load, and is deterministic", async () => {
    const community = await app.prisma.community.findUniqueOrThrow({ where: { slug: "housing" } });
    const first = await app.gql(await manager(), PROPOSE, { c: gid("Community", community.id) });
    const proposal = first.data.proposeReviewAssignment.data;
    expect(proposal).toHaveLength(4);
    const loads = new Map<string, number>();
    for (const p of proposal) {
      expect(p.missing).toBe(0);
      expect(p.reviewers).toHaveLength(3);
      for (const r of p.reviewers) {
        const reviewer = await app.prisma.user.findUniqueOrThrow({ where: { id: raw(r.reviewerId) }, include: { organization: true } });
        expect(reviewer.organization!.cityName).not.toBe(p.cityName);
        expect(reviewer.roles).toContain("PEER_REVIEWER");
        loads.set(r.reviewerId, (loads.get(r.reviewerId) ?? 0) + 1);
      }
    }
    // balance counts what each reviewer already has booked: total load differs by at most one
    const reviewers = await app.prisma.user.findMany({
      where: { roles: { has: "PEER_REVIEWER" } },
      include: { reviewAssignments: { where: { review: { status: { in: ["SCHEDULED", "IN_PROGRESS"] } } } } },
    });
    const totals = reviewers.map((r) => r.reviewAssignments.length + (loads.get(gid("User", r.id)) ?? 0));
    expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(1);
    const second = await app.gql(await manager(), PROPOSE, { c: gid("Community", community.id) });
    expect(second).toEqual(first);
  });
});

describe("independent scoring and the report", () => {
  const allScores = () => criteria.map((c, i) => ({ criterionId: c.id, score: 1 + (i % 5), comment: `on ${c.code}` }));

  it("hides the others' scores until a reviewer submits their own", async () => {
    const [a, b] = await Promise.all([user(team[0]!), user(team[1]!)]);
    await app.gql(a, SCORES, { input: { reviewId, scores: allScores().map((s) => ({ ...s, score: 4 })) } }); // a draft
    const aBefore = (await app.gql(a, READ, { id: reviewId })).data.review;
    expect(aBefore).toMatchObject({ viewerCanSeeAllScores: false, scores: null, summary: null, viewerHasSubmittedScores: false });
    expect(aBefore.myScores).toHaveLength(6);

    // b submits: b sees submitted scores only (a's draft stays hidden)
    const incomplete = await app.gql(b, SCORES, { input: { reviewId, scores: allScores().slice(0, 2), submit: true } });
    expect(incomplete.data.saveReviewScores.issues[0].code).toBe("score_required");
    await app.gql(b, SCORES, { input: { reviewId, scores: allScores().map((s) => ({ ...s, score: 2 })), submit: true } });
    const bAfter = (await app.gql(b, READ, { id: reviewId })).data.review;
    expect(bAfter.viewerCanSeeAllScores).toBe(true);
    expect(new Set(bAfter.scores.map((s: any) => s.reviewer.email))).toEqual(new Set([team[1]]));

    // a still sees nothing of b's until a submits
    expect((await app.gql(a, READ, { id: reviewId })).data.review.scores).toBeNull();
    await app.gql(a, SCORES, { input: { reviewId, scores: allScores().map((s) => ({ ...s, score: 4 })), submit: true } });
    const aAfter = (await app.gql(a, READ, { id: reviewId })).data.review;
    expect(aAfter.summary[0]).toMatchObject({ code: "RELEVANCE", n: 2, mean: 3, min: 2, max: 4 });

    // submitted scores are final
    const again = await app.gql(a, SCORES, { input: { reviewId, scores: allScores() } });
    expect(again.data.saveReviewScores).toEqual({ __typename: "ConflictError", code: "scores_submitted" });
    // someone not on the team cannot score
    const outsider = await app.gql(await user("reviewer.athens@citypeer.eu"), SCORES, { input: { reviewId, scores: allScores() } });
    expect(outsider.data.saveReviewScores).toEqual({ __typename: "ConflictError", code: "not_a_reviewer" });
  });

  it("shows the host city every score only after the review closes, and the host answers each recommendation", async () => {
    const host = await user("officer.dortmund@citypeer.eu");
    expect((await app.gql(host, READ, { id: reviewId })).data.review.scores).toBeNull();

    const ADD = `mutation ($input: AddRecommendationInput!) { addRecommendation(input: $input) { __typename ... on MutationAddRecommendationSuccess { data { id } } } }`;
    const r1 = await app.gql(await user(team[0]!), ADD, { input: { reviewId, text: "Involve migrant organisations in the steering group", priority: "HIGH" } });
    await app.gql(await manager(), ADD, { input: { reviewId, text: "Publish the skills data", priority: "LOW" } });
    const CLOSE = `mutation ($input: CloseReviewInput!) { closeReview(input: $input) { __typename } }`;
    expect((await app.gql(host, CLOSE, { input: { reviewId, reportSummary: "x" } })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await app.gql(await manager(), CLOSE, { input: { reviewId, reportSummary: "A strong, well co-designed pilot." } });

    const closed = (await app.gql(host, READ, { id: reviewId })).data.review;
    expect(closed.status).toBe("CLOSED");
    expect(closed.scores).toHaveLength(12);
    expect(closed.recommendations.map((r: any) => r.priority)).toEqual(["HIGH", "LOW"]);

    const ANSWER = `mutation ($input: AnswerRecommendationInput!) { answerRecommendation(input: $input) { __typename ... on MutationAnswerRecommendationSuccess { data { answer { response reason } } } ... on InputError { issues { path code } } } }`;
    const recId = r1.data.addRecommendation.data.id;
    const declinedWithoutReason = await app.gql(host, ANSWER, { input: { recommendationId: recId, response: "DECLINED" } });
    expect(declinedWithoutReason.data.answerRecommendation.issues[0].path).toEqual(["reason"]);
    const otherCity = await app.gql(await user("officer.ghent@citypeer.eu"), ANSWER, { input: { recommendationId: recId, response: "ACCEPTED" } });
    expect(otherCity.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const ok = await app.gql(host, ANSWER, { input: { recommendationId: recId, response: "IN_PROGRESS" } });
    expect(ok.data.answerRecommendation.data.answer).toEqual({ response: "IN_PROGRESS", reason: null });

    // the answer stays visible on the pilot, and an objective can cite the recommendation
    const dortmund = await pilotOf("dortmund");
    const UPDATE = `mutation ($input: UpdatePilotPlanInput!) { updatePilotPlan(input: $input) { __typename ... on InputError { issues { path code } } } }`;
    const plan = {
      pilotId: dortmund.gid,
      title: "Dortmund: welcome to work",
      problemStatement: "Newcomers wait months for a first job offer.",
      plannedActivities: "Skills check in week one; employer speed dating.",
      contentLanguage: "en",
      targetGroups: ["REFUGEES", "EU_MOBILE_CITIZENS", "WOMEN"],
      objectives: [{ text: "A steering group with two migrant organisations", answersRecommendationId: recId }],
      coDesignActivities: [{ date: "2027-01-20", format: "WORKSHOP", participantCount: 18, migrantOrganisations: ["VMDO"] }],
      milestones: [{ title: "Steering group meets", dueDate: "2027-04-01", status: "PLANNED" }],
    };
    expect((await app.gql(await user("officer.ghent@citypeer.eu"), UPDATE, { input: plan })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await app.gql(host, UPDATE, { input: plan })).data.updatePilotPlan.__typename).toBe("MutationUpdatePilotPlanSuccess");
    const PILOT = `query ($id: ID!) { pilot(id: $id) { title targetGroups objectives { text answersRecommendation { text answer { response } } } reviews { status recommendations { text answer { response } } } coDesignActivities { participantCount migrantOrganisations } } }`;
    const page = (await app.gql(await user("mentor.ghent@citypeer.eu"), PILOT, { id: dortmund.gid })).data.pilot;
    expect(page.objectives[0].answersRecommendation).toEqual({ text: "Involve migrant organisations in the steering group", answer: { response: "IN_PROGRESS" } });
    expect(page.reviews[0].recommendations[0].answer.response).toBe("IN_PROGRESS");
    expect(page.targetGroups).toEqual(["REFUGEES", "EU_MOBILE_CITIZENS", "WOMEN"]);
  });
});

describe("a closed review", () => {
  it("takes no more recommendations, and closing needs a summary", async () => {
    const ADD = `mutation ($input: AddRecommendationInput!) { addRecommendation(input: $input) { __typename ... on ConflictError { code } } }`;
    const late = await app.gql(await manager(), ADD, { input: { reviewId, text: "Too late", priority: "LOW" } });
    expect(late.data.addRecommendation).toEqual({ __typename: "ConflictError", code: "review_not_active" });

    const vienna = await pilotOf("vienna");
    const ids = await Promise.all(["reviewer.milan@citypeer.eu", "reviewer.gothenburg@citypeer.eu"].map(async (e) => gid("User", (await user(e)).id)));
    const scheduled = await app.gql(await manager(), SCHEDULE, { input: { pilotId: vienna.gid, mode: "ONLINE", startsOn: "2028-01-10", endsOn: "2028-01-10", reviewerIds: ids } });
    const CLOSE = `mutation ($input: CloseReviewInput!) { closeReview(input: $input) { __typename ... on InputError { issues { path code } } } }`;
    const empty = await app.gql(await manager(), CLOSE, { input: { reviewId: scheduled.data.scheduleReview.data.id, reportSummary: "  " } });
    expect(empty.data.closeReview.issues).toEqual([{ path: ["reportSummary"], code: "too_small" }]);
  });
});

describe("pilot status", () => {
  const CHANGE = `mutation ($input: ChangePilotStatusInput!) { changePilotStatus(input: $input) { __typename ... on MutationChangePilotStatusSuccess { data { status } } ... on ConflictError { code } } }`;
  it("is changed by project managers one step at a time", async () => {
    const ghent = await pilotOf("ghent");
    expect((await app.gql(await user("officer.ghent@citypeer.eu"), CHANGE, { input: { pilotId: ghent.gid, status: "PLANNED" } })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await app.gql(await manager(), CHANGE, { input: { pilotId: ghent.gid, status: "COMPLETED" } })).data.changePilotStatus.code).toBe("invalid_status_change");
    expect((await app.gql(await manager(), CHANGE, { input: { pilotId: ghent.gid, status: "PLANNED" } })).data.changePilotStatus.data.status).toBe("PLANNED");
  });
});

describe("iCalendar feed", () => {
  it("serves a person's reviews at a private, revocable URL as valid RFC 5545", async () => {
    const vienna = await user(team[0]!);
    const url = (await app.gql(vienna, "mutation { rotateCalendarFeed }")).data.rotateCalendarFeed as string;
    const token = url.match(/reviews\/([\w-]+)\.ics$/)![1]!;
    const body = await reviewFeed(app.prisma, token);
    const calendar = new ICAL.Component(ICAL.parse(body!));
    const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.length).toBeGreaterThanOrEqual(1);
    const dortmund = events.find((e) => e.summary.includes("Dortmund"))!;
    expect(dortmund.startDate.toString()).toBe("2027-03-02");
    expect(dortmund.endDate.toString()).toBe("2027-03-05"); // exclusive end of an all-day event
    expect(dortmund.uid).toMatch(/^review-.+@citypeer$/);
    expect(dortmund.summary).toMatch(/^Peer review: Dortmund, /);
    expect(dortmund.description).toContain("Reviewers: ");

    // the words the feed adds are in the reader's language; the pilot's title stays as the city wrote it
    await app.prisma.user.update({ where: { id: vienna.id }, data: { locale: "pl" } });
    const polish = new ICAL.Component(ICAL.parse((await reviewFeed(app.prisma, token))!)).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    const inPolish = polish.find((e) => e.uid === dortmund.uid)!;
    expect(inPolish.summary).toBe(dortmund.summary.replace("Peer review: ", "Przegląd partnerski: "));
    expect(inPolish.description).toMatch(/^(Wizyta na miejscu|Online)\n\nRecenzenci: /);
    expect(inPolish.description).not.toMatch(/Reviewers|On-site visit|Online review/);
    expect(new ICAL.Component(ICAL.parse((await reviewFeed(app.prisma, token))!)).getFirstPropertyValue("x-wr-calname")).toBe("citypeer: przeglądy partnerskie");
    await app.prisma.user.update({ where: { id: vienna.id }, data: { locale: "en" } });

    await app.gql(vienna, "mutation { revokeCalendarFeed }");
    expect(await reviewFeed(app.prisma, token)).toBeNull();
  });
});
