import type { Tx } from "@citypeer/db";
import {
  acceptsSubmissions,
  canTransition,
  isEditable,
  unscoredIndicators,
  type SaveDraft,
  type SubmissionStatus,
} from "@citypeer/domain/benchmarks";
import type { FieldIssue } from "@citypeer/domain/errors";
import type { Viewer } from "../../context.ts";
import { ConflictError, InputError, NotFoundError } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";
import { notify } from "../notifications/service.ts";

const SUBMISSION = (id: string) => ({ type: "BenchmarkSubmission", id });

async function roundForCity(tx: Tx, roundId: string, organizationId: string) {
  const round = await tx.benchmarkRound.findUnique({
    where: { id: roundId },
    include: {
      framework: { include: { indicators: { select: { id: true } } } },
      extensions: { where: { organizationId } },
    },
  });
  if (!round) throw InputError.field(["roundId"], "not_found", "Unknown round");
  // only the community's member cities assess themselves in its rounds
  const membership = await tx.communityMember.findUnique({ where: { communityId_organizationId: { communityId: round.communityId, organizationId } } });
  if (membership?.status !== "ACTIVE") throw InputError.field(["roundId"], "not_a_member", "Your city is not a member of this community");
  return round;
}

function assertOpen(round: { opensAt: Date; closesAt: Date; extensions: { closesAt: Date }[] }) {
  if (!acceptsSubmissions(round, new Date(), round.extensions[0]?.closesAt)) {
    throw InputError.field(["roundId"], "round_closed", "This round does not take submissions now");
  }
}

/**
 * Saves what the officer changed since the last save (the form autosaves). Creates the city's
 * submission on first save. `revision` must match, so a second tab cannot silently overwrite the first.
 */
export async function saveSubmissionDraft(tx: Tx, actor: Viewer, input: SaveDraft & { frameworkId?: string | null }, query: object = {}) {
  const organizationId = actor.organizationId!;
  const round = await roundForCity(tx, input.roundId, organizationId);
  assertOpen(round);
  if (input.frameworkId && input.frameworkId !== round.frameworkId) {
    throw InputError.field(["frameworkId"], "framework_version_mismatch", "This round uses another version of the framework");
  }
  const known = new Set(round.framework.indicators.map((i) => i.id));
  const issues: FieldIssue[] = input.scores.flatMap((s, i) =>
    known.has(s.indicatorId) ? [] : [{ path: ["scores", String(i), "indicatorId"], code: "unknown_indicator", message: "This indicator is not in the round's framework" }],
  );
  const attachmentIds = [...new Set(input.scores.flatMap((s) => s.attachmentIds))];
  if (attachmentIds.length) {
    // evidence files must be uploads by people of the same city
    const own = await tx.attachment.count({ where: { id: { in: attachmentIds }, uploadedBy: { organizationId } } });
    if (own !== attachmentIds.length) {
      input.scores.forEach((s, i) => {
        if (s.attachmentIds.length) issues.push({ path: ["scores", String(i), "attachmentIds"], code: "attachment_not_found", message: "Unknown attachment" });
      });
    }
  }
  if (issues.length) throw new InputError(issues);

  let submission = await tx.benchmarkSubmission.findUnique({ where: { roundId_organizationId: { roundId: round.id, organizationId } } });
  if (!submission) {
    if (input.revision !== 0) throw new ConflictError("stale_revision", "This submission changed elsewhere; reload to continue");
    // a new draft is in its author's language until they say otherwise
    const contentLanguage = input.contentLanguage ?? actor.locale;
    submission = await tx.benchmarkSubmission.create({ data: { roundId: round.id, organizationId, frameworkId: round.frameworkId, contentLanguage } });
    await tx.submissionEvent.create({ data: { submissionId: submission.id, toStatus: "DRAFT", actorId: actor.id } });
    await recordAudit(tx, actor, "submission.created", SUBMISSION(submission.id), null, { roundId: round.id, organizationId });
  }
  if (!isEditable(submission.status as SubmissionStatus)) {
    throw new ConflictError("not_editable", "A submitted or validated submission cannot be edited");
  }
  // conditional bump: two concurrent saves from the same revision cannot both pass
  const bumped = await tx.benchmarkSubmission.updateMany({
    where: { id: submission.id, revision: input.revision },
    data: {
      revision: { increment: 1 },
      ...(input.comment !== undefined ? { comment: input.comment } : {}),
      ...(input.contentLanguage !== undefined ? { contentLanguage: input.contentLanguage } : {}),
    },
  });
  if (bumped.count === 0) throw new ConflictError("stale_revision", "This submission changed elsewhere; reload to continue");

  for (const s of input.scores) {
    const data = { level: s.level, evidenceText: s.evidenceText, evidenceLinks: s.evidenceLinks };
    const score = await tx.indicatorScore.upsert({
      where: { submissionId_indicatorId: { submissionId: submission.id, indicatorId: s.indicatorId } },
      create: { submissionId: submission.id, indicatorId: s.indicatorId, ...data },
      update: data,
    });
    await tx.scoreEvidence.deleteMany({ where: { scoreId: score.id, attachmentId: { notIn: s.attachmentIds } } });
    if (s.attachmentIds.length) {
      await tx.scoreEvidence.createMany({ data: s.attachmentIds.map((attachmentId) => ({ scoreId: score.id, attachmentId })), skipDuplicates: true });
    }
  }
  return tx.benchmarkSubmission.findUniqueOrThrow({ ...query, where: { id: submission.id } });
}

