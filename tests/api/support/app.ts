import type { Db } from "@citypeer/db";
import { createApp, CSRF_HEADER } from "@citypeer/api/app";
import { startSession } from "@citypeer/api/auth/session";
import { seed } from "../../../prisma/seed/index.ts";
import { freshDatabase } from "./database.ts";
import { factories } from "./factories.ts";

export type GqlResult<T = any> = { data?: T; errors?: { message: string; path?: string[]; extensions?: { code?: string } }[] };

export interface RequestOptions {
  cookie?: string;
  ip?: string;
  headers?: Record<string, string>;
}

/**
 * The real Yoga app in-process on a fresh database, with helpers to call it as a given person.
 * `production: true` builds the production stack (persisted operations only, no introspection).
 */
export async function createTestApp(options: { seed?: boolean; production?: boolean; allowArbitraryOperations?: boolean } = {}) {
  const db: Db = await freshDatabase();
  if (options.seed) await seed(db.prisma);
  const { yoga } = createApp({ db, production: options.production ?? false, allowArbitraryOperations: options.allowArbitraryOperations });

  async function post(body: unknown, request: RequestOptions = {}): Promise<Response> {
    return yoga.fetch(
      "http://citypeer.test/graphql",
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [CSRF_HEADER]: "1",
          ...(request.cookie ? { cookie: request.cookie } : {}),
          ...request.headers,
        },
        body: JSON.stringify(body),
      },
      { ip: request.ip ?? "203.0.113.7" },
    );
  }

  /** A session cookie for a user, made directly in the database (sign-in itself is tested on its own). */
  async function cookieFor(user: { id: string }): Promise<string> {
    const { token } = await db.prisma.$transaction((tx) => startSession(tx, user.id, { ip: "203.0.113.7", userAgent: "vitest" }));
    return `citypeer_session=${token}`;
  }

  /** Runs an operation as `user` (null: anonymous). */
  async function gql<T = any>(user: { id: string } | null, query: string, variables?: Record<string, unknown>, request: RequestOptions = {}) {
    const cookie = user ? await cookieFor(user) : request.cookie;
    const response = await post({ query, variables }, { ...request, cookie });
    return (await response.json()) as GqlResult<T>;
  }

  async function userByEmail(email: string) {
    return db.prisma.user.findUniqueOrThrow({ where: { email } });
  }

  return { db, prisma: db.prisma, yoga, post, gql, cookieFor, userByEmail, make: factories(db.prisma), close: () => db.close() };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
