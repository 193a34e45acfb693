/**
 * Demo data: the CONSOLIDATE partnership, its communities and frameworks, a baseline round,
 * a pilot with a EUR 30,000 grant per city and the demo accounts. Idempotent: everything is
 * upserted by a natural key, in one transaction, so a second run changes nothing.
 *   pnpm db:seed          (DATABASE_URL, else the embedded database in CITYPEER_DATA_DIR)
 */
import { pathToFileURL } from "node:url";
import { createDb, type Client, type Tx } from "@citypeer/db";
import { hashPassword } from "@citypeer/api/modules/identity/passwords";
import { cities, communities, mentorCities, mentorThemes, networks, reviewerCities } from "./data/partners.ts";
import { frameworks } from "./data/frameworks.ts";
import { seedPractices } from "./data/practices.ts";

export const DEMO_PASSWORD = "citypeer-demo";
const DAY = 86_400_000;

type DemoUser = { email: string; name: string; roles: string[]; org: string; languages: string[] };

export function demoUsers(): DemoUser[] {
  const title = (slug: string) => cities.find((c) => c.slug === slug)!.cityName!;
  const langs = (slug: string) => cities.find((c) => c.slug === slug)!.languages;
  return [
    { email: "admin@citypeer.eu", name: "Ada Admin", roles: ["ADMIN"], org: "eurocities", languages: ["en"] },
    { email: "manager@citypeer.eu", name: "Maria Manager", roles: ["PROJECT_MANAGER"], org: "eurocities", languages: ["en", "fr"] },
    ...cities.map((c) => ({ email: `officer.${c.slug}@citypeer.eu`, name: `${c.cityName} Officer`, roles: ["CITY_OFFICER"], org: c.slug, languages: c.languages })),
    ...reviewerCities.map((s) => ({ email: `reviewer.${s}@citypeer.eu`, name: `${title(s)} Reviewer`, roles: ["PEER_REVIEWER"], org: s, languages: langs(s) })),
    ...mentorCities.map((s) => ({ email: `mentor.${s}@citypeer.eu`, name: `${title(s)} Mentor`, roles: ["MENTOR"], org: s, languages: langs(s) })),
  ];
}

export async function seed(prisma: Client, now = new Date()): Promise<void> {
  // One hash for every demo account keeps seeding fast; each real account gets its own salt.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(
    async (tx) => {
      const orgIds = await seedOrganizations(tx);
      const userIds = await seedUsers(tx, orgIds, passwordHash);
      const communityIds = await seedCommunities(tx, orgIds, userIds);
      await seedFrameworksAndRounds(tx, communityIds, now);
      await seedPilots(tx, orgIds, communityIds, now);
      await seedSessions(tx, communityIds, now);
      await seedPractices(tx, orgIds, communityIds);
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
}

async function seedOrganizations(tx: Tx): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const o of [...networks, ...cities]) {
    const data = { name: o.name, cityName: o.cityName ?? null, country: o.country, languages: o.languages, kind: o.kind };
    const row = await tx.organization.upsert({ where: { slug: o.slug }, create: { slug: o.slug, ...data }, update: data });
    ids.set(o.slug, row.id);
  }
  return ids;
}

async function seedUsers(tx: Tx, orgIds: Map<string, string>, passwordHash: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const u of demoUsers()) {
    const data = { name: u.name, roles: u.roles as never, organizationId: orgIds.get(u.org)!, workingLanguages: u.languages };
    const row = await tx.user.upsert({ where: { email: u.email }, create: { email: u.email, passwordHash, ...data }, update: data });
    ids.set(u.email, row.id);
  }
  return ids;
}

async function seedCommunities(tx: Tx, orgIds: Map<string, string>, userIds: Map<string, string>): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const c of communities) {
    const data = { name: c.name, theme: c.theme, description: c.description, leadCityId: orgIds.get(c.lead)! };
    const row = await tx.community.upsert({ where: { slug: c.slug }, create: { slug: c.slug, ...data }, update: data });
    ids.set(c.slug, row.id);
    for (const city of [...c.pilotCities, ...c.otherMembers]) {
      const key = { communityId: row.id, organizationId: orgIds.get(city)! };
      await tx.communityMember.upsert({
        where: { communityId_organizationId: key },
        create: { ...key, status: "ACTIVE", joinedAt: new Date("2024-01-15") },
        update: {},
      });
    }
    for (const email of ["manager@citypeer.eu", `officer.${c.lead}@citypeer.eu`]) {
      const key = { communityId: row.id, userId: userIds.get(email)! };
      await tx.communityCoordinator.upsert({ where: { communityId_userId: key }, create: key, update: {} });
    }
  }
  for (const [city, slugs] of Object.entries(mentorThemes)) {
    for (const slug of slugs) {
      const key = { userId: userIds.get(`mentor.${city}@citypeer.eu`)!, communityId: ids.get(slug)! };
      await tx.mentorTheme.upsert({ where: { userId_communityId: key }, create: key, update: {} });
    }
  }
  return ids;
}

