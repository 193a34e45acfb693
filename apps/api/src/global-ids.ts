import { GraphQLError } from "graphql";
import { decodeGlobalID } from "@pothos/plugin-relay";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Relay ids as every `globalID` argument reads them. Every Node's id is a uuid, so a global id that does not
 * decode, or that wraps anything else ("Pilot:not-a-uuid", a NUL byte), is refused here with a code; before,
 * it reached PostgreSQL, failed there (invalid input syntax for type uuid) and came back as "Unexpected error".
 * The message does not echo the id: it can be 200 kB of anything.
 */
export function decodeUuidGlobalID(globalID: string): { typename: string; id: string } {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalID);
  } catch {
    throw invalidId();
  }
  if (!UUID.test(decoded.id)) throw invalidId();
  return decoded;
}

/** Whether a raw (not global) id can be a row's id: checked before such an id reaches a query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

function invalidId(): GraphQLError {
  return new GraphQLError("Not a valid id", { extensions: { code: "BAD_USER_INPUT" } });
}

/** Prisma's "record required but not found" (findUniqueOrThrow on an id that names nothing). */
export function isRecordNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

/**
 * `node(id)` and `nodes(ids)` answer null for a record that does not exist (deleted, or never was), as Relay
 * expects; prismaNode loads with findUniqueOrThrow, so the miss used to be an internal error, and in `nodes`
 * it took every other id down with it. A miss in `nodes` retries the ids one by one.
 */
export async function nullIfMissing<T>(load: () => PromiseLike<T> | T): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (isRecordNotFound(error)) return null;
    throw error;
  }
}

export async function eachOrNullIfMissing<Id>(ids: readonly Id[], loadMany: (ids: Id[]) => PromiseLike<unknown[]> | unknown[]): Promise<unknown[]> {
  try {
    return await loadMany([...ids]);
  } catch (error) {
    if (!isRecordNotFound(error)) throw error;
    // one after another: Prisma batches concurrent findUniqueOrThrow calls, and one miss fails the batch
    const nodes: unknown[] = [];
    for (const id of ids) nodes.push(await nullIfMissing(async () => (await loadMany([id]))[0]));
    return nodes;
  }
}
