import { expect, type APIRequestContext } from "@playwright/test";
import { gql } from "./api.ts";
import { rawId } from "./benchmarks.ts";
import { apiAs } from "./reviews.ts";

/*
 * Records for the journeys and page scans, made through the API as the people who would make them
 * (sessions from apiAs in support/reviews.ts). Each factory either makes a fresh record (named by the
 * caller, so tests do not share writes) or, where the API limits how many can exist (applications per
 * address), finds the one an earlier test of the same run made.
 */

const sessions = new Map<string, Promise<APIRequestContext>>();

/**
 * A signed-in API session for set-up, kept for the rest of the run: signing in hashes a password, which
 * costs more than the set-up itself on a busy machine. Only for accounts whose session no test ends.
 */
export function session(baseURL: string, email: string): Promise<APIRequestContext> {
  const key = `${baseURL} ${email}`;
  if (!sessions.has(key)) sessions.set(key, apiAs(baseURL, email));
  return sessions.get(key)!;
}

type Result = { __typename: string; issues?: unknown; message?: string };
const succeeded = (name: string, r: Result) => expect(r.__typename, `${name}: ${JSON.stringify(r)}`).toBe(`Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`);

export async function communityId(api: APIRequestContext, name: string): Promise<string> {
  const { communities } = await gql<{ communities: { id: string; name: string }[] }>(api, "{ communities { id name } }");
  const community = communities.find((c) => c.name === name);
  if (!community) throw new Error(`no community ${name}`);
  return community.id;
}

export type Round = { id: string; name: string; frameworkId: string; indicators: { id: string; code: string }[] };

/** An open benchmark round of a community (as the project manager), closing in 30 days. */
export async function openRound(manager: APIRequestContext, community: string, name: string): Promise<Round> {
  const data = await gql<{ createBenchmarkRound: Result & { data?: { id: string } } }>(
    manager,
    `mutation ($input: CreateBenchmarkRoundInput!) {
      createBenchmarkRound(input: $input) { __typename ... on MutationCreateBenchmarkRoundSuccess { data { id } } ... on InputError { issues { path code } } }
    }`,
    {
      input: {
        communityId: await communityId(manager, community),
        kind: "OTHER",
        name,
        opensAt: new Date(Date.now() - 3600_000).toISOString(),
        closesAt: new Date(Date.now() + 30 * 24 * 3600_000).toISOString(),
      },
    },
  );
  succeeded("createBenchmarkRound", data.createBenchmarkRound);
  const id = data.createBenchmarkRound.data!.id;
  const { benchmarkRound } = await gql<{ benchmarkRound: { framework: { id: string; dimensions: { indicators: { id: string; code: string }[] }[] } } }>(
    manager,
    "query ($id: ID!) { benchmarkRound(id: $id) { framework { id dimensions { indicators { id code } } } } }",
    { id },
  );
  return { id, name, frameworkId: benchmarkRound.framework.id, indicators: benchmarkRound.framework.dimensions.flatMap((d) => d.indicators) };
}

/** The officer's city scores every indicator of the round with evidence and submits it for validation. */
export async function submitSelfAssessment(officer: APIRequestContext, round: Round, level = 2) {
  const saved = await gql<{ saveSubmissionDraft: Result }>(
    officer,
    "mutation ($input: SaveSubmissionDraftInput!) { saveSubmissionDraft(input: $input) { __typename } }",
    {
      input: {
        roundId: round.id,
        frameworkId: round.frameworkId,
        revision: 0,
        scores: round.indicators.map((i) => ({ indicatorId: i.id, level, evidenceText: `Evidence for ${i.code}.`, evidenceLinks: [] })),
      },
    },
  );
  succeeded("saveSubmissionDraft", saved.saveSubmissionDraft);
  const { mySubmission } = await gql<{ mySubmission: { id: string } }>(officer, "query ($r: ID!) { mySubmission(roundId: $r) { id } }", { r: round.id });
  const submitted = await gql<{ submitSubmission: Result }>(
    officer,
    "mutation ($input: SubmissionIdInput!) { submitSubmission(input: $input) { __typename } }",
    { input: { submissionId: mySubmission.id } },
  );
  succeeded("submitSubmission", submitted.submitSubmission);
  return mySubmission.id;
}

type GrantState = { id: string; budgetStatus: string };

