/**
 * Every mutation in the schema, as every role, against records of Athens: who gets past authorization, and
 * proof that everyone else is refused (UNAUTHENTICATED, FORBIDDEN, or the typed "not a reviewer of this
 * review") with nothing written. Mutations are read from the schema, so a new one fails here until it gets a
 * row in EXPECTED; inputs are built from the schema too, with the ids of the fixtures below.
 *
 * The cells that pass are not run to success here (each module's tests do that); for them the test checks
 * only that the request got past the rules, i.e. it ended in data or in a typed/validation error of the
 * resolver rather than a refusal.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER } from "@citypeer/api/app";
import { schema } from "@citypeer/api/schema";
import { createTestApp, type TestApp } from "../support/app.ts";
import { databaseFingerprint } from "../support/fingerprint.ts";
import { PNG, multipartBody } from "../attachments/fixtures.ts";

const ROLES = ["anonymous", "admin", "manager", "officerA", "officerB", "reviewer", "mentor"] as const;
type Role = (typeof ROLES)[number];
const SIGNED_IN: Role[] = ["admin", "manager", "officerA", "officerB", "reviewer", "mentor"];
const EVERYONE: Role[] = [...ROLES];

/**
 * Who gets past authorization, per mutation. The records belong to Athens (officerA); officerB is Milan's
 * officer. The reviewer and the mentor are not the ones assigned to Athens's review and mentoring.
 */
