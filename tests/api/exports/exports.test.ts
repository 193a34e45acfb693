import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableDocs } from "@citypeer/db/table-docs";
import { exportsResponse, handleExports, isExportPath } from "@citypeer/api/modules/exports/http";
import { describeColumn, exportableTables, WITHHELD_TABLES } from "@citypeer/api/modules/exports/policy";
import type { PersonalDataExport } from "@citypeer/api/modules/exports/personal-data";
import { createTestApp, type TestApp } from "../support/app.ts";

let app: TestApp;
let server: Server;
let base: string;

beforeAll(async () => {
  app = await createTestApp({ seed: true });
  // mounted as server.ts mounts it: only export paths reach the handler
  server = createServer((req, res) => {
    if (isExportPath((req.url ?? "/").split("?")[0]!)) return void handleExports(app.prisma, req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.close();
});

async function get(path: string, email: string | null) {
  const cookie = email ? await app.cookieFor(await app.userByEmail(email)) : undefined;
  return fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });
}

const csvRows = (text: string) => parse(text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];

describe("the column documentation", () => {
  it("explains every column of every exported table", () => {
    const undocumented = exportableTables().flatMap((t) =>
      t.columns.filter((c) => !describeColumn(t, c)).map((c) => `${t.model}.${c.name}`),
    );
    expect(undocumented).toEqual([]);
  });

  it("is generated from the current schema (run pnpm generate after changing prisma/models)", async () => {
    const columns = await app.prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_prisma%'`;
    const documented = new Set(tableDocs().tables.flatMap((t) => t.columns.map((c) => `${t.table}.${c.column}`)));
    const inDatabase = columns.map((c) => `${c.table_name}.${c.column_name}`).filter((c) => !c.startsWith("pgboss"));
    expect(inDatabase.filter((c) => !documented.has(c))).toEqual([]);
  });
});

describe("table exports for project managers", () => {
  it("gives a README with every exported table and column, and none of the secrets", async () => {
    const res = await get("/exports/README.md", "manager@citypeer.eu");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const readme = await res.text();
    for (const table of exportableTables()) {
      expect(readme).toContain(`### ${table.model}\n`);
      for (const column of table.columns) expect(readme).toContain(`| ${column.name} |`);
    }
    expect(readme).not.toContain("| passwordHash |");
    expect(readme).not.toContain("### Session\n");
  });

  it("streams a table as CSV (BOM, header, every row) and records the export in the audit trail", async () => {
    const res = await get("/exports/tables/Grant.csv", "manager@citypeer.eu");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="Grant.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM (Response.text() would hide it)
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("id,pilotId,capCents,")).toBe(true);
    expect(text).toContain("\r\n");
    const rows = csvRows(text);
    expect(rows).toHaveLength(await app.prisma.grant.count());
    expect(rows.every((r) => r.capCents === "3000000")).toBe(true);
    const audit = await app.prisma.auditEntry.findFirst({ where: { action: "table.exported", entityId: "Grant" } });
    expect(audit?.actorId).toBe((await app.userByEmail("manager@citypeer.eu")).id);
  });

  it("reads large tables a batch at a time, in primary-key order, with lists and enums as plain values", async () => {
    const res = await get("/exports/tables/User.csv", "manager@citypeer.eu");
    const rows = csvRows(await res.text());
    expect(rows).toHaveLength(await app.prisma.user.count());
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort());
    expect(Object.keys(rows[0]!)).not.toContain("passwordHash");
    const manager = rows.find((r) => r.email === "manager@citypeer.eu")!;
    expect(JSON.parse(manager.roles!)).toEqual(["PROJECT_MANAGER"]);
  });

  it("keeps a formula written by a user from running in a spreadsheet", async () => {
    const pilot = await app.prisma.pilot.findFirstOrThrow();
    await app.prisma.pilot.update({ where: { id: pilot.id }, data: { title: '=HYPERLINK("http://evil.test","x")' } });
    const rows = csvRows(await (await get("/exports/tables/Pilot.csv", "manager@citypeer.eu")).text());
    expect(rows.find((r) => r.id === pilot.id)?.title).toBe(`'=HYPERLINK("http://evil.test","x")`);
  });

  it("refuses other roles, anonymous readers, withheld and unknown tables", async () => {
    expect((await get("/exports/tables/Grant.csv", "officer.athens@citypeer.eu")).status).toBe(403);
    expect((await get("/exports/README.md", "admin@citypeer.eu")).status).toBe(403);
    expect((await get("/exports/tables/Grant.csv", null)).status).toBe(401);
    for (const table of Object.keys(WITHHELD_TABLES))
      expect((await get(`/exports/tables/${table}.csv`, "manager@citypeer.eu")).status).toBe(404);
    expect((await get("/exports/tables/Nothing.csv", "manager@citypeer.eu")).status).toBe(404);
    expect((await get("/exports/tables/..%2FUser.csv", "manager@citypeer.eu")).status).toBe(404);
    const post = await exportsResponse(app.prisma, new Request(`${base}/exports/README.md`, { method: "POST" }));
    expect(post.status).toBe(405);
  });

  it("lists the tables in GraphQL for managers only", async () => {
    const query = "{ exportTables { name downloadPath columns { name format meaning } } }";
    const manager = await app.gql(await app.userByEmail("manager@citypeer.eu"), query);
    const grant = manager.data.exportTables.find((t: { name: string }) => t.name === "Grant");
    expect(grant.downloadPath).toBe("/exports/tables/Grant.csv");
    expect(grant.columns.find((c: { name: string }) => c.name === "capCents").format).toBe("integer, euro cents");
    const officer = await app.gql(await app.userByEmail("officer.athens@citypeer.eu"), query);
    expect(officer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("personal data download (GDPR art. 15 and 20)", () => {
  it("gives a person everything that refers to them, explained, without secrets", async () => {
    const officer = await app.userByEmail("officer.athens@citypeer.eu");
    await app.prisma.notification.create({ data: { userId: officer.id, kind: "benchmark.returned", payload: { note: "mine" } } });
    const res = await get("/account/personal-data.json", "officer.athens@citypeer.eu");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="citypeer-personal-data.json"');
    const text = await res.text();
    const data = JSON.parse(text) as PersonalDataExport;
    expect(data.subject.email).toBe("officer.athens@citypeer.eu");
    expect(data.records.User).toHaveLength(1);
    expect(data.records.Session!.length).toBeGreaterThan(0);
    expect(data.records.Notification!.some((n) => (n.payload as { note?: string }).note === "mine")).toBe(true);
    expect(data.columns.User!.email).toBeTruthy();
    for (const secret of ["passwordHash", "tokenHash", "textBody", "htmlBody"]) expect(text).not.toContain(`"${secret}"`);
    // nobody else's account is in it
    expect(text).not.toContain("officer.sofia@citypeer.eu");
    expect(text).not.toContain("manager@citypeer.eu");
    const audit = await app.prisma.auditEntry.findFirst({ where: { action: "personal_data.exported", entityId: officer.id } });
    expect(audit?.actorId).toBe(officer.id);
  });

  it("is only ever the signed-in person's own data", async () => {
    expect((await get("/account/personal-data.json", null)).status).toBe(401);
    const other = await app.userByEmail("officer.sofia@citypeer.eu");
    const res = await get(`/account/personal-data.json?userId=${other.id}`, "officer.athens@citypeer.eu");
    expect(((await res.json()) as PersonalDataExport).subject.email).toBe("officer.athens@citypeer.eu");
  });
});
