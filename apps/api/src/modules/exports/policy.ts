import { tableDocs, type ColumnDoc, type TableDoc } from "@citypeer/db/table-docs";

/**
 * What leaves the database in exports. Secrets never do; tables that only keep the machinery running
 * (sessions, throttles, the e-mail queue) are not project records and stay out of the manager's export.
 */
export const WITHHELD_TABLES: Record<string, string> = {
  Session: "sign-in sessions: token hashes, addresses and browsers of people, not project records",
  UserToken: "one-time invitation and password-reset tokens",
  SignInThrottle: "counters that slow down password guessing",
  IdempotencyKey: "replay protection for money operations, kept for 24 hours",
  EmailOutbox: "the queue of e-mails being delivered, with their bodies (they can hold one-time links)",
};

export const WITHHELD_COLUMNS: Record<string, string> = {
  "User.passwordHash": "a password hash is a secret even when hashed",
  "Session.tokenHash": "identifies a live session",
  "UserToken.tokenHash": "identifies a one-time link",
  "EmailOutbox.textBody": "can hold a one-time link",
  "EmailOutbox.htmlBody": "can hold a one-time link",
};

export function isWithheld(table: TableDoc, column: ColumnDoc): boolean {
  return `${table.model}.${column.name}` in WITHHELD_COLUMNS;
}

/** The tables a project manager can download, each with the columns that may leave. */
export function exportableTables(): TableDoc[] {
  return tableDocs()
    .tables.filter((t) => !(t.model in WITHHELD_TABLES))
    .map((t) => ({ ...t, columns: t.columns.filter((c) => !isWithheld(t, c)) }))
    .sort((a, b) => a.model.localeCompare(b.model));
}

export function exportableTable(model: string): TableDoc | undefined {
  return exportableTables().find((t) => t.model === model);
}

/**
 * The description of a column for readers of the export: its `///` comment, or for the conventional
 * columns (ids, timestamps, references) a sentence derived from the schema. Null when neither exists,
 * which the export test refuses, so a new column cannot ship undocumented.
 */
export function describeColumn(table: TableDoc, column: ColumnDoc): string | null {
  const enumValues = column.kind === "enum" ? tableDocs().enums[column.type] : undefined;
  const values = enumValues ? ` One of: ${enumValues.join(", ")}.` : "";
  if (column.documentation) return `${column.documentation}${values}`;
  if (column.references) return `The ${column.references} this row belongs to (its id).${values}`;
  if (column.name === "id") return `Identifier of the ${table.model} (UUID).`;
  if (column.name === "createdAt") return "When the row was created (UTC).";
  if (column.name === "updatedAt") return "When the row last changed (UTC).";
  return null;
}

/** How a column's values are written in CSV and JSON, for the README. */
export function columnFormat(column: ColumnDoc): string {
  const base: Record<string, string> = {
    String: "text",
    Int: column.name.endsWith("Cents") ? "integer, euro cents" : "integer",
    BigInt: "integer",
    Float: "decimal number",
    Decimal: "decimal number",
    Boolean: "true/false",
    DateTime: "date-time, ISO 8601 in UTC",
    Json: "JSON",
  };
  const type = column.kind === "enum" ? "code" : (base[column.type] ?? column.type);
  return column.list ? `list of ${type} (JSON array)` : type;
}
