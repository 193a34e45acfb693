import { stringify } from "csv-stringify/sync";
import type { Client } from "@citypeer/db";
import type { TableDoc } from "@citypeer/db/table-docs";
import { spreadsheetSafe } from "@citypeer/domain/spreadsheet";
import { plainValue, tableRows } from "./rows.ts";

function cell(value: unknown): string {
  const plain = plainValue(value);
  if (plain === null || plain === undefined) return "";
  if (typeof plain === "string") return spreadsheetSafe(plain);
  if (typeof plain === "object") return JSON.stringify(plain);
  return String(plain);
}

/**
 * A table as CSV: UTF-8 with a BOM and CRLF line ends (spreadsheet programs then pick the right encoding),
 * a header row of column names, then the rows in primary-key order, produced a batch at a time.
 */
export async function* tableCsv(db: Client, table: TableDoc): AsyncGenerator<string> {
  const names = table.columns.map((c) => c.name);
  yield `\uFEFF${stringify([names], { record_delimiter: "windows" })}`;
  for await (const rows of tableRows(db, table)) {
    yield stringify(
      rows.map((row) => names.map((n) => cell(row[n]))),
      { record_delimiter: "windows" },
    );
  }
}
