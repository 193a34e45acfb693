import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { createYoga, type Plugin } from "graphql-yoga";
import type { Db } from "@citypeer/db";
import { createContext, type Context, type ServerContext } from "./context.ts";
import { createAppLogger, maskErrors } from "./database-errors.ts";
import type { ResponseCookies } from "./auth/session.ts";
import { schema } from "./schema.ts";
import { noJobs, type Jobs } from "./jobs/runner.ts";
import { yogaUploadOptions } from "./modules/attachments/upload-limits.ts";
import { useArmor } from "./security/armor.ts";
import { useNoIntrospection } from "./security/introspection.ts";
import { loadPersistedOperations, usePersistedWebOperations } from "./security/persisted-operations.ts";

export const CSRF_HEADER = "x-graphql-yoga-csrf";

/** Cookies that resolvers ask for, keyed by request, appended once the response exists. */
function useResponseCookies(jar: WeakMap<Request, ResponseCookies>): Plugin {
  return {
    onResponse({ request, response }) {
      for (const cookie of jar.get(request) ?? []) response.headers.append("set-cookie", cookie);
    },
  };
}

export interface AppOptions {
  db: Db;
  /** Background jobs; without them (most API tests) committed e-mails wait in the outbox. */
  jobs?: Jobs;
  /**
   * The production stack: introspection and field suggestions off, only the web app's persisted
   * operations (unless `allowArbitraryOperations`). Default: NODE_ENV=production; tests set it to build it in-process.
   */
  production?: boolean;
  /** Default: outside production, or GRAPHQL_ARBITRARY_OPERATIONS=1 (scripts and API clients in production). */
  allowArbitraryOperations?: boolean;
}

/** The GraphQL app; server.ts serves it over HTTP and tests call `yoga.fetch` in-process. */
export function createApp({
  db,
  jobs = noJobs,
  production = process.env.NODE_ENV === "production",
  allowArbitraryOperations = !production || process.env.GRAPHQL_ARBITRARY_OPERATIONS === "1",
}: AppOptions) {
  const jar = new WeakMap<Request, ResponseCookies>();
  const yoga = createYoga<ServerContext, Context>({
    schema,
    // uploads: 10 MB per file, one file per request, refused with 413 before any resolver runs
    ...yogaUploadOptions,
    graphqlEndpoint: "/graphql",
    graphiql: !production,
    landingPage: false,
    // Unexpected errors reach the log, not the user; coded GraphQLErrors (FORBIDDEN, ...) pass through,
    // and an unreachable database is a 503 DATABASE_UNAVAILABLE with Retry-After (database-errors.ts).
    maskedErrors: { maskError: maskErrors },
    logging: createAppLogger(process.env.LOG_LEVEL === "debug" ? "debug" : "warn"),
    plugins: [
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      usePersistedWebOperations({ operations: loadPersistedOperations(), allowArbitraryOperations }),
      // depth, aliases, cost, tokens, directives: refused while parsing and validating, before any resolver
      useArmor({ production }),
      ...(production ? [useNoIntrospection()] : []),
      useResponseCookies(jar),
    ],
    context: async ({ request, ...server }) => {
      const cookies: ResponseCookies = [];
      jar.set(request, cookies);
      return createContext(db.prisma, jobs, request, server as ServerContext, cookies);
    },
  });
  return { yoga, db };
}

export type App = ReturnType<typeof createApp>;
