import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit, verifyAuditChain } from "@citypeer/api/modules/audit/service";
import { createTestApp, type TestApp } from "../support/app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe("the audit log", () => {
  it("chains every entry to the one before and verifies", async () => {
    const actor = await app.make.user();
    for (let i = 0; i < 5; i++) {
      await app.prisma.$transaction((tx) =>
        recordAudit(tx, actor, "grant.updated", { type: "Grant", id: "g1" }, { capCents: 3_000_000 + i, at: new Date(0) }, { capCents: 3_000_001 + i, nested: { b: 1, a: [1, 2] } }),
      );
    }
    expect(await verifyAuditChain(app.prisma)).toEqual({ ok: true, checked: 5, firstBrokenSeq: null });
  });

  it("keeps nothing of a rolled-back change", async () => {
    const before = await app.prisma.auditEntry.count();
    await expect(
      app.prisma.$transaction(async (tx) => {
        await recordAudit(tx, null, "x.y", { type: "X", id: "1" }, null, { a: 1 });
        throw new Error("rollback");
      }),
    ).rejects.toThrow();
    expect(await app.prisma.auditEntry.count()).toBe(before);
  });

  it("refuses UPDATE and DELETE in the database itself", async () => {
    await expect(app.prisma.$executeRaw`UPDATE "AuditEntry" SET "action" = 'forged'`).rejects.toThrow(/append-only/);
    await expect(app.prisma.$executeRaw`DELETE FROM "AuditEntry"`).rejects.toThrow(/append-only/);
    await expect(app.prisma.auditEntry.deleteMany({})).rejects.toThrow();
  });

  it("detects a tampered row (someone with the power to disable the trigger)", async () => {
    const target = await app.prisma.auditEntry.findFirstOrThrow({ orderBy: { seq: "asc" }, skip: 2 });
    await app.prisma.$executeRawUnsafe(`ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"`);
    try {
      await app.prisma.$executeRaw`UPDATE "AuditEntry" SET "after" = '{"capCents": 1}'::jsonb WHERE "seq" = ${target.seq}`;
    } finally {
      await app.prisma.$executeRawUnsafe(`ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only"`);
    }
    expect(await verifyAuditChain(app.prisma)).toMatchObject({ ok: false, firstBrokenSeq: target.seq.toString() });
  });
});

describe("auditLog query", () => {
  const QUERY = /* GraphQL */ `query { auditLog(entityType: "Grant", entityId: "g1") { action before after actor { name } occurredAt } }`;

  it("shows project managers and admins who changed what", async () => {
    const manager = await app.make.user({ roles: ["PROJECT_MANAGER"] });
    const res = await app.gql(manager, QUERY);
    expect(res.data.auditLog).toHaveLength(5);
    expect(res.data.auditLog[0]).toMatchObject({ action: "grant.updated", after: { capCents: 3_000_005 } });
    const admin = await app.make.user({ roles: ["ADMIN"] });
    expect((await app.gql(admin, QUERY)).data.auditLog).toHaveLength(5);
  });

  it("refuses city officers", async () => {
    const officer = await app.make.user({ roles: ["CITY_OFFICER"] });
    const res = await app.gql(officer, QUERY);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
