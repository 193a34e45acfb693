import type { TestApp } from "../support/app.ts";

export const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
export const rawId = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1]!;
const DAY = 86_400_000;

export const CREATE_CALL = /* GraphQL */ `
  mutation ($input: CreateOpenCallInput!) {
    createOpenCall(input: $input) {
      __typename
      ... on MutationCreateOpenCallSuccess { data { id status title places themes { communityId name } criteria { id title weight } } }
      ... on InputError { issues { path code } }
    }
  }
`;
export const PUBLISH_CALL = /* GraphQL */ `
  mutation ($input: OpenCallIdInput!) {
    publishOpenCall(input: $input) { __typename ... on MutationPublishOpenCallSuccess { data { status isOpen } } ... on ConflictError { code } }
  }
`;
export const APPLY = /* GraphQL */ `
  mutation ($input: ApplyToOpenCallInput!) {
    applyToOpenCall(input: $input) {
      __typename
      ... on MutationApplyToOpenCallSuccess { data { callTitle cityName contactEmail activationEmailSent } }
      ... on ApplicationRefusedError { code retryAfterSeconds }
      ... on InputError { issues { path code } }
      ... on NotFoundError { entity }
    }
  }
`;
export const SCORE = /* GraphQL */ `
  mutation ($input: ScoreApplicationInput!) {
    scoreApplication(input: $input) {
      __typename
      ... on MutationScoreApplicationSuccess { data { id hasSubmittedOwnScore } }
      ... on InputError { issues { path code } }
      ... on ConflictError { code }
    }
  }
`;
export const DECIDE = /* GraphQL */ `
  mutation ($input: DecideApplicationInput!) {
    decideApplication(input: $input) {
      __typename
      ... on MutationDecideApplicationSuccess { data { id status } }
      ... on ConflictError { code }
    }
  }
`;
export const PUBLISH_RESULTS = /* GraphQL */ `
  mutation ($input: OpenCallIdInput!) {
    publishCallResults(input: $input) { __typename ... on MutationPublishCallResultsSuccess { data { status resultsPublishedAt } } ... on ConflictError { code } }
  }
`;
export const RANKING = /* GraphQL */ `
  query ($callId: ID!) {
    callRanking(callId: $callId) {
      rank weightedScore evaluatorCount isScoreHidden
      application { id city { cityName } theme { slug } contact { email } scores { score isMine evaluator { email } criterion { title } } }
    }
  }
`;

export type CallOptions = { places?: number; deadlineInDays?: number; themes?: string[] };

/** A published call with three weighted criteria (3, 2, 1), created and published by the manager through the API. */
export async function publishedCall(app: TestApp, options: CallOptions = {}) {
  const manager = await app.userByEmail("manager@citypeer.eu");
  const communities = await app.prisma.community.findMany({ where: { slug: { in: options.themes ?? ["one-stop-shops", "housing"] } } });
  const created = await app.gql(manager, CREATE_CALL, {
    input: {
      title: "Mentoring for newcomer-friendly cities 2026",
      description: "Twelve months of peer support by trained practitioners of the CONSOLIDATE cities.",
      eligibility: "Cities and municipal associations in EU member states outside the partnership.",
      deadline: new Date(Date.now() + (options.deadlineInDays ?? 14) * DAY).toISOString(),
      places: options.places ?? 2,
      communityIds: communities.map((c) => gid("Community", c.id)),
      criteria: [
        { title: "Relevance of the needs", weight: 3 },
        { title: "Commitment of the city", weight: 2 },
        { title: "Feasibility", weight: 1 },
      ],
    },
  });
  const call = created.data.createOpenCall.data;
  const published = await app.gql(manager, PUBLISH_CALL, { input: { callId: call.id } });
  if (published.data.publishOpenCall.__typename !== "MutationPublishOpenCallSuccess") throw new Error(JSON.stringify(published));
  return { ...call, rawId: rawId(call.id), communities };
}

let address = 0;
/** A fresh client address per application unless a test chooses one (the rate limit counts per address). */
export const nextIp = () => `198.51.100.${++address % 250}`;

export type ApplicationOptions = { city: string; country?: string; email?: string; theme?: string; languages?: string[]; website?: string; ip?: string };

export function applicationInput(call: { id: string; communities: { id: string; slug: string }[] }, o: ApplicationOptions) {
  const theme = call.communities.find((c) => c.slug === (o.theme ?? "one-stop-shops")) ?? call.communities[0]!;
  return {
    callId: call.id,
    cityName: o.city,
    country: o.country ?? "CZ",
    contactName: `Contact of ${o.city}`,
    contactEmail: o.email ?? `contact@${o.city.toLowerCase().replace(/\W+/g, "-")}.example.eu`,
    communityId: gid("Community", theme.id),
    currentSituation: "Newcomers are sent from office to office; there is no common intake.",
    needs: "Set up a one-stop shop with the job centre and the housing office.",
    motivation: "We want to learn from cities that have done it.",
    workingLanguages: o.languages ?? ["cs", "en"],
    ...(o.website !== undefined ? { website: o.website } : {}),
  };
}

/** An outside city applies anonymously through the public mutation. */
export async function apply(app: TestApp, call: Parameters<typeof applicationInput>[0], o: ApplicationOptions) {
  return app.gql(null, APPLY, { input: applicationInput(call, o) }, { ip: o.ip ?? nextIp() });
}

/** Applies and returns the application's global ID. */
export async function applied(app: TestApp, call: Parameters<typeof applicationInput>[0] & { rawId: string }, o: ApplicationOptions) {
  const res = await apply(app, call, o);
  if (res.data?.applyToOpenCall?.__typename !== "MutationApplyToOpenCallSuccess") throw new Error(JSON.stringify(res));
  const application = await app.prisma.callApplication.findFirstOrThrow({ where: { callId: call.rawId, organization: { cityName: o.city } } });
  return { id: gid("CallApplication", application.id), rawId: application.id, organizationId: application.organizationId, contactUserId: application.contactUserId };
}

/** Scores every criterion of an application for one evaluator, in criteria order. */
export function scoreInput(call: { criteria: { id: string }[] }, applicationId: string, scores: number[]) {
  return { applicationId, scores: call.criteria.map((c, i) => ({ criterionId: c.id, score: scores[i]!, comment: `score ${scores[i]}` })) };
}

/** Moves the deadline into the past (as time would). */
export async function passDeadline(app: TestApp, callId: string) {
  await app.prisma.openCall.update({ where: { id: callId }, data: { deadline: new Date(Date.now() - 1000) } });
}

/** What an application writes: for "and nothing was written". */
export async function applicationCounts(app: TestApp) {
  return {
    organizations: await app.prisma.organization.count(),
    users: await app.prisma.user.count(),
    applications: await app.prisma.callApplication.count(),
    tokens: await app.prisma.userToken.count(),
    emails: await app.prisma.emailOutbox.count(),
    audit: await app.prisma.auditEntry.count(),
    throttles: await app.prisma.signInThrottle.count(),
  };
}
