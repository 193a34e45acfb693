import { describeColumn, columnFormat, exportableTables, WITHHELD_COLUMNS, WITHHELD_TABLES } from "./policy.ts";

const cellText = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** The README that comes with the table exports: how to read the files, then every table and column. */
export function exportReadme(now = new Date()): string {
  const tables = exportableTables();
  const lines = [
    "# citypeer data export",
    "",
    `Generated ${now.toISOString()}. One CSV file per table, downloaded from /exports/tables/<Table>.csv by a project manager.`,
    "",
    "## Reading the files",
    "",
    "- UTF-8 with a byte-order mark and CRLF line ends; the first row names the columns.",
    "- Empty cell: no value (NULL). Times are UTC in ISO 8601. Amounts in columns ending in `Cents` are euro cents (3000000 = EUR 30,000.00).",
    "- Lists and JSON values are written as JSON. Text starting with = + - @ is prefixed with an apostrophe so spreadsheets do not run it as a formula.",
    "- Rows refer to each other by id (UUID): a column described as \"The Grant this row belongs to\" holds the `id` of a row in Grant.csv.",
    "- The audit trail (AuditEntry) is hash-chained: each row's `hash` covers its content and the previous row's hash.",
    "",
    "## Not exported",
    "",
    ...Object.entries(WITHHELD_TABLES).map(([table, why]) => `- Table ${table}: ${why}.`),
    ...Object.entries(WITHHELD_COLUMNS)
      .filter(([key]) => !(key.split(".")[0]! in WITHHELD_TABLES))
      .map(([column, why]) => `- Column ${column}: ${why}.`),
    "",
    "## Tables",
    "",
  ];
  for (const table of tables) {
    lines.push(`### ${table.model}`, "");
    if (table.documentation) lines.push(table.documentation, "");
    lines.push("| Column | Format | Required | Meaning |", "|---|---|---|---|");
    for (const column of table.columns)
      lines.push(
        `| ${column.name} | ${columnFormat(column)} | ${column.required ? "yes" : "no"} | ${cellText(describeColumn(table, column) ?? "")} |`,
      );
    lines.push("");
  }
  return lines.join("\n");
}
