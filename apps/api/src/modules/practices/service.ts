import type { Tx } from "@citypeer/db";
import { weightedScores, type FrameworkShape } from "@citypeer/domain/benchmarks";
import type { FieldIssue } from "@citypeer/domain/errors";
import { draftFromPilot, publishIssues, type PracticeProfileInput, type UpdatePracticeProfile } from "@citypeer/domain/practices";
import type { Viewer } from "../../context.ts";
import { ConflictError, InputError, NotFoundError } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";

const PRACTICE = (id: string) => ({ type: "PracticeProfile", id });

/** The profile as the audit log keeps it: everything the form edits, and the status. */
function stateOf(row: Record<string, unknown>) {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

/** The linked city, community and pilot exist, and a pilot is the linked city's own. */
async function referenceIssues(tx: Tx, input: Pick<PracticeProfileInput, "organizationId" | "communityId" | "pilotId">): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (input.organizationId && !(await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true } }))) {
    issues.push({ path: ["organizationId"], code: "not_found", message: "Unknown city" });
  }
  if (input.communityId && !(await tx.community.findUnique({ where: { id: input.communityId }, select: { id: true } }))) {
    issues.push({ path: ["communityId"], code: "not_found", message: "Unknown community" });
  }
  if (input.pilotId) {
    const pilot = await tx.pilot.findUnique({ where: { id: input.pilotId }, select: { organizationId: true } });
    if (!pilot) issues.push({ path: ["pilotId"], code: "not_found", message: "Unknown pilot" });
    else if (pilot.organizationId !== input.organizationId) issues.push({ path: ["pilotId"], code: "pilot_of_other_city", message: "The pilot belongs to another city" });
  }
  return issues;
}

const isManager = (actor: Viewer) => actor.roles.includes("PROJECT_MANAGER");

/** A new profile starts as a draft: only its editors see it until it is published. */
export async function createPractice(tx: Tx, actor: Viewer, input: PracticeProfileInput, query: object = {}) {
  const issues = await referenceIssues(tx, input);
  if (issues.length) throw new InputError(issues);
  const created = await tx.practiceProfile.create({ data: { ...input, status: "DRAFT" } });
  await recordAudit(tx, actor, "practice.created", PRACTICE(created.id), null, stateOf(created));
  return tx.practiceProfile.findUniqueOrThrow({ ...query, where: { id: created.id } });
}

/** Saves the whole form; a city officer keeps the profile with their own city (the project team may move it). */
export async function updatePractice(tx: Tx, actor: Viewer, input: UpdatePracticeProfile, query: object = {}) {
  const { practiceId, ...data } = input;
  const before = await tx.practiceProfile.findUnique({ where: { id: practiceId } });
  if (!before) throw new NotFoundError("PracticeProfile");
  if (!isManager(actor) && data.organizationId !== before.organizationId) {
    throw InputError.field(["organizationId"], "not_your_city", "A city's officers keep the profile with their city");
  }
  const issues = await referenceIssues(tx, data);
  if (issues.length) throw new InputError(issues);
  if (before.status === "PUBLISHED") {
    const missing = publishIssues(data);
    if (missing.length) throw new InputError(missing);
  }
  const after = await tx.practiceProfile.update({ where: { id: practiceId }, data });
  await recordAudit(tx, actor, "practice.updated", PRACTICE(practiceId), stateOf(before), stateOf(after));
  return tx.practiceProfile.findUniqueOrThrow({ ...query, where: { id: practiceId } });
}

/** Publishing makes the profile readable by everyone signed in; it needs a name, a place, a description and a field. */
export async function publishPractice(tx: Tx, actor: Viewer, practiceId: string, query: object = {}) {
  const before = await tx.practiceProfile.findUnique({ where: { id: practiceId } });
  if (!before) throw new NotFoundError("PracticeProfile");
  if (before.status === "PUBLISHED") throw new ConflictError("already_published", "This profile is published already");
  const issues = publishIssues(before);
  if (issues.length) throw new InputError(issues);
  const after = await tx.practiceProfile.update({ ...query, where: { id: practiceId }, data: { status: "PUBLISHED" } });
  await recordAudit(tx, actor, "practice.published", PRACTICE(practiceId), { status: before.status }, { status: "PUBLISHED" });
  return after;
}

