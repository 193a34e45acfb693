import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphQLError } from "graphql";
import { createDb, type Db } from "@citypeer/db";
import { createApp, CSRF_HEADER } from "@citypeer/api/app";
import { createAppLogger, databaseFailure, isDatabaseUnavailable } from "@citypeer/api/database-errors";

// A PostgreSQL URL where nothing listens: every query fails to connect, as during a restart or failover.
// (tests/reliability/postgres-restart.test.ts restarts a real server under load.)
let db: Db;
let yoga: ReturnType<typeof createApp>["yoga"];
beforeAll(async () => {
  db = await createDb({ url: "postgresql://postgres:postgres@127.0.0.1:9/citypeer", migrate: false, poolSize: 2 });
  yoga = createApp({ db }).yoga;
});
afterAll(() => db.close());

const post = (query: string, cookie?: string) =>
  yoga.fetch("http://citypeer.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", [CSRF_HEADER]: "1", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query }),
  });

describe("when the database cannot be reached", () => {
  it("answers 503 DATABASE_UNAVAILABLE with Retry-After, for a resolver's query and for the session lookup", async () => {
    const signIn = 'mutation { signIn(input: { email: "officer.ghent@citypeer.eu", password: "x" }) { __typename } }';
    for (const response of [await post(signIn), await post("{ me { id } }", "citypeer_session=some-token")]) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      const body = await response.json();
      expect(body.errors[0].extensions.code).toBe("DATABASE_UNAVAILABLE");
      expect(body.errors[0].message).not.toMatch(/127\.0\.0\.1|prisma/i); // nothing about the infrastructure
    }
  });

  it("tells an unreachable database from other errors, which stay masked", () => {
    expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(new GraphQLError("Connection terminated by the user's own resolver text"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("unique"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { meta: { driverAdapterError: { cause: { kind: "postgres", code: "57P03" } } } }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) }))).toBe(true);
  });

  it("tells an overloaded database (no transaction in time, deadlock) from an unreachable one", () => {
    const noTransaction = Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" });
    expect(databaseFailure(noTransaction)).toBe("busy");
    expect(databaseFailure(Object.assign(new Error("deadlock"), { meta: { driverAdapterError: { cause: { kind: "postgres", code: "40P01" } } } }))).toBe("busy");
    // a transaction error caused by a dead connection is an outage, not load
    expect(databaseFailure(Object.assign(noTransaction, { cause: { kind: "ConnectionClosed" } }))).toBe("unavailable");
    expect(databaseFailure(Object.assign(new Error("unique"), { code: "P2002" }))).toBeNull();
  });

  it("logs an outage as one line per interval, not a stack trace per request", () => {
    const lines: string[] = [];
    const original = { error: console.error, warn: console.warn };
    console.error = console.warn = (...args: unknown[]) => void lines.push(args.join(" "));
    try {
      const logger = createAppLogger("warn", 60_000);
      const down = Object.assign(new Error("Raw query failed. Code: `57P03`. Message: `the database system is shutting down`"), { code: "57P03" });
      for (let i = 0; i < 50; i++) logger.error(down);
      logger.error(new Error("a real bug"));
    } finally {
      Object.assign(console, original);
    }
    expect(lines.filter((l) => l.includes("database unavailable"))).toHaveLength(1);
    expect(lines.some((l) => l.includes("a real bug"))).toBe(true);
  });
});
