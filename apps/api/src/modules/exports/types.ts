import type { ColumnDoc, TableDoc } from "@citypeer/db/table-docs";
import { builder } from "../../builder.ts";
import { columnFormat, describeColumn } from "./policy.ts";

type ExportColumn = { table: TableDoc; column: ColumnDoc };

export const ExportColumnRef = builder.objectRef<ExportColumn>("ExportColumn").implement({
  description: "A column of a table export and what it means (the same text as the export's README).",
  fields: (t) => ({
    name: t.string({ resolve: ({ column }) => column.name }),
    format: t.string({ resolve: ({ column }) => columnFormat(column) }),
    required: t.boolean({ resolve: ({ column }) => column.required }),
    meaning: t.string({ resolve: ({ table, column }) => describeColumn(table, column) ?? "" }),
  }),
});

export const ExportTableRef = builder.objectRef<TableDoc>("ExportTable").implement({
  description: "A table a project manager can download as CSV.",
  fields: (t) => ({
    name: t.string({ resolve: (table) => table.model }),
    description: t.string({ nullable: true, resolve: (table) => table.documentation }),
    downloadPath: t.string({ resolve: (table) => `/exports/tables/${table.model}.csv` }),
    columns: t.field({ type: [ExportColumnRef], resolve: (table) => table.columns.map((column) => ({ table, column })) }),
  }),
});
