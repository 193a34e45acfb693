import type { Client } from "@citypeer/db";
import { tableDocs, type TableDoc } from "@citypeer/db/table-docs";
import { describeColumn, isWithheld } from "./policy.ts";
import { plainValue, rowsWhere, type Row } from "./rows.ts";

export interface PersonalDataExport {
  format: "citypeer-personal-data";
  version: 1;
  exportedAt: string;
  subject: { id: string; email: string; name: string };
  about: string;
  /** rows by table: the person's account, and every row that refers to them */
  records: Record<string, Row[]>;
  /** what each column of `records` means */
  columns: Record<string, Record<string, string>>;
}

/** Every (table, column) that points at a person: derived from the schema, so a new table is included by itself. */
function referencesToUsers(): { table: TableDoc; column: string }[] {
  return tableDocs().tables.flatMap((table) =>
    table.columns.filter((c) => c.references === "User").map((c) => ({ table, column: c.name })),
  );
}

const withoutSecrets = (table: TableDoc): TableDoc => ({ ...table, columns: table.columns.filter((c) => !isWithheld(table, c)) });

const plainRow = (row: Row): Row => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plainValue(v)]));

/**
 * The data citypeer holds about one person (GDPR art. 15 and 20): their account, every row that refers to
 * them (sessions, notifications, scores, expenses they declared, audit entries they caused...) and the audit
 * entries about their account. Secrets (password and token hashes, e-mail bodies with one-time links) stay out.
 */
export async function personalData(db: Client, userId: string): Promise<PersonalDataExport> {
  const docs = tableDocs();
  const userTable = withoutSecrets(docs.tables.find((t) => t.model === "User")!);
  const auditTable = withoutSecrets(docs.tables.find((t) => t.model === "AuditEntry")!);
  const [user] = await rowsWhere(db, userTable, "id", userId);
  if (!user) throw new Error("no such user");

  const records: Record<string, Row[]> = { User: [plainRow(user)] };
  for (const { table, column } of referencesToUsers()) {
    const rows = await rowsWhere(db, withoutSecrets(table), column, userId);
    if (rows.length === 0) continue;
    const key = records[table.model] ? `${table.model}.${column}` : table.model;
    records[key] = [...(records[key] ?? []), ...rows.map(plainRow)];
  }
  const aboutAccount = (await rowsWhere(db, auditTable, "entityId", userId)).filter((r) => r.entityType === "User");
  if (aboutAccount.length > 0) records["AuditEntry.aboutAccount"] = aboutAccount.map(plainRow);

  const columns: Record<string, Record<string, string>> = {};
  for (const key of Object.keys(records)) {
    const table = withoutSecrets(docs.tables.find((t) => t.model === key.split(".")[0])!);
    columns[key] = Object.fromEntries(table.columns.map((c) => [c.name, describeColumn(table, c) ?? ""]));
  }

  return {
    format: "citypeer-personal-data",
    version: 1,
    exportedAt: new Date().toISOString(),
    subject: { id: userId, email: String(user.email), name: String(user.name) },
    about:
      "Everything citypeer stores about you: your account and every record that refers to you, by table. " +
      "`columns` explains each field. Password and token hashes are never exported. " +
      "Amounts ending in Cents are euro cents; times are UTC (ISO 8601).",
    records,
    columns,
  };
}
