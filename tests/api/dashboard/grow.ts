import { DEFAULT_RUBRIC } from "@citypeer/domain/reviews";
import type { TestApp } from "../support/app.ts";
import { DAY, dayStart, makeCall, makeMentoring } from "./support.ts";

/**
 * Ten times the demo partnership: 108 more partner cities (120 in all) spread over the three communities,
 * each with an officer, a pilot, a grant with a budget, ten expenses and an overdue report, a validated or
 * submitted self-assessment, and a peer review with recommendations; plus the demo accounts' own lists grown
 * past a dashboard's length (reviews of reviewer.milan, mentees of mentor.ghent, recommendations and
 * expenses of Athens, open calls).
 */
export async function growTenfold(app: TestApp, citiesToAdd = 108) {
  const p = app.prisma;
  const communities = await p.community.findMany({
    orderBy: { slug: "asc" },
    include: { rounds: { include: { framework: { include: { indicators: { select: { id: true } } } } } } },
  });
  const reviewers = await p.user.findMany({ where: { roles: { has: "PEER_REVIEWER" } }, orderBy: { email: "asc" } });
  const milanReviewer = reviewers.find((r) => r.email === "reviewer.milan@citypeer.eu")!;
  const athensOfficer = await app.userByEmail("officer.athens@citypeer.eu");

  for (let i = 0; i < citiesToAdd; i++) {
    const community = communities[i % communities.length]!;
    const city = await app.make.organization({ name: `Grown city ${String(i).padStart(3, "0")}` });
    await p.communityMember.create({ data: { communityId: community.id, organizationId: city.id, status: "ACTIVE" } });
    const officer = await app.make.user({ roles: ["CITY_OFFICER"], organizationId: city.id });
    const pilot = await p.pilot.create({ data: { organizationId: city.id, communityId: community.id, title: `Pilot of grown city ${i}` } });
    const grant = await p.grant.create({
      data: {
        pilotId: pilot.id,
        budgetStatus: i % 5 === 0 ? "PROPOSED" : "APPROVED",
        budgetLines: { create: [{ category: "STAFF", plannedCents: 1_000_000, approvedCents: 1_000_000 }, { category: "OTHER", plannedCents: 10_000, approvedCents: 10_000 }] },
        deadlines: { create: [{ kind: "INTERIM_REPORT", dueDate: dayStart(-5 - i) }, { kind: "FINAL_REPORT", dueDate: dayStart(300) }] },
      },
    });
    await p.expense.createMany({
      data: Array.from({ length: 10 }, (_, n) => ({
        grantId: grant.id,
        category: (n % 2 ? "STAFF" : "OTHER") as "STAFF" | "OTHER",
        amountCents: 5_000 + n,
        spentOn: dayStart(-n),
        description: `Grown expense ${n}`,
        supplier: "Bulk",
        status: (["DECLARED", "APPROVED", "REJECTED"] as const)[n % 3],
        rejectionReason: n % 3 === 2 ? "Grown" : null,
        decidedAt: n % 3 === 0 ? null : new Date(),
        declaredById: officer.id,
      })),
    });
    for (const round of community.rounds) {
      const submission = await p.benchmarkSubmission.create({
        data: { roundId: round.id, organizationId: city.id, frameworkId: round.frameworkId, status: i % 4 === 0 ? "SUBMITTED" : "VALIDATED", submittedAt: new Date(Date.now() - i * 60_000) },
      });
      await p.indicatorScore.createMany({ data: round.framework.indicators.map((ind, n) => ({ submissionId: submission.id, indicatorId: ind.id, level: (i + n) % 5 })) });
    }
    const team = i % 3 === 0 ? [milanReviewer, reviewers[(i + 1) % reviewers.length]!] : [reviewers[i % reviewers.length]!, reviewers[(i + 3) % reviewers.length]!];
    await p.peerReview.create({
      data: {
        pilotId: pilot.id,
        mode: "ONLINE",
        startsOn: dayStart(i - 20),
        endsOn: dayStart(i - 18),
        status: i < 20 ? "IN_PROGRESS" : "SCHEDULED",
        criteria: { create: DEFAULT_RUBRIC.map((c, position) => ({ code: c.code, title: c.title, descriptors: c.descriptors, position })) },
        assignments: { create: [...new Map(team.map((r) => [r.id, r])).values()].map((r) => ({ reviewerId: r.id })) },
        recommendations: { create: [0, 1].map((position) => ({ text: `Recommendation ${position}`, priority: "MEDIUM" as const, position })) },
      },
    });
  }

  // Athens' own lists: many expenses (some rejected lately), recommendations, another round
  const athens = await p.grant.findFirstOrThrow({ where: { pilot: { organization: { slug: "athens" } } }, include: { pilot: true } });
  await p.expense.createMany({
    data: Array.from({ length: 60 }, (_, n) => ({
      grantId: athens.id,
      category: "STAFF" as const,
      amountCents: 1_000 + n,
      spentOn: dayStart(-n),
      description: `Athens expense ${n}`,
      supplier: "Bulk",
      status: (["DECLARED", "APPROVED", "REJECTED"] as const)[n % 3],
      rejectionReason: n % 3 === 2 ? "No receipt" : null,
      decidedAt: n % 3 === 0 ? null : new Date(Date.now() - n * DAY),
      declaredById: athensOfficer.id,
    })),
  });
  const athensReview = await p.peerReview.create({
    data: { pilotId: athens.pilotId, mode: "ON_SITE", startsOn: dayStart(-30), endsOn: dayStart(-28), status: "CLOSED", reportSummary: "Done" },
  });
  await p.reviewRecommendation.createMany({
    data: Array.from({ length: 12 }, (_, n) => ({ reviewId: athensReview.id, text: `Athens recommendation ${n}`, priority: (["HIGH", "MEDIUM", "LOW"] as const)[n % 3]!, position: n })),
  });
  const housing = communities.find((c) => c.slug === "housing")!;
  const firstRound = housing.rounds[0]!;
  await p.benchmarkRound.create({
    data: { communityId: housing.id, frameworkId: firstRound.frameworkId, name: "Mid-term", kind: "MID_TERM", opensAt: new Date(Date.now() - DAY), closesAt: new Date(Date.now() + 90 * DAY) },
  });

  // mentor.ghent mentors many outside cities; the project runs several calls
  const mentor = await app.userByEmail("mentor.ghent@citypeer.eu");
  for (let i = 0; i < 15; i++) await makeMentoring(app, mentor.id, `Mentee town ${i}`);
  for (let i = 0; i < 12; i++) await makeCall(app, `Grown call ${i}`, (["DRAFT", "PUBLISHED", "CLOSED"] as const)[i % 3]!, 10 + i);
}
