import { request } from "@playwright/test";
import { gql } from "./api.ts";
import { rawId } from "./benchmarks.ts";
import { demo, mentor, officer, reviewer } from "./demo.ts";
import {
  declareExpense,
  grantWithApprovedBudget,
  mentoring,
  MENTEE_CONTACT,
  openCall,
  openRound,
  pilotOf,
  saveDraft,
  session,
  submitSelfAssessment,
  validateSubmission,
  type Mentoring,
} from "./factories.ts";
import { linkIn, waitForMail } from "./mailbox.ts";
import { myId, scheduleReview } from "./reviews.ts";

/*
 * One record of every kind a page needs, so the accessibility scans see pages with content rather than
 * empty states: a one-stop-shops round in which Gothenburg is validated and Sofia has a draft, Sofia's
 * grant with an approved budget and an expense, a review of Sofia's pilot, a call open for applications,
 * and the mentoring of Bregenz. Made once per run (the scans in each language share them).
 */

export const SCAN = {
  officer: officer("sofia"),
  officerCity: "Sofia",
  reviewer: reviewer("vienna"),
  mentor: mentor("vienna"),
  manager: demo.manager,
  admin: demo.admin,
  menteeContact: MENTEE_CONTACT,
  menteePassword: "bregenz welcome desk 2026",
} as const;

export type ScanRecords = {
  community: string;
  round: string;
  validatedSubmission: string;
  grant: string;
  pilot: string;
  review: string;
  practice: string;
  call: string;
  mentoring: Mentoring;
};

let records: Promise<ScanRecords> | undefined;

export function scanRecords(baseURL: string): Promise<ScanRecords> {
  // a failed set-up is tried again by the next test rather than failing every one after it
  records ??= make(baseURL).catch((error: unknown) => {
    records = undefined;
    throw error;
  });
  return records;
}

async function make(baseURL: string): Promise<ScanRecords> {
  const manager = await session(baseURL, SCAN.manager);
  const sofia = await session(baseURL, SCAN.officer);
  const round = await openRound(manager, "One-stop shops", `Scan round ${Date.now()}`);
  const validatedSubmission = await submitSelfAssessment(await session(baseURL, officer("gothenburg")), round, 3);
  await validateSubmission(manager, validatedSubmission);
  await saveDraft(sofia, round, 3);

  const grant = await grantWithApprovedBudget(sofia, manager);
  await declareExpense(sofia, grant, "Interpreting at the one-stop shop");

  const pilot = await pilotOf(manager, SCAN.officerCity);
  const review = await reviewOf(baseURL, pilot);

  const { practiceProfiles } = await gql<{ practiceProfiles: { id: string }[] }>(manager, "{ practiceProfiles(status: PUBLISHED) { id } }");
  const call = await openCall(manager, `One-stop shops exchange ${Date.now()}`);
  const mentored = await mentoring(manager, SCAN.mentor);
  await activateMenteeContact(baseURL);

  const { communities } = await gql<{ communities: { id: string; name: string }[] }>(manager, "{ communities { id name } }");
  return {
    community: rawId(communities.find((c) => c.name === "One-stop shops")!.id),
    round: rawId(round.id),
    validatedSubmission: rawId(validatedSubmission),
    grant: rawId(grant),
    pilot,
    review,
    practice: rawId(practiceProfiles[0]!.id),
    call,
    mentoring: mentored,
  };
}

/** A review of the pilot with the scans' reviewer on the team: the one booked earlier in the run, or a new one. */
async function reviewOf(baseURL: string, pilotId: string): Promise<string> {
  const { myReviews } = await gql<{ myReviews: { id: string; pilot: { id: string } }[] }>(await session(baseURL, SCAN.reviewer), "{ myReviews { id pilot { id } } }");
  const booked = myReviews.find((r) => r.pilot.id === pilotId);
  if (booked) return booked.id;
  // far in the future (other specs book up to 2057): a reviewer booked twice at once is refused
  return scheduleReview(await session(baseURL, SCAN.manager), {
    pilotId,
    startsOn: "2060-03-01",
    endsOn: "2060-03-03",
    reviewerIds: [await myId(await session(baseURL, SCAN.reviewer)), await myId(await session(baseURL, reviewer("nantes")))],
  });
}

/** The mentee city's contact chooses a password from the activation e-mail, unless they have one already. */
async function activateMenteeContact(baseURL: string) {
  const api = await request.newContext({ baseURL });
  try {
    const signIn = async () =>
      (
        await gql<{ signIn: { __typename: string } }>(api, "mutation ($input: SignInInput!) { signIn(input: $input) { __typename } }", {
          input: { email: SCAN.menteeContact, password: SCAN.menteePassword },
        })
      ).signIn.__typename;
    if ((await signIn()) === "MutationSignInSuccess") return;
    const mail = await waitForMail({ to: SCAN.menteeContact, since: 0 });
    const token = linkIn(mail, "/accept-invitation").searchParams.get("token")!;
    await gql(api, "mutation ($input: TokenPasswordInput!) { acceptInvitation(input: $input) { __typename } }", {
      input: { token, password: SCAN.menteePassword },
    });
  } finally {
    await api.dispose();
  }
}
