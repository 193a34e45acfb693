import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ZodPlugin from "@pothos/plugin-zod";
import type PrismaTypes from "@citypeer/db/pothos-types";
import { getDatamodel } from "@citypeer/db/pothos-types";
import { authScopes, unauthorizedError, type AuthScopes } from "./auth/scopes.ts";
import type { Context } from "./context.ts";

const isProduction = process.env.NODE_ENV === "production";

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    /** graphql-scalars parses a full-date into a Date at midnight UTC. */
    Date: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    File: { Input: File; Output: never };
  };
}>({
  // auth first so it runs before everything else; errors before prisma (plugin docs)
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin, ZodPlugin],
  defaultFieldNullability: false,
  scopeAuth: { authScopes, unauthorizedError },
  // Only our typed errors become union members; bugs and refusals stay GraphQL errors.
  errors: { defaultTypes: [] },
  relay: { clientMutationId: "omit", cursorType: "String" },
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    // warns when a resolver drops the plugin's `query`, the usual cause of N+1
    onUnusedQuery: isProduction ? null : "warn",
  },
});