async function loadForTransition(tx: Tx, submissionId: string) {
  // lock the row: a submit racing a validate must not both apply
  await tx.$executeRaw`SELECT 1 FROM "BenchmarkSubmission" WHERE "id" = ${submissionId}::uuid FOR UPDATE`;
  const submission = await tx.benchmarkSubmission.findUnique({
    where: { id: submissionId },
    include: { round: { include: { extensions: true, framework: { include: { indicators: { select: { id: true } } } } } }, scores: true },
  });
  if (!submission) throw new NotFoundError("BenchmarkSubmission");
  return submission;
}

async function transition(
  tx: Tx,
  actor: Viewer,
  submission: { id: string; status: string; organizationId: string },
  to: SubmissionStatus,
  comment: string,
  extra: object,
  query: object,
) {
  const updated = await tx.benchmarkSubmission.update({ ...query, where: { id: submission.id }, data: { status: to, ...extra } });
  await tx.submissionEvent.create({
    data: { submissionId: submission.id, fromStatus: submission.status as SubmissionStatus, toStatus: to, actorId: actor.id, comment },
  });
  await recordAudit(tx, actor, `submission.${to.toLowerCase()}`, SUBMISSION(submission.id), { status: submission.status }, { status: to, comment });
  return updated;
}

/** Submits when every indicator has a level and the round (or the city's extension) is open. */
export async function submitSubmission(tx: Tx, actor: Viewer, submissionId: string, query: object = {}) {
  const submission = await loadForTransition(tx, submissionId);
  if (!canTransition("submit", submission.status as SubmissionStatus)) throw new ConflictError("not_editable", "Already submitted");
  assertOpen({ ...submission.round, extensions: submission.round.extensions.filter((e) => e.organizationId === submission.organizationId) });
  const missing = unscoredIndicators(submission.round.framework.indicators.map((i) => i.id), submission.scores);
  if (missing.length) {
    throw new InputError(missing.map((id) => ({ path: ["scores", id, "level"], code: "level_required", message: "Choose a level for every indicator" })));
  }
  return transition(tx, actor, submission, "SUBMITTED", "", { submittedAt: new Date() }, query);
}

/** The project team validates a submitted self-assessment; the city's officers are notified. */
export async function validateSubmission(tx: Tx, actor: Viewer, submissionId: string, query: object = {}) {
  const submission = await loadForTransition(tx, submissionId);
  if (!canTransition("validate", submission.status as SubmissionStatus)) throw new ConflictError("not_submitted", "Only a submitted self-assessment can be validated");
  const updated = await transition(tx, actor, submission, "VALIDATED", "", { validatedAt: new Date() }, query);
  await notify(tx, await cityOfficerIds(tx, submission.organizationId), "benchmark.submission_validated", { round: submission.round.name }, `/benchmarks/rounds/${submission.roundId}`);
  return updated;
}

/** The project team returns it with a comment; the officers fix it and submit again. */
export async function returnSubmission(tx: Tx, actor: Viewer, submissionId: string, comment: string, query: object = {}) {
  const submission = await loadForTransition(tx, submissionId);
  if (!canTransition("return", submission.status as SubmissionStatus)) throw new ConflictError("not_submitted", "Only a submitted self-assessment can be returned");
  const updated = await transition(tx, actor, submission, "RETURNED", comment, { submittedAt: null }, query);
  await notify(tx, await cityOfficerIds(tx, submission.organizationId), "benchmark.submission_returned", { round: submission.round.name, comment }, `/benchmarks/rounds/${submission.roundId}`);
  return updated;
}

async function cityOfficerIds(tx: Tx, organizationId: string): Promise<string[]> {
  const officers = await tx.user.findMany({ where: { organizationId, roles: { has: "CITY_OFFICER" }, deactivatedAt: null }, select: { id: true } });
  return officers.map((o) => o.id);
}