const EXPECTED: Record<string, { allowed: Role[]; why?: string }> = {
  // the token, the password or the open call itself is the credential
  acceptInvitation: { allowed: EVERYONE, why: "the invitation token is the credential" },
  applyToOpenCall: { allowed: EVERYONE, why: "outside cities apply without an account" },
  requestPasswordReset: { allowed: EVERYONE, why: "same answer whether the address exists or not" },
  resetPassword: { allowed: EVERYONE, why: "the e-mailed token is the credential" },
  signIn: { allowed: EVERYONE },
  signOut: { allowed: EVERYONE, why: "ends the caller's own session, if any" },

  // the caller's own account
  changePassword: { allowed: SIGNED_IN },
  markNotificationsRead: { allowed: SIGNED_IN },
  revokeCalendarFeed: { allowed: SIGNED_IN },
  rotateCalendarFeed: { allowed: SIGNED_IN },
  updateMyLocale: { allowed: SIGNED_IN },
  updateNotificationPreferences: { allowed: SIGNED_IN },
  uploadAttachment: { allowed: SIGNED_IN, why: "the file belongs to the uploader until a record uses it" },
  saveSubmissionDraft: { allowed: ["officerA", "officerB"], why: "always the viewer's own city's submission" },

  // admins: accounts
  deactivateUser: { allowed: ["admin"] },
  inviteUser: { allowed: ["admin"] },
  reactivateUser: { allowed: ["admin"] },
  updateUserRoles: { allowed: ["admin"] },

  // project managers
  acceptReport: { allowed: ["manager"] },
  addCommunityMember: { allowed: ["manager"] },
  addCommunityResource: { allowed: ["manager"] },
  addRecommendation: { allowed: ["manager"], why: "reviewers only on reviews they are assigned to" },
  approveBudget: { allowed: ["manager"] },
  approveExpense: { allowed: ["manager"] },
  approveTranche: { allowed: ["manager"] },
  assignMentor: { allowed: ["manager"] },
  cancelReview: { allowed: ["manager"] },
  changePilotStatus: { allowed: ["manager"] },
  closeReview: { allowed: ["manager"] },
  createBenchmarkRound: { allowed: ["manager"] },
  createCommunity: { allowed: ["manager"] },
  createCommunitySession: { allowed: ["manager"] },
  createOpenCall: { allowed: ["manager"] },
  decideApplication: { allowed: ["manager"] },
  decideMembershipRequest: { allowed: ["manager"] },
  deleteCommunitySession: { allowed: ["manager"] },
  extendSubmissionDeadline: { allowed: ["manager"] },
  importBenchmarkFramework: { allowed: ["manager"] },
  markTranchePaid: { allowed: ["manager"] },
  planTranche: { allowed: ["manager"] },
  publishCallResults: { allowed: ["manager"] },
  publishOpenCall: { allowed: ["manager"] },
  rejectBudget: { allowed: ["manager"] },
  rejectExpense: { allowed: ["manager"] },
  removeCommunityMember: { allowed: ["manager"] },
  removeCommunityResource: { allowed: ["manager"] },
  rescheduleReview: { allowed: ["manager"] },
  returnSubmission: { allowed: ["manager"] },
  saveBenchmarkFramework: { allowed: ["manager"] },
  scheduleReview: { allowed: ["manager"] },
  scoreApplication: { allowed: ["manager"] },
  setCommunityCoordinators: { allowed: ["manager"] },
  setGrantCap: { allowed: ["manager"] },
  setReviewReviewers: { allowed: ["manager"] },
  updateBenchmarkRound: { allowed: ["manager"] },
  updateCommunity: { allowed: ["manager"] },
  updateCommunitySession: { allowed: ["manager"] },
  updateOpenCall: { allowed: ["manager"] },
  updateReviewRubric: { allowed: ["manager"] },
  validateSubmission: { allowed: ["manager"] },

  // Athens's officer on Athens's records; Milan's officer is refused
  answerRecommendation: { allowed: ["officerA"] },
  declareExpense: { allowed: ["officerA"] },
  proposeBudget: { allowed: ["officerA"] },
  recordMyAttendance: { allowed: ["officerA"], why: "cities of the session's community only" },
  requestCommunityMembership: { allowed: ["officerA"] },
  requestTranche: { allowed: ["officerA"] },
  submitReport: { allowed: ["officerA"] },
  submitSubmission: { allowed: ["officerA"] },
  updatePilotPlan: { allowed: ["officerA"] },
  // the mentee city's officer or the assigned mentor (not this mentor)
  deleteMentoringSession: { allowed: ["officerA"] },
  deleteSupportAction: { allowed: ["officerA"] },
  saveMentoringSession: { allowed: ["officerA"] },
  saveSupportAction: { allowed: ["officerA"] },
  submitOutcomeSurvey: { allowed: ["officerA"] },
  updateSupportPlanGoals: { allowed: ["officerA"] },
  // the project team, or the practice's own city
  createPracticeProfile: { allowed: ["manager", "officerA"] },
  practiceDraftFromPilot: { allowed: ["manager", "officerA"] },
  publishPracticeProfile: { allowed: ["manager", "officerA"] },
  unpublishPracticeProfile: { allowed: ["manager", "officerA"] },
  updatePracticeProfile: { allowed: ["manager", "officerA"] },

  // only reviewers assigned to the review (this one is not): nobody in this matrix
  saveReviewScores: { allowed: [], why: "peer reviewers assigned to the review; this reviewer is not" },
};

/** Typed errors that are refusals, not failures of the request itself. */
const TYPED_REFUSALS = new Set(["not_a_reviewer"]);

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

let app: TestApp;
const actors = new Map<Role, { id: string } | null>();
/** Ids by input field name; `raw` ids are plain uuids (t.id), the rest Relay global ids. */
let ids: Record<string, string>;
/** Per mutation, ids that differ from the default (a second record to delete, the mentoring session ...). */
let overrides: Record<string, Record<string, unknown>>;
let databaseState: () => Promise<string>;