async function seedFrameworksAndRounds(tx: Tx, communityIds: Map<string, string>, now: Date) {
  for (const f of frameworks) {
    const communityId = communityIds.get(f.communitySlug)!;
    const existing = await tx.benchmarkFramework.findUnique({ where: { communityId_version: { communityId, version: 1 } } });
    if (existing) continue;
    const framework = await tx.benchmarkFramework.create({ data: { communityId, version: 1, title: f.title } });
    for (const [d, dim] of f.dimensions.entries()) {
      const dimension = await tx.benchmarkDimension.create({
        data: { frameworkId: framework.id, code: dim.code, title: dim.title, description: dim.description, position: d },
      });
      for (const [i, ind] of dim.indicators.entries()) {
        await tx.benchmarkIndicator.create({
          data: {
            frameworkId: framework.id,
            dimensionId: dimension.id,
            code: ind.code,
            title: ind.title,
            guidance: ind.guidance,
            weight: ind.weight,
            position: i,
            levels: { create: ind.levels.map((descriptor, level) => ({ level, descriptor })) },
          },
        });
      }
    }
    await tx.benchmarkRound.create({
      data: {
        communityId,
        frameworkId: framework.id,
        name: "Baseline",
        kind: "BASELINE",
        opensAt: new Date(now.getTime() - 14 * DAY),
        closesAt: new Date(now.getTime() + 60 * DAY),
      },
    });
  }
}

async function seedPilots(tx: Tx, orgIds: Map<string, string>, communityIds: Map<string, string>, now: Date) {
  for (const c of communities) {
    for (const city of c.pilotCities) {
      const organizationId = orgIds.get(city)!;
      const cityName = cities.find((x) => x.slug === city)!.cityName!;
      const pilot = await tx.pilot.upsert({
        where: { organizationId },
        create: {
          organizationId,
          communityId: communityIds.get(c.slug)!,
          title: `${cityName}: ${c.name.toLowerCase()} pilot`,
          problemStatement: "",
          targetGroups: ["REFUGEES", "THIRD_COUNTRY_NATIONALS"],
          status: "DRAFT",
        },
        update: {},
      });
      await tx.grant.upsert({
        where: { pilotId: pilot.id },
        create: {
          pilotId: pilot.id,
          deadlines: {
            create: [
              { kind: "INTERIM_REPORT", dueDate: new Date(now.getTime() + 180 * DAY) },
              { kind: "FINAL_REPORT", dueDate: new Date(now.getTime() + 420 * DAY) },
            ],
          },
        },
        update: {},
      });
    }
  }
}

/** The three cross-cutting online trainings of the project and a kick-off meeting per community. */
async function seedSessions(tx: Tx, communityIds: Map<string, string>, now: Date) {
  if ((await tx.communitySession.count()) > 0) return;
  const at = (days: number, hour: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, hour));
  const trainings = [
    { topic: "NEWCOMER_DATA", title: "Generating and sharing data on newcomers", days: 10 },
    { topic: "WOMEN_CENTRED_POLICIES", title: "Women-centred integration policies", days: 24 },
    { topic: "EMERGENCY_TO_STRATEGY", title: "From emergency response to a strategic approach", days: 38 },
  ] as const;
  for (const t of trainings) {
    await tx.communitySession.create({
      data: { kind: "TRAINING", topic: t.topic, title: t.title, startsAt: at(t.days, 9), endsAt: at(t.days, 11), onlineUrl: "https://meet.example.eu/consolidate" },
    });
  }
  for (const [i, c] of communities.entries()) {
    await tx.communitySession.create({
      data: {
        communityId: communityIds.get(c.slug)!,
        kind: "MEETING",
        title: `${c.name}: benchmark kick-off`,
        startsAt: at(-30 + i, 10),
        endsAt: at(-30 + i, 16),
        location: cities.find((x) => x.slug === c.lead)!.cityName!,
      },
    });
  }
}

/** Whether the database holds no data yet (pnpm start seeds only then). */
export async function isEmpty(prisma: Client): Promise<boolean> {
  return (await prisma.organization.count()) === 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const db = await createDb();
  try {
    const started = Date.now();
    await seed(db.prisma);
    console.log(`Seeded demo data in ${Date.now() - started} ms (${db.kind}). Password for every demo account: ${DEMO_PASSWORD}`);
  } finally {
    await db.close();
  }
}
