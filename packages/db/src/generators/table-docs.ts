/**
 * A Prisma generator that writes each model's table, columns and `///` documentation to JSON.
 * Why: the data exports ship a README describing every column, and the schema is the one place
 * those descriptions should live; the Prisma client keeps no documentation at run time.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import generatorHelper from "@prisma/generator-helper";
import type { TableDoc, TableDocs } from "../table-docs.ts";


generatorHelper.generatorHandler({
  onManifest: () => ({ prettyName: "Table documentation", defaultOutput: "./table-docs.json" }),
  onGenerate: async ({ dmmf, generator }) => {
    const tables: TableDoc[] = dmmf.datamodel.models.map((model) => {
      const references = new Map<string, string>();
      for (const f of model.fields) for (const from of f.relationFromFields ?? []) references.set(from, f.type);
      const column = (name: string) => model.fields.find((f) => f.name === name)?.dbName ?? name;
      return {
        model: model.name,
        table: model.dbName ?? model.name,
        documentation: model.documentation?.trim() || null,
        primaryKey: (model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name)).map(column),
        columns: model.fields
          .filter((f) => f.kind === "scalar" || f.kind === "enum")
          .map((f) => ({
            name: f.name,
            column: f.dbName ?? f.name,
            type: f.type,
            kind: f.kind as "scalar" | "enum",
            list: f.isList,
            required: f.isRequired,
            documentation: f.documentation?.trim() || null,
            references: references.get(f.name) ?? null,
          })),
      };
    });
    const enums = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
    const output = generator.output?.value;
    if (!output) throw new Error("table-docs: no output path");
    mkdirSync(path.dirname(output), { recursive: true });
    writeFileSync(output, `${JSON.stringify({ tables, enums } satisfies TableDocs, null, 2)}\n`);
  },
});
