import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@citypeer/db";
import { MIGRATIONS_DIR } from "@citypeer/db/migrations";
import { seed } from "../../../prisma/seed/index.ts";
import { freshDatabase } from "../support/database.ts";

let db: Db;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.close());

describe("migrations", () => {
  it("applies nothing twice", async () => {
    expect(await db.migrate()).toEqual([]);
  });

  it("reports a broken migration as failed and never records it as applied", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "citypeer-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    mkdirSync(path.join(dir, "29991231000000_broken"));
    writeFileSync(path.join(dir, "29991231000000_broken", "migration.sql"), 'ALTER TABLE "NoSuchTable" ADD COLUMN "x" INTEGER;');
    await expect(db.migrate(dir)).rejects.toThrow();
    const rows = await db.prisma.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations WHERE migration_name = '29991231000000_broken'`;
    expect(rows.every((r) => r.finished_at === null)).toBe(true);
  });
});

describe("seed", () => {
  it("is idempotent: a second run changes no counts", async () => {
    await seed(db.prisma);
    const count = async () => ({
      organizations: await db.prisma.organization.count(),
      users: await db.prisma.user.count(),
      communities: await db.prisma.community.count(),
      members: await db.prisma.communityMember.count(),
      indicators: await db.prisma.benchmarkIndicator.count(),
      levels: await db.prisma.indicatorLevel.count(),
      rounds: await db.prisma.benchmarkRound.count(),
      pilots: await db.prisma.pilot.count(),
      grants: await db.prisma.grant.count(),
      sessions: await db.prisma.communitySession.count(),
    });
    const first = await count();
    await seed(db.prisma);
    expect(await count()).toEqual(first);
    expect(first).toMatchObject({ organizations: 15, communities: 3, pilots: 12, grants: 12, rounds: 3 });
    expect(first.levels).toBe(first.indicators * 5);
    const grants = await db.prisma.grant.findMany({ select: { capCents: true } });
    expect(grants.every((g) => g.capCents === 3_000_000)).toBe(true);
  });

  it("creates every demo account the README lists", async () => {
    const cities = ["athens", "sofia", "milan", "gothenburg", "vienna", "dortmund", "ghent", "cluj", "nantes", "lublin", "zagreb", "fuenlabrada"];
    const emails = new Set((await db.prisma.user.findMany({ select: { email: true } })).map((u) => u.email));
    for (const e of ["admin@citypeer.eu", "manager@citypeer.eu", ...cities.map((c) => `officer.${c}@citypeer.eu`)]) expect(emails).toContain(e);
    expect([...emails].filter((e) => e.startsWith("reviewer.")).length).toBeGreaterThanOrEqual(6);
    expect([...emails].filter((e) => e.startsWith("mentor.")).length).toBeGreaterThanOrEqual(3);
  });
});

describe("database rules", () => {
  it("refuses to UPDATE or DELETE an audit entry", async () => {
    await db.prisma.auditEntry.create({ data: { action: "test", entityType: "Test", entityId: "1", prevHash: "0", hash: "h-1" } });
    await expect(db.prisma.$executeRaw`UPDATE "AuditEntry" SET "action" = 'tampered'`).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRaw`DELETE FROM "AuditEntry"`).rejects.toThrow(/append-only/);
    expect(await db.prisma.auditEntry.count({ where: { action: "test" } })).toBe(1);
  });

  it("refuses a grant whose committed payments pass its cap", async () => {
    const grant = await db.prisma.grant.findFirstOrThrow();
    await expect(db.prisma.grant.update({ where: { id: grant.id }, data: { committedCents: grant.capCents + 1 } })).rejects.toThrow();
  });

  it("refuses a maturity level outside 0-4", async () => {
    const level = await db.prisma.indicatorLevel.findFirstOrThrow();
    await expect(db.prisma.indicatorLevel.update({ where: { indicatorId_level: { indicatorId: level.indicatorId, level: level.level } }, data: { level: 7 } })).rejects.toThrow();
  });
});