/** The officer's own grant (global id), with its budget approved: proposed by the city and approved by the manager if it is not yet. */
export async function grantWithApprovedBudget(officer: APIRequestContext, manager: APIRequestContext): Promise<string> {
  const { grants } = await gql<{ grants: GrantState[] }>(officer, "{ grants { id budgetStatus } }");
  const grant = grants[0]!;
  if (grant.budgetStatus === "APPROVED") return grant.id;
  if (grant.budgetStatus !== "PROPOSED") {
    const proposed = await gql<{ proposeBudget: Result }>(officer, "mutation ($input: ProposeBudgetInput!) { proposeBudget(input: $input) { __typename } }", {
      input: {
        grantId: grant.id,
        lines: [
          { category: "STAFF", plannedCents: 1_500_000 },
          { category: "TRAVEL_SUBSISTENCE", plannedCents: 300_000 },
          { category: "EQUIPMENT", plannedCents: 200_000 },
          { category: "EXTERNAL_SERVICES", plannedCents: 500_000 },
          { category: "CO_DESIGN_PARTICIPATION", plannedCents: 400_000 },
          { category: "OTHER", plannedCents: 100_000 },
        ],
      },
    });
    succeeded("proposeBudget", proposed.proposeBudget);
  }
  const approved = await gql<{ approveBudget: Result }>(manager, "mutation ($input: ApproveBudgetInput!) { approveBudget(input: $input) { __typename } }", {
    input: { grantId: grant.id },
  });
  succeeded("approveBudget", approved.approveBudget);
  return grant.id;
}

/** A city's pilot (global id). */
export async function pilotOf(api: APIRequestContext, cityName: string): Promise<string> {
  const { pilots } = await gql<{ pilots: { id: string; organization: { cityName: string | null } }[] }>(api, "{ pilots { id organization { cityName } } }");
  const pilot = pilots.find((p) => p.organization.cityName === cityName);
  if (!pilot) throw new Error(`no pilot for ${cityName}`);
  return pilot.id;
}

/** A mentor's account id, found by e-mail (as the project manager). */
export async function mentorId(manager: APIRequestContext, email: string): Promise<string> {
  const { mentorLoads } = await gql<{ mentorLoads: { mentor: { id: string; email: string } }[] }>(manager, "{ mentorLoads { mentor { id email } } }");
  const load = mentorLoads.find((l) => l.mentor.email === email);
  if (!load) throw new Error(`no mentor ${email}`);
  return load.mentor.id;
}

/** The call the browser tests' mentoring hangs off: one outside city (Bregenz), selected and mentored. */
export const MENTORING_CALL = "Mentoring for the browser tests";
export const MENTEE_CITY = "Bregenz";
/** The mentee city's contact: an account made by the application, activated from the e-mailed link (support/mailbox.ts). */
export const MENTEE_CONTACT = "jonas.berger@bregenz.example.org";

export type Mentoring = { callId: string; applicationId: string; assignmentId: string };

/**
 * A published call with results, one selected city and its mentor (found again if an earlier test made it:
 * the API takes five applications per address and hour, and the open-call spec needs its own). Raw uuids,
 * as the pages' addresses use them.
 */
export async function mentoring(manager: APIRequestContext, mentorEmail: string): Promise<Mentoring> {
  const found = await gql<{ openCalls: { id: string; title: string; applications: { id: string; mentoring: { id: string } | null }[] | null }[] }>(
    manager,
    "{ openCalls { id title applications { id mentoring { id } } } }",
  );
  const existing = found.openCalls.find((c) => c.title === MENTORING_CALL);
  const application = existing?.applications?.[0];
  if (existing && application?.mentoring) return { callId: rawId(existing.id), applicationId: rawId(application.id), assignmentId: rawId(application.mentoring.id) };

  const labourMarket = await communityId(manager, "Early labour-market integration");
  const call = {
    title: MENTORING_CALL,
    description: "Partner cities mentor a city that builds its welcome services.",
    eligibility: "Municipalities in Europe outside the partnership.",
    places: 1,
    communityIds: [labourMarket],
    criteria: [{ title: "Fit of needs and support", weight: 1 }],
  };
  const created = await gql<{ createOpenCall: Result & { data?: { id: string } } }>(
    manager,
    "mutation ($input: CreateOpenCallInput!) { createOpenCall(input: $input) { __typename ... on MutationCreateOpenCallSuccess { data { id } } } }",
    { input: { ...call, deadline: new Date(Date.now() + 3600_000).toISOString() } },
  );
  succeeded("createOpenCall", created.createOpenCall);
  const callId = created.createOpenCall.data!.id;
  succeeded(
    "publishOpenCall",
    (await gql<{ publishOpenCall: Result }>(manager, "mutation ($input: OpenCallIdInput!) { publishOpenCall(input: $input) { __typename } }", { input: { callId } }))
      .publishOpenCall,
  );
  const applied = await gql<{ applyToOpenCall: Result }>(
    manager,
    "mutation ($input: ApplyToOpenCallInput!) { applyToOpenCall(input: $input) { __typename ... on InputError { issues { path code } } } }",
    {
      input: {
        callId,
        communityId: labourMarket,
        cityName: MENTEE_CITY,
        country: "AT",
        contactName: "Jonas Berger",
        contactEmail: MENTEE_CONTACT,
        currentSituation: "A welcome desk in the town hall; no common case management yet.",
        needs: "Connecting the job centre, language courses and employers.",
        motivation: "Learning from a partner city that has built such a network.",
        workingLanguages: ["de", "en"],
      },
    },
  );
  succeeded("applyToOpenCall", applied.applyToOpenCall);
  const { openCall } = await gql<{ openCall: { applications: { id: string }[] } }>(manager, "query ($id: ID!) { openCall(id: $id) { applications { id } } }", { id: callId });
  const applicationId = openCall.applications[0]!.id;
  succeeded(
    "decideApplication",
    (
      await gql<{ decideApplication: Result }>(manager, "mutation ($input: DecideApplicationInput!) { decideApplication(input: $input) { __typename } }", {
        input: { applicationId, decision: "SELECTED" },
      })
    ).decideApplication,
  );
  // results only after the deadline: the call closes now
  succeeded(
    "updateOpenCall",
    (
      await gql<{ updateOpenCall: Result }>(manager, "mutation ($input: UpdateOpenCallInput!) { updateOpenCall(input: $input) { __typename } }", {
        input: { ...call, callId, deadline: new Date(Date.now() - 60_000).toISOString() },
      })
    ).updateOpenCall,
  );
  succeeded(
    "publishCallResults",
    (await gql<{ publishCallResults: Result }>(manager, "mutation ($input: OpenCallIdInput!) { publishCallResults(input: $input) { __typename } }", { input: { callId } }))
      .publishCallResults,
  );
  const assigned = await gql<{ assignMentor: Result & { data?: { id: string } } }>(
    manager,
    "mutation ($input: AssignMentorInput!) { assignMentor(input: $input) { __typename ... on MutationAssignMentorSuccess { data { id } } } }",
    { input: { applicationId, mentorId: await mentorId(manager, mentorEmail) } },
  );
  succeeded("assignMentor", assigned.assignMentor);
  return { callId: rawId(callId), applicationId: rawId(applicationId), assignmentId: rawId(assigned.assignMentor.data!.id) };
}

