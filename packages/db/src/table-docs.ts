import { createRequire } from "node:module";

// Written by `prisma generate` (packages/db/src/generators/table-docs.ts) from the models and their `///` comments.

export interface ColumnDoc {
  name: string;
  /** the database column (differs from `name` only with @map) */
  column: string;
  type: string;
  kind: "scalar" | "enum";
  list: boolean;
  required: boolean;
  documentation: string | null;
  /** the model this column references (a foreign key), if any */
  references: string | null;
}

export interface TableDoc {
  model: string;
  table: string;
  documentation: string | null;
  /** the primary-key columns, for a stable order */
  primaryKey: string[];
  columns: ColumnDoc[];
}

export interface TableDocs {
  tables: TableDoc[];
  enums: Record<string, string[]>;
}

const require = createRequire(import.meta.url);
let cached: TableDocs | undefined;

/** Every model's table and columns with their documentation, as generated from prisma/models. */
export function tableDocs(): TableDocs {
  cached ??= require("./generated/table-docs.json") as TableDocs;
  return cached;
}
