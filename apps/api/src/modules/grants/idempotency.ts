import { createHash } from "node:crypto";
import type { Tx } from "@citypeer/db";
import { InputError } from "../../errors.ts";
import { canonicalJson } from "../audit/service.ts";

/**
 * Runs a money change once per (actor, key) and returns the id of the record it changed or created.
 *
 * The key is claimed first, inside the caller's transaction, with `INSERT ... ON CONFLICT DO NOTHING`:
 * a concurrent request with the same key waits on the primary key until the first one commits (then
 * replays its result) or rolls back (then acts itself). A failed change rolls back its claim too, so a
 * retry after an error is a fresh attempt. The operation is stored with a hash of its input, so the same
 * key sent with another mutation or other input is refused rather than answered with the wrong record.
 */
export async function once(
  tx: Tx,
  actor: { id: string },
  key: string | null | undefined,
  operation: { name: string; input: unknown },
  run: () => Promise<string>,
): Promise<string> {
  if (!key) return run();
  const fingerprint = `${operation.name}:${createHash("sha256").update(canonicalJson(operation.input)).digest("hex").slice(0, 32)}`;
  const claimed = await tx.idempotencyKey.createMany({
    data: [{ actorId: actor.id, key, operation: fingerprint, resultJson: {} }],
    skipDuplicates: true,
  });
  if (claimed.count === 0) {
    const stored = await tx.idempotencyKey.findUniqueOrThrow({ where: { actorId_key: { actorId: actor.id, key } } });
    if (stored.operation !== fingerprint) {
      throw InputError.field(["idempotencyKey"], "idempotency_key_reused", "This key was already used for another request");
    }
    return (stored.resultJson as { id: string }).id;
  }
  const id = await run();
  await tx.idempotencyKey.update({ where: { actorId_key: { actorId: actor.id, key } }, data: { resultJson: { id } } });
  return id;
}