beforeAll(async () => {
  app = await createTestApp({ seed: true });
  const p = app.prisma;
  const user = (email: string) => app.userByEmail(email);
  actors.set("anonymous", null);
  actors.set("admin", await user("admin@citypeer.eu"));
  actors.set("manager", await user("manager@citypeer.eu"));
  const officerA = await user("officer.athens@citypeer.eu");
  actors.set("officerA", officerA);
  actors.set("officerB", await user("officer.milan@citypeer.eu"));
  actors.set("reviewer", await user("reviewer.ghent@citypeer.eu"));
  actors.set("mentor", await user("mentor.dortmund@citypeer.eu"));
  const assignedReviewer = await user("reviewer.milan@citypeer.eu");
  const assignedMentor = await user("mentor.ghent@citypeer.eu");

  const athens = await p.organization.findUniqueOrThrow({ where: { slug: "athens" } });
  const target = await app.make.user({ roles: ["CITY_OFFICER"], organizationId: athens.id });
  // a community of Athens alone, so Milan's officer takes part in none of its sessions
  const community = await app.make.community({ name: "Matrix community", memberIds: [athens.id] });
  const session = await p.communitySession.create({
    data: { communityId: community.id, kind: "MEETING", title: "Matrix session", description: "", startsAt: new Date("2031-01-01T10:00:00Z"), endsAt: new Date("2031-01-01T12:00:00Z") },
  });
  const sessionToDelete = await p.communitySession.create({
    data: { communityId: community.id, kind: "MEETING", title: "Matrix session 2", description: "", startsAt: new Date("2031-02-01T10:00:00Z"), endsAt: new Date("2031-02-01T12:00:00Z") },
  });
  const resource = await p.communityResource.create({ data: { communityId: community.id, title: "Matrix guide", type: "GUIDELINE", language: "en", url: "https://example.eu/guide" } });
  const attachment = await p.attachment.create({
    data: { sha256: "0".repeat(64), fileName: "m.pdf", mimeType: "application/pdf", sizeBytes: 1, uploadedById: officerA.id },
  });

  const pilot = await p.pilot.findFirstOrThrow({ where: { organizationId: athens.id } });
  const grant = await p.grant.findFirstOrThrow({ where: { pilotId: pilot.id } });
  const deadline = await p.reportingDeadline.findFirstOrThrow({ where: { grantId: grant.id } });
  const tranche = await p.tranche.create({ data: { grantId: grant.id, kind: "INTERIM", amountCents: 100_000, plannedDate: new Date("2031-01-01") } });
  const expense = await p.expense.create({
    data: { grantId: grant.id, category: "STAFF", amountCents: 10_000, spentOn: new Date("2026-01-15"), description: "Matrix", supplier: "Matrix", declaredById: officerA.id },
  });
  const round = await p.benchmarkRound.findFirstOrThrow({ where: { community: { members: { some: { organizationId: athens.id } } } } });
  const submission = await p.benchmarkSubmission.create({ data: { roundId: round.id, organizationId: athens.id, frameworkId: round.frameworkId } });
  const indicator = await p.benchmarkIndicator.findFirstOrThrow({ where: { frameworkId: round.frameworkId } });
  const review = await p.peerReview.create({ data: { pilotId: pilot.id, mode: "ONLINE", startsOn: new Date("2031-03-01"), endsOn: new Date("2031-03-02") } });
  await p.reviewAssignment.create({ data: { reviewId: review.id, reviewerId: assignedReviewer.id } });
  const recommendation = await p.reviewRecommendation.create({ data: { reviewId: review.id, text: "Matrix", priority: "HIGH", position: 0 } });
  const criterion = await p.reviewCriterion.findFirst({ where: { reviewId: review.id } });
  const call = await p.openCall.create({ data: { title: "Matrix call", description: "", eligibility: "", deadline: new Date("2031-01-01"), places: 3 } });
  const application = await p.callApplication.create({
    data: { callId: call.id, organizationId: athens.id, contactUserId: officerA.id, communityId: community.id, currentSituation: "", needs: "", motivation: "" },
  });
  const assignment = await p.mentoringAssignment.create({ data: { menteeOrganizationId: athens.id, mentorId: assignedMentor.id } });
  const plan = await p.supportPlan.create({ data: { assignmentId: assignment.id } });
  const action = await p.supportAction.create({ data: { planId: plan.id, title: "Matrix", owner: "Athens" } });
  const actionToDelete = await p.supportAction.create({ data: { planId: plan.id, title: "Matrix 2", owner: "Athens" } });
  const mentoringSession = await p.mentoringSession.create({ data: { planId: plan.id, date: new Date("2031-01-01"), format: "ONLINE" } });
  const mentoringSessionToDelete = await p.mentoringSession.create({ data: { planId: plan.id, date: new Date("2031-01-02"), format: "ONLINE" } });
  const practice = await p.practiceProfile.findFirstOrThrow();
  await p.practiceProfile.update({ where: { id: practice.id }, data: { organizationId: athens.id } });
  const framework = await p.benchmarkFramework.findUniqueOrThrow({ where: { id: round.frameworkId } });

  ids = {
    deadlineId: gid("ReportingDeadline", deadline.id),
    documentAttachmentId: gid("Attachment", attachment.id),
    receiptAttachmentId: gid("Attachment", attachment.id),
    attachmentId: gid("Attachment", attachment.id),
    attachmentIds: attachment.id,
    communityId: gid("Community", community.id),
    communityIds: gid("Community", community.id),
    organizationId: gid("Organization", athens.id),
    leadCityId: gid("Organization", athens.id),
    reviewId: gid("PeerReview", review.id),
    recommendationId: recommendation.id,
    answersRecommendationId: recommendation.id,
    callId: gid("OpenCall", call.id),
    grantId: gid("Grant", grant.id),
    expenseId: gid("Expense", expense.id),
    trancheId: gid("Tranche", tranche.id),
    applicationId: gid("CallApplication", application.id),
    mentorId: gid("User", assignedMentor.id),
    pilotId: gid("Pilot", pilot.id),
    userId: gid("User", target.id),
    userIds: gid("User", target.id),
    reviewerIds: gid("User", assignedReviewer.id),
    sessionId: gid("CommunitySession", session.id),
    assignmentId: gid("MentoringAssignment", assignment.id),
    actionId: action.id,
    roundId: gid("BenchmarkRound", round.id),
    frameworkId: gid("BenchmarkFramework", framework.id),
    ids: gid("Notification", "00000000-0000-4000-8000-000000000000"),
    practiceId: gid("PracticeProfile", practice.id),
    resourceId: gid("CommunityResource", resource.id),
    submissionId: gid("BenchmarkSubmission", submission.id),
    indicatorId: indicator.id,
    indicatorIds: indicator.id,
    criterionId: criterion?.id ?? indicator.id,
  };
  overrides = {
    deleteCommunitySession: { sessionId: gid("CommunitySession", sessionToDelete.id) },
    deleteSupportAction: { actionId: actionToDelete.id },
    saveMentoringSession: { sessionId: mentoringSession.id },
    deleteMentoringSession: { sessionId: mentoringSessionToDelete.id },
  };
  databaseState = databaseFingerprint(p);
}, 120_000);

