import { builder } from "../../builder.ts";
import { exportableTables } from "./policy.ts";
import { ExportTableRef } from "./types.ts";

builder.queryFields((t) => ({
  /** The tables a project manager can download as CSV, with every column explained (read from the schema, no SQL). */
  exportTables: t.field({
    type: [ExportTableRef],
    authScopes: { projectManager: true },
    resolve: () => exportableTables(),
  }),
}));
