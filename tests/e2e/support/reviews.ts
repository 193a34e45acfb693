import { expect, request, type APIRequestContext } from "@playwright/test";
import { gql } from "./api.ts";
import { DEMO_PASSWORD } from "./demo.ts";

/**
 * Set-up for the pilot and review journeys, through the API as the people who would do it
 * (the project manager books, a reviewer scores, an officer edits the plan). Each call signs in
 * its own request context, so the browser page under test keeps its own session.
 */
export async function apiAs(baseURL: string, email: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const data = await gql<{ signIn: { __typename: string } }>(
    api,
    "mutation ($input: SignInInput!) { signIn(input: $input) { __typename } }",
    { input: { email, password: DEMO_PASSWORD } },
  );
  expect(data.signIn.__typename).toBe("MutationSignInSuccess");
  return api;
}

export async function myId(api: APIRequestContext): Promise<string> {
  const data = await gql<{ me: { id: string } }>(api, "{ me { id } }");
  return data.me.id;
}

/** The global ID of a city's pilot ("Nantes"). */
export async function pilotIdOf(api: APIRequestContext, cityName: string): Promise<string> {
  const data = await gql<{ pilots: { id: string; organization: { cityName: string | null } }[] }>(api, "{ pilots { id organization { cityName } } }");
  const pilot = data.pilots.find((p) => p.organization.cityName === cityName);
  if (!pilot) throw new Error(`no pilot for ${cityName}`);
  return pilot.id;
}

type Scheduled = { __typename: string; data?: { id: string }; issues?: { path: string[]; code: string; message: string }[] };

/** Books a review as the project manager; fails the test if the API refuses. */
export async function scheduleReview(manager: APIRequestContext, input: { pilotId: string; startsOn: string; endsOn: string; reviewerIds: string[]; mode?: "ON_SITE" | "ONLINE"; agenda?: string }) {
  const data = await gql<{ scheduleReview: Scheduled }>(
    manager,
    `mutation ($input: ScheduleReviewInput!) {
      scheduleReview(input: $input) {
        __typename
        ... on MutationScheduleReviewSuccess { data { id } }
        ... on InputError { issues { path code message } }
      }
    }`,
    { input: { mode: "ON_SITE", agenda: "", ...input } },
  );
  expect(data.scheduleReview.__typename, JSON.stringify(data.scheduleReview.issues)).toBe("MutationScheduleReviewSuccess");
  return data.scheduleReview.data!.id;
}

export async function reviewCriteria(api: APIRequestContext, reviewId: string): Promise<{ id: string; title: string }[]> {
  const data = await gql<{ review: { criteria: { id: string; title: string }[] } }>(api, "query ($id: ID!) { review(id: $id) { criteria { id title } } }", { id: reviewId });
  return data.review.criteria;
}

/** A reviewer scores every criterion the same, with one comment each, and submits (final). */
export async function submitScores(reviewer: APIRequestContext, reviewId: string, score: number, comment: string) {
  const criteria = await reviewCriteria(reviewer, reviewId);
  const data = await gql<{ saveReviewScores: { __typename: string } }>(
    reviewer,
    "mutation ($input: SaveReviewScoresInput!) { saveReviewScores(input: $input) { __typename } }",
    { input: { reviewId, scores: criteria.map((c) => ({ criterionId: c.id, score, comment })), submit: true } },
  );
  expect(data.saveReviewScores.__typename).toBe("MutationSaveReviewScoresSuccess");
}

export async function addRecommendation(api: APIRequestContext, reviewId: string, text: string, priority: "HIGH" | "MEDIUM" | "LOW" = "HIGH") {
  const data = await gql<{ addRecommendation: { __typename: string } }>(
    api,
    "mutation ($input: AddRecommendationInput!) { addRecommendation(input: $input) { __typename } }",
    { input: { reviewId, text, priority } },
  );
  expect(data.addRecommendation.__typename).toBe("MutationAddRecommendationSuccess");
}

/**
 * Sets the benchmark indicators a pilot addresses (the first `count` of its community's framework),
 * keeping the rest of the plan as it is: the API replaces the plan whole.
 */
export async function setPilotIndicators(officer: APIRequestContext, pilotId: string, count: number): Promise<{ code: string; title: string }[]> {
  const { pilot } = await gql<{
    pilot: {
      title: string;
      problemStatement: string;
      plannedActivities: string;
      contentLanguage: string;
      targetGroups: string[];
      community: { id: string };
      objectives: { text: string; answersRecommendation: { id: string } | null }[];
      coDesignActivities: { date: string; format: string; description: string; participantCount: number; migrantOrganisations: string[] }[];
      milestones: { title: string; dueDate: string; status: string }[];
    };
  }>(
    officer,
    `query ($id: ID!) { pilot(id: $id) {
      title problemStatement plannedActivities contentLanguage targetGroups community { id }
      objectives { text answersRecommendation { id } }
      coDesignActivities { date format description participantCount migrantOrganisations }
      milestones { title dueDate status }
    } }`,
    { id: pilotId },
  );
  const { benchmarkFramework } = await gql<{ benchmarkFramework: { dimensions: { indicators: { id: string; code: string; title: string }[] }[] } }>(
    officer,
    "query ($c: ID!) { benchmarkFramework(communityId: $c) { dimensions { indicators { id code title } } } }",
    { c: pilot.community.id },
  );
  const indicators = benchmarkFramework.dimensions.flatMap((d) => d.indicators).slice(0, count);
  const data = await gql<{ updatePilotPlan: { __typename: string } }>(
    officer,
    "mutation ($input: UpdatePilotPlanInput!) { updatePilotPlan(input: $input) { __typename } }",
    {
      input: {
        pilotId,
        title: pilot.title,
        problemStatement: pilot.problemStatement,
        plannedActivities: pilot.plannedActivities,
        contentLanguage: pilot.contentLanguage,
        targetGroups: pilot.targetGroups,
        objectives: pilot.objectives.map((o) => ({ text: o.text, answersRecommendationId: o.answersRecommendation?.id ?? null })),
        coDesignActivities: pilot.coDesignActivities,
        milestones: pilot.milestones,
        indicatorIds: indicators.map((i) => i.id),
      },
    },
  );
  expect(data.updatePilotPlan.__typename).toBe("MutationUpdatePilotPlanSuccess");
  return indicators;
}

/** The path of a review page. */
export const reviewUrl = (id: string) => `/reviews/${id}`;