afterAll(() => app?.close());

/** A value of the input type, well-formed, with fixture ids: enough to get past validation to the rules. */
function valueFor(type: GraphQLInputType, name: string, mutation: string): unknown {
  if (isNonNullType(type)) return valueFor(type.ofType, name, mutation);
  if (isListType(type)) {
    const named = getNamedType(type);
    return named.name === "ID" || isInputObjectType(named) ? [valueFor(type.ofType, name, mutation)] : [];
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || getNamedType(f.type).name === "ID");
    return Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, f.name, mutation)]));
  }
  if (isEnumType(type)) return type.getValues()[0]!.value;
  switch (type.name) {
    case "ID": {
      const id = (overrides[mutation]?.[name] as string | undefined) ?? ids[name];
      if (!id) throw new Error(`${mutation}: no fixture id for input field "${name}"; add one to ids in this test`);
      return id;
    }
    case "String":
      return "Matrix";
    case "Int":
    case "Float":
      return 1;
    case "Boolean":
      return false;
    case "DateTime":
      return "2031-01-01T10:00:00.000Z";
    case "Date":
      return "2031-01-01";
    case "JSON":
      return {};
    case "File":
      return null;
    default:
      return "Matrix";
  }
}

function request(field: GraphQLField<unknown, unknown>) {
  const declarations = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(", ");
  const named = getNamedType(field.type);
  const canConflict = isUnionType(named) && named.getTypes().some((t) => t.name === "ConflictError");
  const selection = isLeafType(named) ? "" : canConflict ? "{ __typename ... on ConflictError { code } }" : "{ __typename }";
  const query = `mutation Matrix${declarations ? `(${declarations})` : ""} { ${field.name}${args ? `(${args})` : ""} ${selection} }`;
  const variables = Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.type, a.name, field.name)]));
  return { query, variables };
}

