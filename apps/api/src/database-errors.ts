import { GraphQLError } from "graphql";
import { createLogger, maskError, type LogLevel, type YogaLogger } from "graphql-yoga";

/**
 * When PostgreSQL is restarting, failing over or unreachable, or so busy that a transaction cannot start in
 * time, requests fail with driver errors. They are not bugs and the client can do something about them (wait and
 * retry; every write is one transaction, so a failed one left nothing behind), so instead of the masked
 * "Unexpected error" the client gets HTTP 503 with Retry-After and a code, and the log gets one line every few
 * seconds instead of a stack trace per request.
 */
export const DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";
export const DATABASE_BUSY = "DATABASE_BUSY";
export type DatabaseFailure = "unavailable" | "busy";

const RETRY_AFTER_SECONDS: Record<DatabaseFailure, number> = { unavailable: 5, busy: 1 };

/** Driver adapter error kinds (Prisma 7) that mean the server or the connection is gone. */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Prisma error codes: can't reach (P1001), timed out (P1002, P1008), connection closed (P1017). */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
/** SQLSTATEs: connection exceptions (class 08), shutting down / starting up (57P01-57P03), too many connections. */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
/** Node and pg errors from the socket itself, before PostgreSQL said anything. */
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const UNAVAILABLE_MESSAGES = /Connection terminated|not queryable|timeout exceeded when trying to connect|Can't reach database server|Server has closed the connection/i;
/**
 * Too much at once: no pooled connection in time (P2024), a transaction that could not start or ran past its
 * timeout while queued behind others (P2028), a write conflict or deadlock that PostgreSQL resolved by aborting
 * one side (P2034, SQLSTATE 40001 / 40P01). The transaction rolled back; trying again is right.
 */
const BUSY_PRISMA_CODES = new Set(["P2024", "P2028", "P2034"]);
const BUSY_SQLSTATE = /^(40001|40P01)$/;

type ErrorLike = {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
  meta?: { driverAdapterError?: unknown };
};

/** Whether an error (or what it wraps) says the database cannot be reached, or cannot take the work right now. */
export function databaseFailure(error: unknown): DatabaseFailure | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  let busy = false;
  while (queue.length > 0) {
    const e: ErrorLike | null | undefined = queue.shift() as ErrorLike | null | undefined;
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return "unavailable";
    for (const code of [e.code, e.originalCode]) {
      if (typeof code !== "string") continue;
      if (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return "unavailable";
      if (BUSY_PRISMA_CODES.has(code) || BUSY_SQLSTATE.test(code)) busy = true;
    }
    // the message only counts on driver-level errors, never on a GraphQL error a resolver wrote
    const isGraphQLError = (e as unknown) instanceof GraphQLError;
    if (!isGraphQLError && typeof e.message === "string" && UNAVAILABLE_MESSAGES.test(e.message)) return "unavailable";
    queue.push(e.originalError, e.cause, e.meta?.driverAdapterError);
  }
  // a wrapper code (a transaction error) may hide a connection that died: look at everything before saying "busy"
  return busy ? "busy" : null;
}

export const isDatabaseUnavailable = (error: unknown) => databaseFailure(error) === "unavailable";

export function databaseFailureError(failure: DatabaseFailure): GraphQLError {
  const message =
    failure === "unavailable"
      ? "The database is not available at the moment; please try again shortly."
      : "The server is busy; nothing was saved, please try again in a moment.";
  return new GraphQLError(message, {
    extensions: {
      code: failure === "unavailable" ? DATABASE_UNAVAILABLE : DATABASE_BUSY,
      http: { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS[failure]) } },
    },
  });
}

/** Yoga's error masking, except for an unreachable or overloaded database: the client is told, with a 503. */
export function maskErrors(error: unknown, message: string, isDev?: boolean): Error {
  const failure = databaseFailure(error);
  return failure ? databaseFailureError(failure) : maskError(error, message, isDev);
}

/**
 * Yoga's logger, with database outages and overload summarised: the first failure of each kind is logged with its
 * reason, then at most one line per interval with the number of requests that failed the same way.
 */
export function createAppLogger(level: LogLevel, intervalMs = 5_000): YogaLogger {
  const inner = createLogger(level);
  const state: Record<DatabaseFailure, { suppressed: number; lastLoggedAt: number }> = {
    unavailable: { suppressed: 0, lastLoggedAt: 0 },
    busy: { suppressed: 0, lastLoggedAt: 0 },
  };
  return {
    ...inner,
    error(...args: unknown[]) {
      const failure = args.map(databaseFailure).find((f) => f !== null);
      if (!failure) return inner.error(...args);
      const s = state[failure];
      const now = Date.now();
      if (now - s.lastLoggedAt < intervalMs) {
        s.suppressed++;
        return;
      }
      const reason = args.map(firstLine).find(Boolean) ?? "unknown";
      const since = s.suppressed ? ` (${s.suppressed} more requests failed the same way since the last report)` : "";
      inner.warn(`database ${failure}: ${reason}${since}`);
      s.lastLoggedAt = now;
      s.suppressed = 0;
    },
  };
}

/** The most telling line of a Prisma error ("Raw query failed. Code: `57P03`. Message: ..."), else its first line. */
function firstLine(value: unknown): string {
  const message = value instanceof Error ? value.message : typeof value === "string" ? value : "";
  const lines = message.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.at(-1) ?? "";
}
