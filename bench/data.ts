/**
 * Deterministic benchmark data on top of the real demo seed.
 *
 * Scale k keeps the three communities and their frameworks and multiplies the cities: the twelve demo
 * cities plus 12·(k−1) generated ones (three in four partner cities with a pilot, one in four outside
 * cities asking to join). Every partner city gets the same kind of activity as the demo cities get at 1x:
 * a self-assessment with answers in each community it belongs to, a pilot plan, a peer review with scores
 * and recommendations, an approved grant budget with tranches, expenses and a report, notifications and
 * audit entries. City n's data comes from its own seeded stream, so 1x is a subset of 10x and reruns match.
 */
import type { Client } from "@citypeer/db";
import { entryHash, GENESIS_HASH, canonicalJson } from "@citypeer/api/modules/audit/service";
import { DEFAULT_RUBRIC, REVIEW_STEPS } from "@citypeer/domain/reviews";
import { Prng } from "./prng.ts";

const DAY = 86_400_000;
const BATCH = 1000;
const COUNTRIES = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"];
const LANGUAGES = ["de", "fr", "it", "es", "pl", "nl", "sv", "el", "ro", "hr", "bg", "pt", "cs", "fi", "da"];
const CATEGORIES = ["STAFF", "TRAVEL_SUBSISTENCE", "EQUIPMENT", "EXTERNAL_SERVICES", "CO_DESIGN_PARTICIPATION", "OTHER"] as const;
/** An approved budget that fills the EUR 30,000 cap. */
const BUDGET_CENTS = [1_200_000, 400_000, 300_000, 600_000, 300_000, 200_000];
const FORMATS = ["WORKSHOP", "FOCUS_GROUP", "INTERVIEWS", "SURVEY", "ONLINE_CONSULTATION", "ADVISORY_BOARD"] as const;
const TARGET_GROUPS = ["REFUGEES", "ASYLUM_SEEKERS", "BENEFICIARIES_OF_TEMPORARY_PROTECTION", "THIRD_COUNTRY_NATIONALS", "WOMEN", "YOUNG_PEOPLE", "FAMILIES"] as const;
const WORDS = "integration newcomers housing language employers mentoring skills recognition guidance shelter mediation landlords case management one-stop counselling outreach volunteers migrant organisations training evaluation".split(" ");

export type GeneratedCounts = Record<string, number>;

type RoundShape = { id: string; communityId: string; frameworkId: string; indicatorIds: string[]; opensAt: Date };
type City = { n: number; organizationId: string; officerId: string; communitySlug: string; kind: "PARTNER_CITY" | "OUTSIDE_CITY" };

const dayOf = (t: number) => new Date(Math.floor(t / DAY) * DAY);

