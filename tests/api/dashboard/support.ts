import { print } from "graphql";
import { DEFAULT_RUBRIC } from "@citypeer/domain/reviews";
import { DashboardQuery } from "../../../apps/web/src/features/home/operations.ts";
import type { TestApp } from "../support/app.ts";

/** The web app's own start-page document, exactly as the browser sends it. */
export const DASHBOARD = print(DashboardQuery);

export const DAY = 86_400_000;
export const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
export const dayStart = (offsetDays: number) => new Date(`${new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10)}T00:00:00Z`);
export const isoDay = (offsetDays: number) => dayStart(offsetDays).toISOString().slice(0, 10);

/** The dashboard as `user` sees it (fails the test on any GraphQL error). */
export async function dashboardOf(app: TestApp, user: { id: string }) {
  const res = await app.gql(user, DASHBOARD);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.dashboard;
}

export const person = (app: TestApp, email: string) => app.userByEmail(email);

/** The seeded pilot of a partner city. */
export function pilotOf(app: TestApp, citySlug: string) {
  return app.prisma.pilot.findFirstOrThrow({ where: { organization: { slug: citySlug } }, include: { organization: true } });
}

/** A peer review of a pilot with the default rubric and the given reviewers, written directly (scheduling is tested in reviews/). */
export async function makeReview(
  app: TestApp,
  pilotId: string,
  reviewerIds: string[],
  options: { startsInDays?: number; status?: "SCHEDULED" | "IN_PROGRESS" | "CLOSED" | "CANCELLED" } = {},
) {
  const starts = options.startsInDays ?? 30;
  return app.prisma.peerReview.create({
    data: {
      pilotId,
      mode: "ON_SITE",
      startsOn: dayStart(starts),
      endsOn: dayStart(starts + 2),
      status: options.status ?? "SCHEDULED",
      criteria: { create: DEFAULT_RUBRIC.map((c, position) => ({ code: c.code, title: c.title, descriptors: c.descriptors, position })) },
      assignments: { create: reviewerIds.map((reviewerId) => ({ reviewerId })) },
      steps: { create: [{ kind: "VISIT", dueDate: dayStart(starts + 2) }] },
    },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
}

/** An outside city mentored by `mentorId`, with a support plan, two sessions (past and future) and actions. */
export async function makeMentoring(app: TestApp, mentorId: string, cityName: string, options: { status?: "ACTIVE" | "COMPLETED" } = {}) {
  const city = await app.make.organization({ name: cityName, kind: "OUTSIDE_CITY", country: "CZ" });
  return app.prisma.mentoringAssignment.create({
    data: {
      menteeOrganizationId: city.id,
      mentorId,
      status: options.status ?? "ACTIVE",
      plan: {
        create: {
          goals: `Goals of ${cityName}`,
          sessions: {
            create: [
              { date: new Date(Date.now() - 10 * DAY), format: "ONLINE", notes: "Kick-off" },
              { date: new Date(Date.now() + 5 * DAY), format: "ON_SITE" },
            ],
          },
          actions: {
            create: [
              { title: `Map the intake of ${cityName}`, owner: "City", dueDate: dayStart(-3), status: "OPEN" },
              { title: `Draft the one-stop shop of ${cityName}`, owner: "Mentor", dueDate: dayStart(20), status: "IN_PROGRESS" },
              { title: `Visit of ${cityName}`, owner: "Both", dueDate: dayStart(-20), status: "DONE" },
            ],
          },
        },
      },
    },
    include: { menteeOrganization: true },
  });
}

export function makeCall(app: TestApp, title: string, status: "DRAFT" | "PUBLISHED" | "CLOSED" | "RESULTS_PUBLISHED", deadlineInDays = 14) {
  return app.prisma.openCall.create({
    data: {
      title,
      description: "Mentoring for outside cities",
      eligibility: "",
      deadline: new Date(Date.now() + deadlineInDays * DAY),
      places: 3,
      status,
      publishedAt: status === "DRAFT" ? null : new Date(),
      resultsPublishedAt: status === "RESULTS_PUBLISHED" ? new Date() : null,
    },
  });
}

export const SUBMIT_REPORT = /* GraphQL */ `
  mutation ($input: SubmitReportInput!) { submitReport(input: $input) { __typename } }
`;
export const ANSWER = /* GraphQL */ `
  mutation ($input: AnswerRecommendationInput!) { answerRecommendation(input: $input) { __typename } }
`;
export const SAVE_SCORES = /* GraphQL */ `
  mutation ($input: SaveReviewScoresInput!) { saveReviewScores(input: $input) { __typename ... on InputError { issues { path code } } } }
`;
