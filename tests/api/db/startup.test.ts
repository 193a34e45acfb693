import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDb } from "@citypeer/db";
import { whileStarting } from "@citypeer/db/startup";
import { isEmpty, seed } from "../../../prisma/seed/index.ts";
import { adminQuery } from "../support/database.ts";

const serverUrl = process.env.TEST_DATABASE_URL;

const admin = (sql: string) => adminQuery(serverUrl!, sql);

describe.skipIf(!serverUrl)("API replicas starting together on an empty PostgreSQL database", () => {
  it("migrate and seed once, one after the other", async () => {
    const name = `citypeer_start_${randomBytes(6).toString("hex")}`;
    await admin(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const replicas = await Promise.all([1, 2, 3].map(() => createDb({ url: url.toString(), migrate: false })));
    try {
      const seeded = await Promise.all(
        replicas.map((db) =>
          whileStarting(db, async () => {
            await db.migrate();
            if (!(await isEmpty(db.prisma))) return false;
            await seed(db.prisma);
            return true;
          }),
        ),
      );
      expect(seeded.filter(Boolean)).toHaveLength(1);
      expect(await replicas[0]!.prisma.organization.count({ where: { kind: "PARTNER_CITY" } })).toBe(12);
    } finally {
      await Promise.all(replicas.map((db) => db.close()));
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});
