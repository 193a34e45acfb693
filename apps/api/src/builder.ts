import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin, { resolveNodes } from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ZodPlugin from "@pothos/plugin-zod";
import type PrismaTypes from "@citypeer/db/pothos-types";
import { getDatamodel } from "@citypeer/db/pothos-types";
import { authScopes, unauthorizedError, type AuthScopes } from "./auth/scopes.ts";
import type { Context } from "./context.ts";
import { decodeUuidGlobalID, eachOrNullIfMissing, nullIfMissing } from "./global-ids.ts";

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
  // ids that cannot be a row's id are refused when decoded, before any query (global-ids.ts)
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    decodeGlobalID: decodeUuidGlobalID,
    // a record that does not exist is null, not an internal error (global-ids.ts)
    nodeQueryOptions: { resolve: (_root, args, _ctx, _info, resolveNode) => nullIfMissing(() => resolveNode(args.id)) },
    nodesQueryOptions: {
      // the plugin's own loader callback always loads every id, so the retry calls the loader underneath
      resolve: (_root, args, ctx, info): Promise<unknown[]> => eachOrNullIfMissing(args.ids, (ids) => resolveNodes(builder as never, ctx, info, ids)),
    },
  },
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    // warns when a resolver drops the plugin's `query`, the usual cause of N+1
    onUnusedQuery: isProduction ? null : "warn",
  },
});
