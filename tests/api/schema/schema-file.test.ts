import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { SCHEMA_FILE, printedSchema } from "@citypeer/api/print-schema";

it("apps/api/schema.graphql matches the schema the code builds (run pnpm schema:print)", () => {
  expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(printedSchema());
});