type Body = { data?: Record<string, { __typename?: string; code?: string } | null> | null; errors?: { message: string; extensions?: { code?: string } }[] };

/** A fresh session per request (a signOut cell must not end the next one's), made before the "before" state. */
async function sessionFor(role: Role): Promise<string | undefined> {
  const actor = actors.get(role);
  return actor ? app.cookieFor(actor) : undefined;
}

async function send(role: Role, field: GraphQLField<unknown, unknown>, cookie: string | undefined): Promise<Body> {  const { query, variables } = request(field);
  if (field.name === "uploadAttachment") {
    const { body, contentType } = multipartBody({ query, variables }, "variables.input.file", { name: "m.png", type: "image/png", bytes: PNG });
    const headers: Record<string, string> = { "content-type": contentType, [CSRF_HEADER]: "1", ...(cookie ? { cookie } : {}) };
    return (await (await app.yoga.fetch("http://citypeer.test/graphql", { method: "POST", headers, body }, { ip: "203.0.113.9" })).json()) as Body;
  }
  // another address per role: sign-in throttling by address must not turn one role's answer into another's
  const response = await app.post({ query, variables }, { cookie, ip: `203.0.113.${ROLES.indexOf(role) + 20}` });
  return (await response.json()) as Body;
}

type Outcome = "unauthenticated" | "forbidden" | "passed" | "invalid";

function outcomeOf(body: Body, field: string): Outcome {
  const code = body.errors?.[0]?.extensions?.code;
  if (code === "UNAUTHENTICATED") return "unauthenticated";
  if (code === "FORBIDDEN") return "forbidden";
  const result = body.data?.[field];
  if (result?.__typename === "ConflictError" && TYPED_REFUSALS.has(result.code ?? "")) return "forbidden";
  // the request never reached the rules: the matrix input is wrong, not the rule
  if (code === "GRAPHQL_VALIDATION_FAILED" || code === "BAD_USER_INPUT" || body.errors?.some((e) => /^Variable "\$/.test(e.message))) return "invalid";
  return "passed";
}

const mutations = Object.values(schema.getMutationType()!.getFields());

describe("authorization matrix", () => {
  it("has a row for every mutation in the schema, and none for a mutation that is gone", () => {
    expect(mutations.map((m) => m.name).filter((m) => !EXPECTED[m]), "add the mutation to EXPECTED").toEqual([]);
    expect(Object.keys(EXPECTED).filter((m) => !mutations.some((f) => f.name === m))).toEqual([]);
  });

  it("refuses every role outside the table, with nothing written, and lets the table's roles past", async () => {
    const wrong: string[] = [];
    let refused = 0;
    for (const field of mutations) {
      const allowed = EXPECTED[field.name]?.allowed ?? [];
      // refusals first: the allowed cells may change what the refused ones would see
      const order = [...ROLES.filter((r) => !allowed.includes(r)), ...ROLES.filter((r) => allowed.includes(r))];
      for (const role of order) {
        const isAllowed = allowed.includes(role);
        const cookie = await sessionFor(role);
        const before = isAllowed ? null : await databaseState();
        const body = await send(role, field, cookie);
        const outcome = outcomeOf(body, field.name);
        const expected: Outcome = isAllowed ? "passed" : role === "anonymous" ? "unauthenticated" : "forbidden";
        if (outcome !== expected) wrong.push(`${field.name} as ${role}: expected ${expected}, got ${outcome} ${JSON.stringify(body).slice(0, 300)}`);
        if (!isAllowed) {
          refused++;
          if ((await databaseState()) !== before) wrong.push(`${field.name} as ${role}: refused, but the database changed`);
        }
      }
    }
    console.info(`authorization matrix: ${mutations.length} mutations x ${ROLES.length} roles, ${refused} refusals checked for writes`);
    expect(wrong).toEqual([]);
  }, 180_000);
});
