import { expect, type APIRequestContext, type Browser } from "@playwright/test";
import { gql } from "./api.ts";
import { signIn } from "./sign-in.ts";

/** The labour-market community of the seed: Dortmund (lead), Vienna, Fuenlabrada, Lublin and Milan. */
export const LABOUR_MARKET = "Early labour-market integration";

/**
 * Levels per indicator in framework order (LM-G1..3, LM-S1..3, LM-P1..3). Fuenlabrada is weak where Lublin
 * is strong (LM-S1, LM-S3), so the results page has someone to learn from.
 */
export const FUENLABRADA_LEVELS = [3, 1, 2, 1, 2, 0, 2, 3, 1] as const;
export const LUBLIN_LEVELS = [4, 3, 4, 4, 2, 4, 3, 4, 3] as const;

/** A signed-in request context for set-up through the API, with its own cookies (the page under test keeps its session). */
export async function apiSession(browser: Browser, email: string): Promise<{ api: APIRequestContext; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { api: page.request, close: () => context.close() };
}

type Indicator = { id: string; code: string; title: string; weight: number };
export type Baseline = { communityId: string; roundId: string; frameworkId: string; indicators: Indicator[] };

/** The labour-market community's baseline round and its indicators, in framework order. */
export async function labourMarketBaseline(api: APIRequestContext): Promise<Baseline> {
  const { communities } = await gql<{ communities: { id: string; name: string }[] }>(api, "{ communities { id name } }");
  const communityId = communities.find((c) => c.name === LABOUR_MARKET)!.id;
  const { benchmarkRounds } = await gql<{ benchmarkRounds: { id: string; name: string }[] }>(
    api,
    "query ($c: ID!) { benchmarkRounds(communityId: $c) { id name } }",
    { c: communityId },
  );
  const roundId = benchmarkRounds.find((r) => r.name === "Baseline")!.id;
  const { benchmarkRound } = await gql<{ benchmarkRound: { framework: { id: string; dimensions: { indicators: Indicator[] }[] } } }>(
    api,
    "query ($id: ID!) { benchmarkRound(id: $id) { framework { id dimensions { indicators { id code title weight } } } } }",
    { id: roundId },
  );
  return { communityId, roundId, frameworkId: benchmarkRound.framework.id, indicators: benchmarkRound.framework.dimensions.flatMap((d) => d.indicators) };
}

/** The raw uuid in a Relay global ID, for addresses such as /communities/<uuid>. */
export const rawId = (globalId: string) => Buffer.from(globalId, "base64").toString("utf8").split(":")[1]!;

type MySubmission = { id: string; status: string; revision: number } | null;

/**
 * Makes a city's baseline self-assessment validated (unless it already is): the officer scores every
 * indicator with evidence (written in `contentLanguage`) and submits, the project manager validates.
 * Idempotent, so a test can run alone.
 */
export async function ensureValidated(browser: Browser, officerEmail: string, levels: readonly number[], evidence: (code: string) => string, contentLanguage = "en") {
  const officer = await apiSession(browser, officerEmail);
  const manager = await apiSession(browser, "manager@citypeer.eu");
  try {
    const baseline = await labourMarketBaseline(officer.api);
    const mine = async () =>
      (await gql<{ mySubmission: MySubmission }>(officer.api, "query ($r: ID!) { mySubmission(roundId: $r) { id status revision } }", { r: baseline.roundId })).mySubmission;
    let submission = await mine();
    if (!submission || submission.status === "DRAFT" || submission.status === "RETURNED") {
      const saved = await gql<{ saveSubmissionDraft: { __typename: string } }>(
        officer.api,
        "mutation ($input: SaveSubmissionDraftInput!) { saveSubmissionDraft(input: $input) { __typename } }",
        {
          input: {
            roundId: baseline.roundId,
            frameworkId: baseline.frameworkId,
            revision: submission?.revision ?? 0,
            contentLanguage,
            scores: baseline.indicators.map((i, n) => ({
              indicatorId: i.id,
              level: levels[n],
              evidenceText: evidence(i.code),
              evidenceLinks: [`https://example.org/${i.code.toLowerCase()}`],
            })),
          },
        },
      );
      expect(saved.saveSubmissionDraft.__typename).toBe("MutationSaveSubmissionDraftSuccess");
      submission = await mine();
      const submitted = await gql<{ submitSubmission: { __typename: string } }>(
        officer.api,
        "mutation ($input: SubmissionIdInput!) { submitSubmission(input: $input) { __typename } }",
        { input: { submissionId: submission!.id } },
      );
      expect(submitted.submitSubmission.__typename).toBe("MutationSubmitSubmissionSuccess");
    }
    if (submission!.status !== "VALIDATED") {
      const validated = await gql<{ validateSubmission: { __typename: string } }>(
        manager.api,
        "mutation ($input: SubmissionIdInput!) { validateSubmission(input: $input) { __typename } }",
        { input: { submissionId: submission!.id } },
      );
      expect(validated.validateSubmission.__typename).toBe("MutationValidateSubmissionSuccess");
    }
    return baseline;
  } finally {
    await officer.close();
    await manager.close();
  }
}
