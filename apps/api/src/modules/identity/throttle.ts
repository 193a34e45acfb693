import type { Client } from "@citypeer/db";
import { THROTTLE, backoffSeconds } from "@citypeer/domain/identity";

/** Failures older than this no longer count. */
const QUIET_PERIOD = "1 hour";

export type ThrottleKey = { key: string; rule: (typeof THROTTLE)[keyof typeof THROTTLE] };

export function signInThrottleKeys(email: string, ip: string): ThrottleKey[] {
  return [
    { key: `account:${email}`, rule: THROTTLE.account },
    { key: `address:${ip}`, rule: THROTTLE.address },
  ];
}

/** Seconds until a sign-in may be tried again (0: now). Kept in the database so every API process agrees. */
export async function secondsToWait(db: Client, keys: ThrottleKey[]): Promise<number> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
  const now = Date.now();
  const waits = rows.map((r) => (r.blockedUntil ? Math.ceil((r.blockedUntil.getTime() - now) / 1000) : 0));
  return Math.max(0, ...waits);
}

/** Counts one failure on each key, atomically (concurrent failures from two processes both count). */
export async function recordFailure(db: Client, keys: ThrottleKey[]): Promise<void> {
  for (const { key, rule } of keys) {
    const [row] = await db.$queryRaw<{ failures: number }[]>`
      INSERT INTO "SignInThrottle" ("key", "failures", "lastFailedAt")
      VALUES (${key}, 1, now())
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."lastFailedAt" < now() - ${QUIET_PERIOD}::interval THEN 1
                          ELSE "SignInThrottle"."failures" + 1 END,
        "lastFailedAt" = now()
      RETURNING "failures"`;
    const wait = backoffSeconds(row?.failures ?? 1, rule);
    if (wait > 0) {
      await db.signInThrottle.update({ where: { key }, data: { blockedUntil: new Date(Date.now() + wait * 1000) } });
    }
  }
}

export async function clearFailures(db: Client, keys: ThrottleKey[]): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: { in: keys.map((k) => k.key) } } });
}