/** The project team validates a submitted self-assessment. */
export async function validateSubmission(manager: APIRequestContext, submissionId: string) {
  const data = await gql<{ validateSubmission: Result }>(manager, "mutation ($input: SubmissionIdInput!) { validateSubmission(input: $input) { __typename } }", {
    input: { submissionId },
  });
  succeeded("validateSubmission", data.validateSubmission);
}

/** A published call open for applications (raw uuid), with nobody applied yet. */
export async function openCall(manager: APIRequestContext, title: string): Promise<string> {
  const created = await gql<{ createOpenCall: Result & { data?: { id: string } } }>(
    manager,
    "mutation ($input: CreateOpenCallInput!) { createOpenCall(input: $input) { __typename ... on MutationCreateOpenCallSuccess { data { id } } } }",
    {
      input: {
        title,
        description: "Partner cities share how they run one-stop shops for newcomers.",
        eligibility: "Municipalities in Europe outside the partnership.",
        deadline: new Date(Date.now() + 30 * 24 * 3600_000).toISOString(),
        places: 2,
        communityIds: [await communityId(manager, "One-stop shops")],
        criteria: [
          { title: "Fit of needs and support", weight: 2 },
          { title: "Commitment of the city", weight: 1 },
        ],
      },
    },
  );
  succeeded("createOpenCall", created.createOpenCall);
  const callId = created.createOpenCall.data!.id;
  const published = await gql<{ publishOpenCall: Result }>(manager, "mutation ($input: OpenCallIdInput!) { publishOpenCall(input: $input) { __typename } }", {
    input: { callId },
  });
  succeeded("publishOpenCall", published.publishOpenCall);
  return rawId(callId);
}

/** A declared expense on a grant whose budget is approved. */
export async function declareExpense(officer: APIRequestContext, grantId: string, description: string) {
  const data = await gql<{ declareExpense: Result }>(officer, "mutation ($input: DeclareExpenseInput!) { declareExpense(input: $input) { __typename } }", {
    input: { grantId, category: "STAFF", amountCents: 48_000, description, supplier: "Welcome Desk Ltd", spentOn: new Date().toISOString().slice(0, 10) },
  });
  succeeded("declareExpense", data.declareExpense);
}

/** Saves a draft in which the first `count` indicators have a level (the rest open). */
export async function saveDraft(officer: APIRequestContext, round: Round, count: number) {
  const saved = await gql<{ saveSubmissionDraft: Result }>(
    officer,
    "mutation ($input: SaveSubmissionDraftInput!) { saveSubmissionDraft(input: $input) { __typename } }",
    {
      input: {
        roundId: round.id,
        frameworkId: round.frameworkId,
        revision: 0,
        scores: round.indicators.slice(0, count).map((i) => ({ indicatorId: i.id, level: 1, evidenceText: `Draft evidence for ${i.code}.`, evidenceLinks: [] })),
      },
    },
  );
  succeeded("saveSubmissionDraft", saved.saveSubmissionDraft);
}
