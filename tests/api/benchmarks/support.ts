import type { TestApp } from "../support/app.ts";

export const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

export const SAVE = /* GraphQL */ `
  mutation ($input: SaveSubmissionDraftInput!) {
    saveSubmissionDraft(input: $input) {
      __typename
      ... on MutationSaveSubmissionDraftSuccess { data { id status revision scoredCount } }
      ... on InputError { issues { path code } }
      ... on ConflictError { code }
    }
  }
`;
export const SUBMIT = /* GraphQL */ `
  mutation ($input: SubmissionIdInput!) {
    submitSubmission(input: $input) {
      __typename
      ... on MutationSubmitSubmissionSuccess { data { status } }
      ... on InputError { issues { path code } }
      ... on ConflictError { code }
    }
  }
`;
export const VALIDATE = /* GraphQL */ `
  mutation ($input: SubmissionIdInput!) {
    validateSubmission(input: $input) { __typename ... on MutationValidateSubmissionSuccess { data { status } } ... on ConflictError { code } }
  }
`;
export const RETURN = /* GraphQL */ `
  mutation ($input: ReturnSubmissionInput!) {
    returnSubmission(input: $input) { __typename ... on MutationReturnSubmissionSuccess { data { status } } ... on InputError { issues { path code } } }
  }
`;

/** The seeded baseline round of a community, with its indicators in order. */
export async function baseline(app: TestApp, communitySlug: string) {
  const community = await app.prisma.community.findUniqueOrThrow({ where: { slug: communitySlug } });
  const round = await app.prisma.benchmarkRound.findFirstOrThrow({
    where: { communityId: community.id },
    include: { framework: { include: { indicators: { orderBy: [{ dimension: { position: "asc" } }, { position: "asc" }] } } } },
  });
  return { community, round, indicators: round.framework.indicators, roundGid: gid("BenchmarkRound", round.id) };
}

/** A city's officer scores every indicator (levels cycle through `levels`), submits, and a manager validates. */
export async function validatedSubmission(app: TestApp, citySlug: string, communitySlug: string, levels: number[], contentLanguage?: string) {
  const { round, indicators, roundGid } = await baseline(app, communitySlug);
  const officer = await app.userByEmail(`officer.${citySlug}@citypeer.eu`);
  const existing = await app.prisma.benchmarkSubmission.findFirst({ where: { roundId: round.id, organizationId: officer.organizationId! } });
  const saved = await app.gql(officer, SAVE, {
    input: {
      roundId: roundGid,
      revision: existing?.revision ?? 0,
      ...(contentLanguage ? { contentLanguage } : {}),
      scores: indicators.map((i, n) => ({ indicatorId: i.id, level: levels[n % levels.length], evidenceText: `${citySlug} evidence for ${i.code}` })),
    },
  });
  const id = saved.data.saveSubmissionDraft.data.id;
  await app.gql(officer, SUBMIT, { input: { submissionId: id } });
  await app.gql(await app.userByEmail("manager@citypeer.eu"), VALIDATE, { input: { submissionId: id } });
  return id as string;
}
