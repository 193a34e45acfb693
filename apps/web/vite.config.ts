import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSchema, isAbstractType } from "graphql";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

// In development the API runs separately; in production one Node process serves both on the same origin.
const apiUrl = process.env.API_URL ?? "http://localhost:4000";

/**
 * `virtual:possible-types`: union and interface members from the API schema, for Apollo's cache.
 * Without them Apollo guesses which fragment (`... on InputError`) applies to a union result.
 * Read at build time, so it never goes stale and nothing generated is committed.
 */
function possibleTypes(): Plugin {
  const id = "virtual:possible-types";
  const schemaFile = fileURLToPath(new URL("../api/schema.graphql", import.meta.url));
  return {
    name: "citypeer:possible-types",
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      this.addWatchFile(schemaFile);
      const schema = buildSchema(readFileSync(schemaFile, "utf8"));
      const members = Object.values(schema.getTypeMap())
        .filter(isAbstractType)
        .map((type) => [type.name, schema.getPossibleTypes(type).map((t) => t.name)]);
      return `export default ${JSON.stringify(Object.fromEntries(members))};`;
    },
  };
}

export default defineConfig({
  plugins: [react(), possibleTypes()],
  server: {
    // everything the API serves besides the web app: GraphQL, signed downloads, calendar feeds
    proxy: Object.fromEntries(["/graphql", "/files", "/calendar", "/exports", "/account/personal-data.json", "/healthz"].map((path) => [path, { target: apiUrl, changeOrigin: true }])),
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
  },
});
