import { createHash } from "node:crypto";
import type { Client, Tx } from "@citypeer/db";

export type AuditActor = { id: string } | null;
export type AuditEntity = { type: string; id: string };

/** The hash the first entry chains to. */
export const GENESIS_HASH = "0".repeat(64);
/** Every audited write takes this transaction-scoped lock, so entries chain in commit order. */
const AUDIT_CHAIN_LOCK = 727_465_001;

/** JSON with sorted keys and Dates as ISO strings: JSONB reorders keys, the hash must not change. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, normalise((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

type HashedFields = {
  prevHash: string;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

export function entryHash(e: HashedFields): string {
  const body = canonicalJson({
    prevHash: e.prevHash,
    occurredAt: e.occurredAt,
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
  });
  return createHash("sha256").update(body).digest("hex");
}

/**
 * Appends to the audit log in the caller's transaction, so the entry exists exactly when the change does.
 * `before`/`after` are the record's state (null for creation / deletion).
 */
export async function recordAudit(tx: Tx, actor: AuditActor, action: string, entity: AuditEntity, before: unknown, after: unknown) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const fields: HashedFields = {
    prevHash: last?.hash ?? GENESIS_HASH,
    occurredAt: new Date(),
    actorId: actor?.id ?? null,
    action,
    entityType: entity.type,
    entityId: entity.id,
    // stored as they will read back, so verification hashes the same values
    before: before == null ? null : JSON.parse(canonicalJson(before)),
    after: after == null ? null : JSON.parse(canonicalJson(after)),
  };
  return tx.auditEntry.create({
    data: { ...fields, before: fields.before ?? undefined, after: fields.after ?? undefined, hash: entryHash(fields) },
  });
}

export type ChainVerification = { ok: boolean; checked: number; firstBrokenSeq: string | null };

/** Recomputes every hash in order; the first entry whose content or link does not match breaks the chain. */
export async function verifyAuditChain(db: Client | Tx, batchSize = 1000): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let after: bigint | undefined;
  for (;;) {
    const rows = await db.auditEntry.findMany({
      where: after === undefined ? {} : { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: batchSize,
    });
    for (const row of rows) {
      const expected = entryHash({ ...row, prevHash });
      if (row.prevHash !== prevHash || row.hash !== expected) return { ok: false, checked, firstBrokenSeq: row.seq.toString() };
      prevHash = row.hash;
      checked++;
    }
    if (rows.length < batchSize) return { ok: true, checked, firstBrokenSeq: null };
    after = rows[rows.length - 1]!.seq;
  }
}
