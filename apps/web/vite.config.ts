import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse as parseMessage } from "@formatjs/icu-messageformat-parser";
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

/**
 * The catalogues ship pre-parsed (ICU messages as formatjs ASTs), so the browser never parses a message and
 * the ICU parser stays out of the bundle (about 8 kB gzip off the first page): formatjs' recommended setup.
 * Vite's JSON plugin then turns the parsed catalogue into a module as before.
 */
function precompiledMessages(): Plugin {
  const catalogue = /[\\/]packages[\\/]i18n[\\/]messages[\\/][a-z]{2,3}\.json$/;
  return {
    name: "citypeer:precompiled-messages",
    enforce: "pre",
    load(id) {
      if (!catalogue.test(id)) return undefined;
      const messages = JSON.parse(readFileSync(id, "utf8")) as Record<string, string>;
      return JSON.stringify(Object.fromEntries(Object.entries(messages).map(([key, message]) => [key, parseMessage(message)])));
    },
  };
}

export default defineConfig({
  plugins: [react(), possibleTypes(), precompiledMessages()],
  resolve: {
    // messages arrive parsed (above): the runtime needs the formatter only, not the parser
    alias: [{ find: /^@formatjs\/icu-messageformat-parser$/, replacement: "@formatjs/icu-messageformat-parser/no-parser.js" }],
  },
  server: {
    // everything the API serves besides the web app: GraphQL, signed downloads, calendar feeds
    proxy: Object.fromEntries(["/graphql", "/files", "/calendar", "/exports", "/account/personal-data.json", "/healthz"].map((path) => [path, { target: apiUrl, changeOrigin: true }])),
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // the browsers EU public bodies support (last two versions of Chrome, Edge, Firefox, Safari 16+) all have
    // ES2022 and <link rel="modulepreload">: no down-levelling and no preload polyfill in the first page's JS
    target: "es2022",
    modulePreload: { polyfill: false },
  },
});
