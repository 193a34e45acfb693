import type { Client, Tx } from "@citypeer/db";
import type { TableDoc } from "@citypeer/db/table-docs";

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** The select list of a table: enum lists as text[] so both databases return plain arrays. */
function selectList(table: TableDoc): string {
  return table.columns
    .map((c) => (c.kind === "enum" && c.list ? `${quote(c.column)}::text[] AS ${quote(c.name)}` : `${quote(c.column)} AS ${quote(c.name)}`))
    .join(", ");
}

export type Row = Record<string, unknown>;

/**
 * A table's rows in primary-key order, a batch at a time, so a large table never sits in memory whole.
 * Raw SQL because the table is chosen at run time; identifiers come from the generated schema
 * documentation (never from the request) and are quoted.
 */
export async function* tableRows(db: Client, table: TableDoc, batchSize = 1000): AsyncGenerator<Row[]> {
  const order = table.primaryKey.map(quote).join(", ");
  for (let offset = 0; ; offset += batchSize) {
    const rows = await db.$queryRawUnsafe<Row[]>(
      `SELECT ${selectList(table)} FROM ${quote(table.table)} ORDER BY ${order} LIMIT $1 OFFSET $2`,
      batchSize,
      offset,
    );
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
  }
}

/** The rows of a table whose column equals a value (one person's rows), in primary-key order. */
export function rowsWhere(db: Client | Tx, table: TableDoc, column: string, value: string): Promise<Row[]> {
  const order = table.primaryKey.map(quote).join(", ");
  const where = table.columns.find((c) => c.name === column);
  if (!where) throw new Error(`${table.model} has no column ${column}`);
  return db.$queryRawUnsafe<Row[]>(
    `SELECT ${selectList(table)} FROM ${quote(table.table)} WHERE ${quote(where.column)}::text = $1 ORDER BY ${order}`,
    value,
  );
}

/** A value as JSON would carry it: dates in ISO 8601, big integers as numbers when they fit. */
export function plainValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  return value;
}
