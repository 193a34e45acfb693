import { GraphQLError } from "graphql";
import { createLogger, maskError, type LogLevel, type YogaLogger } from "graphql-yoga";

/**
 * When PostgreSQL is restarting, failing over or unreachable, requests fail with driver errors. They are not
 * bugs and the client can do something about them (wait and retry), so instead of the masked "Unexpected
 * error" (HTTP 500) the client gets DATABASE_UNAVAILABLE with HTTP 503 and Retry-After, and the log gets one
 * line every few seconds instead of a stack trace per request.
 */
export const DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";
export const RETRY_AFTER_SECONDS = 5;

/** Driver adapter error kinds (Prisma 7) that mean the server or the connection is gone. */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Prisma error codes: can't reach (P1001), timed out (P1002, P1008), connection closed (P1017), no pool connection in time (P2024). */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** SQLSTATEs: connection exceptions (class 08), shutting down / starting up (57P01-57P03), too many connections. */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
/** Node and pg errors from the socket itself, before PostgreSQL said anything. */
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const UNAVAILABLE_MESSAGES = /Connection terminated|not queryable|timeout exceeded when trying to connect|Can't reach database server|Server has closed the connection/i;

type ErrorLike = {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
  meta?: { driverAdapterError?: unknown };
};

/** Whether an error (or what it wraps) says the database cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const e: ErrorLike | null | undefined = queue.shift() as ErrorLike | null | undefined;
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    if (typeof e.kind === "string" && UNAVAILABLE_KINDS.has(e.kind)) return true;
    for (const code of [e.code, e.originalCode]) {
      if (typeof code !== "string") continue;
      if (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return true;
    }
    // the message only counts on driver-level errors, never on a GraphQL error a resolver wrote
    const isGraphQLError = (e as unknown) instanceof GraphQLError;
    if (!isGraphQLError && typeof e.message === "string" && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    queue.push(e.originalError, e.cause, e.meta?.driverAdapterError);
  }
  return false;
}

export function databaseUnavailableError(): GraphQLError {
  return new GraphQLError("The database is not available at the moment; please try again shortly.", {
    extensions: { code: DATABASE_UNAVAILABLE, http: { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } } },
  });
}

/** Yoga's error masking, except for an unreachable database: that one the client is told, with a 503. */
export function maskErrors(error: unknown, message: string, isDev?: boolean): Error {
  return isDatabaseUnavailable(error) ? databaseUnavailableError() : maskError(error, message, isDev);
}

/**
 * Yoga's logger, with database outages summarised: the first failure is logged with its reason, then at
 * most one line per interval with the number of requests that failed the same way.
 */
export function createAppLogger(level: LogLevel, intervalMs = 5_000): YogaLogger {
  const inner = createLogger(level);
  let suppressed = 0;
  let lastLoggedAt = 0;
  return {
    ...inner,
    error(...args: unknown[]) {
      if (!args.some(isDatabaseUnavailable)) return inner.error(...args);
      const now = Date.now();
      if (now - lastLoggedAt < intervalMs) {
        suppressed++;
        return;
      }
      const reason = args.map(firstLine).find(Boolean) ?? "unknown";
      inner.warn(`database unavailable: ${reason}${suppressed ? ` (${suppressed} more requests failed the same way since the last report)` : ""}`);
      lastLoggedAt = now;
      suppressed = 0;
    },
  };
}

/** The most telling line of a Prisma error ("Raw query failed. Code: `57P03`. Message: ..."), else its first line. */
function firstLine(value: unknown): string {
  const message = value instanceof Error ? value.message : typeof value === "string" ? value : "";
  const lines = message.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.at(-1) ?? "";
}
