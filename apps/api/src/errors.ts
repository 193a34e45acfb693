import type { z } from "zod";
import { issuesFromZod, type FieldIssue } from "@citypeer/domain/errors";
import { builder } from "./builder.ts";

/** Expected failures are values in the schema (errors plugin); anything else is a bug and stays masked. */
export class InputError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super("Some fields need attention");
  }
  static fromZod(error: z.ZodError) {
    return new InputError(issuesFromZod(error.issues));
  }
  static field(path: string[], code: string, message: string) {
    return new InputError([{ path, code, message }]);
  }
}

export class NotFoundError extends Error {
  constructor(readonly entity: string) {
    super(`${entity} not found`);
  }
}

/** A stale or forbidden state change ("round already closed"). */
export class ConflictError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class TooManyAttemptsError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts; try again in ${retryAfterSeconds} s`);
  }
}

/** Parses input with a shared zod schema; a failure becomes an InputError with field paths. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw InputError.fromZod(result.error);
  return result.data;
}

export const ErrorInterface = builder.interfaceRef<Error>("Error").implement({
  fields: (t) => ({ message: t.exposeString("message") }),
});

const FieldIssueRef = builder.objectRef<FieldIssue>("FieldIssue").implement({
  fields: (t) => ({
    path: t.exposeStringList("path"),
    code: t.exposeString("code"),
    message: t.exposeString("message"),
  }),
});

builder.objectType(InputError, {
  name: "InputError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof InputError,
  fields: (t) => ({ issues: t.field({ type: [FieldIssueRef], resolve: (e) => e.issues }) }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: (t) => ({ entity: t.exposeString("entity") }),
});

builder.objectType(ConflictError, {
  name: "ConflictError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConflictError,
  fields: (t) => ({ code: t.exposeString("code") }),
});

builder.objectType(TooManyAttemptsError, {
  name: "TooManyAttemptsError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof TooManyAttemptsError,
  fields: (t) => ({ retryAfterSeconds: t.exposeInt("retryAfterSeconds") }),
});