function sentence(r: Prng, words: number): string {
  const text = Array.from({ length: words }, () => r.pick(WORDS)).join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1) + ".";
}

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** Adds scale-k data to a freshly seeded database. Returns row counts per table written. */
export async function generate(prisma: Client, scale: number, now = new Date()): Promise<GeneratedCounts> {
  const t = now.getTime();
  const communities = await prisma.community.findMany({ select: { id: true, slug: true } });
  const communityBySlug = new Map(communities.map((c) => [c.slug, c.id]));
  const slugById = new Map(communities.map((c) => [c.id, c.slug]));
  const rounds = await prisma.benchmarkRound.findMany({
    select: { id: true, communityId: true, frameworkId: true, opensAt: true, framework: { select: { indicators: { select: { id: true }, orderBy: [{ dimension: { position: "asc" } }, { position: "asc" }] } } } },
  });
  const roundByCommunity = new Map<string, RoundShape>(
    rounds.map((r) => [r.communityId, { id: r.id, communityId: r.communityId, frameworkId: r.frameworkId, opensAt: r.opensAt, indicatorIds: r.framework.indicators.map((i) => i.id) }]),
  );
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@citypeer.eu" }, select: { id: true, passwordHash: true } });
  const manager = await prisma.user.findUniqueOrThrow({ where: { email: "manager@citypeer.eu" }, select: { id: true } });
  const passwordHash = admin.passwordHash;

  // The demo cities, in a fixed order (by slug), numbered 1..12.
  const demoOrgs = await prisma.organization.findMany({
    where: { kind: "PARTNER_CITY" },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, pilot: { select: { id: true, communityId: true, grant: { select: { id: true } } } }, users: { select: { id: true, roles: true } } },
  });
  const reviewers = (await prisma.user.findMany({ where: { roles: { has: "PEER_REVIEWER" } }, orderBy: { email: "asc" }, select: { id: true, organizationId: true } })).map((u) => ({
    id: u.id,
    organizationId: u.organizationId!,
  }));

  const organizations: object[] = [];
  const users: object[] = [];
  const members: object[] = [];
  const cities: City[] = [];
  for (const [i, o] of demoOrgs.entries()) {
    const officer = o.users.find((u) => u.roles.includes("CITY_OFFICER"))!;
    const slug = communities.find((c) => c.id === o.pilot!.communityId)!.slug;
    cities.push({ n: i + 1, organizationId: o.id, officerId: officer.id, communitySlug: slug, kind: "PARTNER_CITY" });
  }
  const extra = 12 * (scale - 1);
  for (let i = 0; i < extra; i++) {
    const n = 13 + i;
    const r = new Prng(`organization-${n}`);
    const kind = i % 4 === 3 ? ("OUTSIDE_CITY" as const) : ("PARTNER_CITY" as const);
    const communitySlug = communities[i % communities.length]!.slug;
    const organizationId = r.uuid();
    const language = r.pick(LANGUAGES);
    organizations.push({
      id: organizationId,
      kind,
      slug: `bench-city-${n}`,
      name: `Municipality of Benchton ${n}`,
      cityName: `Benchton ${n}`,
      country: r.pick(COUNTRIES),
      languages: [language, "en"],
    });
    const officerId = r.uuid();
    users.push({ id: officerId, email: `officer.bench-${n}@citypeer.bench`, name: `Benchton ${n} Officer`, passwordHash, roles: ["CITY_OFFICER"], organizationId, workingLanguages: [language, "en"] });
    if (kind === "PARTNER_CITY" && i % 3 !== 2) {
      const reviewerId = r.uuid();
      users.push({ id: reviewerId, email: `reviewer.bench-${n}@citypeer.bench`, name: `Benchton ${n} Reviewer`, passwordHash, roles: ["PEER_REVIEWER"], organizationId, workingLanguages: [language, "en"] });
      reviewers.push({ id: reviewerId, organizationId });
    }
    members.push({
      communityId: communityBySlug.get(communitySlug)!,
      organizationId,
      status: kind === "PARTNER_CITY" ? "ACTIVE" : "REQUESTED",
      requestedAt: new Date(t - 90 * DAY),
      joinedAt: kind === "PARTNER_CITY" ? new Date(t - 80 * DAY) : null,
    });
    cities.push({ n, organizationId, officerId, communitySlug, kind });
  }
  await inBatches(organizations, (data) => prisma.organization.createMany({ data: data as never }));
  await inBatches(users, (data) => prisma.user.createMany({ data: data as never }));
  await inBatches(members, (data) => prisma.communityMember.createMany({ data: data as never }));

  // Every ACTIVE membership answers its community's baseline round (the demo's other members included).
  const memberships = await prisma.communityMember.findMany({ where: { status: "ACTIVE" }, select: { communityId: true, organizationId: true } });
  const cityByOrg = new Map(cities.map((c) => [c.organizationId, c]));
  const submissions: object[] = [];
  const scores: object[] = [];
  const events: object[] = [];
  for (const m of memberships.sort((a, b) => cityByOrg.get(a.organizationId)!.n - cityByOrg.get(b.organizationId)!.n || a.communityId.localeCompare(b.communityId))) {
    const city = cityByOrg.get(m.organizationId)!;
    const round = roundByCommunity.get(m.communityId)!;
    const r = new Prng(`submission-${city.n}-${slugById.get(m.communityId)}`);
    // the demo's officers see results, learn-from and their own city at 1x: their submissions are validated
    const status = city.n <= 12 ? "VALIDATED" : r.chance(0.75) ? "VALIDATED" : r.chance(0.6) ? "SUBMITTED" : "DRAFT";
    const id = r.uuid();
    const submittedAt = status === "DRAFT" ? null : new Date(round.opensAt.getTime() + r.int(1, 10) * DAY);
    submissions.push({
      id,
      roundId: round.id,
      organizationId: m.organizationId,
      frameworkId: round.frameworkId,
      status,
      comment: sentence(r, 12),
      revision: r.int(3, 20),
      submittedAt,
      validatedAt: status === "VALIDATED" ? new Date(submittedAt!.getTime() + 2 * DAY) : null,
    });
    for (const indicatorId of round.indicatorIds) {
      scores.push({
        id: r.uuid(),
        submissionId: id,
        indicatorId,
        level: status === "DRAFT" && r.chance(0.3) ? null : r.int(0, 4),
        evidenceText: sentence(r, r.int(8, 30)),
        evidenceLinks: r.chance(0.3) ? [`https://example.eu/evidence/${city.n}/${r.int(1, 999)}`] : [],
      });
    }
    const steps = status === "DRAFT" ? [] : status === "SUBMITTED" ? ["SUBMITTED"] : ["SUBMITTED", "VALIDATED"];
    let from: string | null = "DRAFT";
    for (const [s, to] of steps.entries()) {
      events.push({ id: r.uuid(), submissionId: id, fromStatus: from, toStatus: to, actorId: to === "VALIDATED" ? manager.id : city.officerId, createdAt: new Date(submittedAt!.getTime() + s * 2 * DAY) });
      from = to;
    }
  }
  await inBatches(submissions, (data) => prisma.benchmarkSubmission.createMany({ data: data as never }));
  await inBatches(scores, (data) => prisma.indicatorScore.createMany({ data: data as never }));
  await inBatches(events, (data) => prisma.submissionEvent.createMany({ data: data as never }));

  // Pilots, grants and reviews of the partner cities.
  const pilots: object[] = [];
  const grants: object[] = [];
  const deadlines: object[] = [];
  const objectives: object[] = [];
  const activities: object[] = [];
  const milestones: object[] = [];
  const pilotIndicators: object[] = [];
  const lines: object[] = [];
  const tranches: object[] = [];
  const expenses: object[] = [];
  const reviews: object[] = [];
  const assignments: object[] = [];
  const reviewSteps: object[] = [];
  const criteria: object[] = [];
  const reviewScores: object[] = [];
  const indicatorViews: object[] = [];
  const recommendations: object[] = [];
  const answers: object[] = [];
  const notifications: object[] = [];
  const audit: { actorId: string | null; action: string; entityType: string; entityId: string; after: unknown }[] = [];
  const demoPilots = new Map(demoOrgs.map((o) => [o.id, o.pilot!]));
  const demoPilotUpdates: { id: string; data: object }[] = [];

  for (const city of cities) {
    const r = new Prng(`activity-${city.n}`);
    for (let k = 0; k < 4; k++) {
      notifications.push({
        id: r.uuid(),
        userId: city.officerId,
        kind: r.pick(["submission.validated", "review.scheduled", "expense.approved", "report.due"]),
        payload: { cityNumber: city.n, item: k },
        readAt: k < 2 ? new Date(t - (10 - k) * DAY) : null,
        createdAt: new Date(t - (20 - k * 4) * DAY),
      });
    }
    audit.push({ actorId: city.officerId, action: "user.signed_in", entityType: "User", entityId: city.officerId, after: { city: city.n } });
    if (city.kind !== "PARTNER_CITY") continue;

    const communityId = communityBySlug.get(city.communitySlug)!;
    const round = roundByCommunity.get(communityId)!;
    const demo = demoPilots.get(city.organizationId);
    const pilotId = demo?.id ?? r.uuid();
    const grantId = demo?.grant?.id ?? r.uuid();
    const pilotData = {
      problemStatement: sentence(r, 40),
      plannedActivities: sentence(r, 60),
      targetGroups: [r.pick(TARGET_GROUPS), "REFUGEES"].filter((g, i, a) => a.indexOf(g) === i),
      status: "IN_IMPLEMENTATION",
      contentLanguage: "en",
    };
    if (demo) demoPilotUpdates.push({ id: pilotId, data: pilotData });
    else {
      pilots.push({ id: pilotId, organizationId: city.organizationId, communityId, title: `Benchton ${city.n}: ${sentence(r, 4).toLowerCase()}`, ...pilotData });
      grants.push({ id: grantId, pilotId });
      deadlines.push({ id: r.uuid(), grantId, kind: "INTERIM_REPORT", dueDate: dayOf(t + 180 * DAY) }, { id: r.uuid(), grantId, kind: "FINAL_REPORT", dueDate: dayOf(t + 420 * DAY) });
    }
    for (let k = 0; k < 2; k++) {
      activities.push({ id: r.uuid(), pilotId, date: dayOf(t - (60 - k * 20) * DAY), format: r.pick(FORMATS), description: sentence(r, 15), participantCount: r.int(5, 60), migrantOrganisations: [`Migrant association ${r.int(1, 50)}`] });
    }
    for (let k = 0; k < 4; k++) {
      milestones.push({ id: r.uuid(), pilotId, title: sentence(r, 5), dueDate: dayOf(t + (k * 60 - 30) * DAY), status: k === 0 ? "DONE" : k === 1 ? "IN_PROGRESS" : "PLANNED", completedAt: k === 0 ? new Date(t - 35 * DAY) : null });
    }
    const chosen = [...new Set([r.int(0, round.indicatorIds.length - 1), r.int(0, round.indicatorIds.length - 1), r.int(0, round.indicatorIds.length - 1)])].map((x) => round.indicatorIds[x]!);
    for (const indicatorId of chosen) pilotIndicators.push({ pilotId, indicatorId });

    // Grant: approved budget filling the cap, pre-financing paid, interim requested, spending under way.
    CATEGORIES.forEach((category, k) => lines.push({ id: r.uuid(), grantId, category, plannedCents: BUDGET_CENTS[k]!, approvedCents: BUDGET_CENTS[k]! }));
    tranches.push(
      { id: r.uuid(), grantId, kind: "PRE_FINANCING", amountCents: 1_200_000, plannedDate: dayOf(t - 90 * DAY), status: "PAID", requestedAt: new Date(t - 95 * DAY), approvedAt: new Date(t - 92 * DAY), paidAt: new Date(t - 90 * DAY) },
      { id: r.uuid(), grantId, kind: "INTERIM", amountCents: 1_200_000, plannedDate: dayOf(t + 30 * DAY), status: "REQUESTED", requestedAt: new Date(t - 5 * DAY) },
      { id: r.uuid(), grantId, kind: "FINAL_BALANCE", amountCents: 600_000, plannedDate: dayOf(t + 400 * DAY), status: "PLANNED" },
    );
    const expenseCount = r.int(8, 16);
    for (let k = 0; k < expenseCount; k++) {
      const status = k < expenseCount - 3 ? "APPROVED" : k === expenseCount - 1 ? "REJECTED" : "DECLARED";
      const id = r.uuid();
      expenses.push({
        id,
        grantId,
        category: r.pick(CATEGORIES),
        amountCents: r.int(5_000, 150_000),
        spentOn: dayOf(t - r.int(1, 90) * DAY),
        description: sentence(r, 6),
        supplier: `Supplier ${r.int(1, 300)}`,
        status,
        rejectionReason: status === "REJECTED" ? "No receipt for this amount" : null,
        declaredById: city.officerId,
        decidedById: status === "DECLARED" ? null : manager.id,
        decidedAt: status === "DECLARED" ? null : new Date(t - r.int(1, 30) * DAY),
        createdAt: new Date(t - r.int(31, 95) * DAY),
      });
      audit.push({ actorId: city.officerId, action: "expense.declared", entityType: "Expense", entityId: id, after: { grantId, amountCents: k } });
    }
    audit.push(
      { actorId: manager.id, action: "budget.approved", entityType: "Grant", entityId: grantId, after: { budgetTotalCents: 3_000_000 } },
      { actorId: manager.id, action: "tranche.paid", entityType: "Grant", entityId: grantId, after: { kind: "PRE_FINANCING" } },
    );

    // One peer review, by two reviewers from other cities.
    const pool = reviewers.filter((x) => x.organizationId !== city.organizationId);
    const first = r.int(0, pool.length - 1);
    const team = [pool[first]!, pool[(first + 1 + r.int(0, pool.length - 2)) % pool.length]!].filter((x, i, a) => a.findIndex((y) => y.id === x.id) === i);
    const reviewId = r.uuid();
    const status = city.n <= 12 ? "CLOSED" : r.pick(["SCHEDULED", "IN_PROGRESS", "IN_PROGRESS", "CLOSED", "CLOSED"] as const);
    const startsOn = dayOf(t - (status === "SCHEDULED" ? -30 : 40) * DAY);
    reviews.push({
      id: reviewId,
      pilotId,
      mode: r.chance(0.6) ? "ON_SITE" : "ONLINE",
      startsOn,
      endsOn: new Date(startsOn.getTime() + 2 * DAY),
      agenda: sentence(r, 20),
      status,
      reportSummary: status === "CLOSED" ? sentence(r, 40) : "",
      reportPublishedAt: status === "CLOSED" ? new Date(t - 20 * DAY) : null,
      closedAt: status === "CLOSED" ? new Date(t - 20 * DAY) : null,
    });
    REVIEW_STEPS.forEach((kind, k) => reviewSteps.push({ id: r.uuid(), reviewId, kind, dueDate: new Date(startsOn.getTime() + (k - 2) * 7 * DAY), completedAt: status === "CLOSED" || (status === "IN_PROGRESS" && k < 3) ? new Date(startsOn.getTime() + (k - 2) * 7 * DAY) : null }));
    const criterionIds = DEFAULT_RUBRIC.map((c, position) => {
      const id = r.uuid();
      criteria.push({ id, reviewId, code: c.code, title: c.title, descriptors: c.descriptors, position });
      return id;
    });
    for (const reviewer of team) {
      const submitted = status !== "SCHEDULED";
      assignments.push({ reviewId, reviewerId: reviewer.id, scoresSubmittedAt: submitted ? new Date(startsOn.getTime() + 3 * DAY) : null, assignedAt: new Date(t - 70 * DAY) });
      if (!submitted) continue;
      for (const criterionId of criterionIds) reviewScores.push({ id: r.uuid(), reviewId, criterionId, reviewerId: reviewer.id, score: r.int(1, 5), comment: sentence(r, 10) });
      for (const indicatorId of chosen) indicatorViews.push({ id: r.uuid(), reviewId, reviewerId: reviewer.id, indicatorId, level: r.int(0, 4), comment: sentence(r, 8) });
    }
    const objectiveRecommendations: (string | null)[] = [null, null, null];
    if (status === "CLOSED") {
      for (let k = 0; k < 3; k++) {
        const id = r.uuid();
        recommendations.push({ id, reviewId, text: sentence(r, 18), priority: (["HIGH", "MEDIUM", "LOW"] as const)[k], position: k, createdAt: new Date(t - 20 * DAY) });
        if (k < 2) answers.push({ recommendationId: id, response: k === 0 ? "IN_PROGRESS" : "ACCEPTED", answeredById: city.officerId, answeredAt: new Date(t - 10 * DAY) });
        objectiveRecommendations[k] = k === 0 ? id : null;
      }
    }
    objectiveRecommendations.forEach((answersRecommendationId, k) => objectives.push({ id: r.uuid(), pilotId, text: sentence(r, 12), position: k, answersRecommendationId }));
    audit.push({ actorId: manager.id, action: "review.scheduled", entityType: "PeerReview", entityId: reviewId, after: { pilotId } });
  }

  await inBatches(pilots, (data) => prisma.pilot.createMany({ data: data as never }));
  for (const u of demoPilotUpdates) await prisma.pilot.update({ where: { id: u.id }, data: u.data as never });
  await inBatches(grants, (data) => prisma.grant.createMany({ data: data as never }));
  await inBatches(deadlines, (data) => prisma.reportingDeadline.createMany({ data: data as never }));
  // every grant gets the same approved budget: one statement for all of them
  await prisma.grant.updateMany({ data: { capCents: 3_000_000, budgetStatus: "APPROVED", budgetApprovedAt: new Date(t - 100 * DAY), budgetTotalCents: 3_000_000, committedCents: 1_200_000 } });
  await inBatches(activities, (data) => prisma.coDesignActivity.createMany({ data: data as never }));
  await inBatches(milestones, (data) => prisma.milestone.createMany({ data: data as never }));
  await inBatches(pilotIndicators, (data) => prisma.pilotIndicator.createMany({ data: data as never }));
  await inBatches(lines, (data) => prisma.budgetLine.createMany({ data: data as never }));
  await inBatches(tranches, (data) => prisma.tranche.createMany({ data: data as never }));
  await inBatches(expenses, (data) => prisma.expense.createMany({ data: data as never }));
  await inBatches(reviews, (data) => prisma.peerReview.createMany({ data: data as never }));
  await inBatches(assignments, (data) => prisma.reviewAssignment.createMany({ data: data as never }));
  await inBatches(reviewSteps, (data) => prisma.reviewStep.createMany({ data: data as never }));
  await inBatches(criteria, (data) => prisma.reviewCriterion.createMany({ data: data as never }));
  await inBatches(reviewScores, (data) => prisma.reviewScore.createMany({ data: data as never }));
  await inBatches(indicatorViews, (data) => prisma.reviewIndicatorView.createMany({ data: data as never }));
  await inBatches(recommendations, (data) => prisma.reviewRecommendation.createMany({ data: data as never }));
  await inBatches(answers, (data) => prisma.recommendationAnswer.createMany({ data: data as never }));
  await inBatches(objectives, (data) => prisma.pilotObjective.createMany({ data: data as never }));
  await inBatches(notifications, (data) => prisma.notification.createMany({ data: data as never }));
  const auditRows = await chainAudit(prisma, audit, t);
  await inBatches(auditRows, (data) => prisma.auditEntry.createMany({ data: data as never }));

  return {
    organizations: organizations.length,
    users: users.length,
    submissions: submissions.length,
    indicatorScores: scores.length,
    pilots: pilots.length + demoPilotUpdates.length,
    reviews: reviews.length,
    reviewScores: reviewScores.length,
    budgetLines: lines.length,
    tranches: tranches.length,
    expenses: expenses.length,
    notifications: notifications.length,
    auditEntries: auditRows.length,
  };
}

/** Audit rows chained like recordAudit chains them (hash of the previous hash and the row), in insertion order. */
async function chainAudit(prisma: Client, entries: { actorId: string | null; action: string; entityType: string; entityId: string; after: unknown }[], t: number) {
  const last = await prisma.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  let prevHash = last?.hash ?? GENESIS_HASH;
  const start = t - entries.length * 1000;
  return entries.map((e, i) => {
    const fields = { prevHash, occurredAt: new Date(start + i * 1000), actorId: e.actorId, action: e.action, entityType: e.entityType, entityId: e.entityId, before: null, after: JSON.parse(canonicalJson(e.after)) };
    const hash = entryHash(fields);
    prevHash = hash;
    return { ...fields, before: undefined, hash };
  });
}