export async function unpublishPractice(tx: Tx, actor: Viewer, practiceId: string, query: object = {}) {
  const before = await tx.practiceProfile.findUnique({ where: { id: practiceId } });
  if (!before) throw new NotFoundError("PracticeProfile");
  if (before.status === "DRAFT") throw new ConflictError("not_published", "This profile is a draft already");
  const after = await tx.practiceProfile.update({ ...query, where: { id: practiceId }, data: { status: "DRAFT" } });
  await recordAudit(tx, actor, "practice.unpublished", PRACTICE(practiceId), { status: before.status }, { status: "DRAFT" });
  return after;
}

/**
 * A completed pilot becomes a draft profile, prefilled from what the pilot already records (rules:
 * `draftFromPilot`). Peer reviews and benchmark progress go in when they exist. One profile per pilot.
 */
export async function practiceDraftFromPilot(tx: Tx, actor: Viewer, pilotId: string, query: object = {}) {
  const pilot = await tx.pilot.findUnique({
    where: { id: pilotId },
    include: {
      organization: { select: { id: true, name: true, cityName: true, country: true, website: true } },
      community: { select: { id: true, name: true, theme: true } },
      objectives: { orderBy: { position: "asc" }, select: { text: true } },
      coDesignActivities: { orderBy: { date: "asc" }, select: { format: true, participantCount: true, migrantOrganisations: true } },
      grant: { select: { capCents: true } },
      reviews: {
        where: { status: "CLOSED" },
        orderBy: { endsOn: "asc" },
        select: { endsOn: true, reportSummary: true, recommendations: { orderBy: { position: "asc" }, select: { text: true } } },
      },
      practices: { select: { id: true } },
    },
  });
  if (!pilot) throw new NotFoundError("Pilot");
  if (pilot.status !== "COMPLETED") throw new ConflictError("pilot_not_completed", "Only a completed pilot becomes a good practice");
  if (pilot.practices.length) throw new ConflictError("practice_exists", "This pilot has a practice profile already");

  const rounds = await tx.benchmarkRound.findMany({
    where: { communityId: pilot.communityId },
    orderBy: { opensAt: "asc" },
    select: {
      name: true,
      framework: { select: { dimensions: { select: { id: true, code: true, indicators: { select: { id: true, code: true, weight: true } } } } } },
      submissions: { where: { organizationId: pilot.organizationId, status: "VALIDATED" }, select: { scores: { select: { indicatorId: true, level: true } } } },
    },
  });
  const benchmarkProgress = rounds
    .filter((r) => r.submissions.length > 0)
    .map((r) => {
      const shape: FrameworkShape = { dimensions: r.framework.dimensions };
      const levels = Object.fromEntries(r.submissions[0]!.scores.map((s) => [s.indicatorId, s.level]));
      return { roundName: r.name, overall: weightedScores(shape, levels).overall };
    });

  const draft = draftFromPilot({
    id: pilot.id,
    title: pilot.title,
    problemStatement: pilot.problemStatement,
    plannedActivities: pilot.plannedActivities,
    targetGroups: pilot.targetGroups,
    contentLanguage: pilot.contentLanguage,
    organization: pilot.organization,
    community: pilot.community,
    objectives: pilot.objectives.map((o) => o.text),
    coDesign: pilot.coDesignActivities,
    grantCapCents: pilot.grant?.capCents ?? null,
    reviews: pilot.reviews.map((r) => ({ endsOn: r.endsOn, reportSummary: r.reportSummary, recommendations: r.recommendations.map((x) => x.text) })),
    benchmarkProgress,
  });
  const created = await tx.practiceProfile.create({ data: { ...draft, status: "DRAFT" } });
  await recordAudit(tx, actor, "practice.drafted_from_pilot", PRACTICE(created.id), null, { pilotId, ...stateOf(created) });
  return tx.practiceProfile.findUniqueOrThrow({ ...query, where: { id: created.id } });
}
