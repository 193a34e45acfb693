import { z } from "zod";

/** The roles a person can hold; one person may hold several. */
export const ROLES = ["ADMIN", "PROJECT_MANAGER", "CITY_OFFICER", "PEER_REVIEWER", "MENTOR"] as const;
export type Role = (typeof ROLES)[number];

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(1024),
});
export type SignIn = z.infer<typeof signInSchema>;

/** NIST SP 800-63B: length over composition rules; 12 characters at least, a cap to bound hashing cost. */
export const PASSWORD_MIN_LENGTH = 12;
export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(256);

/**
 * Sign-in throttling: backoff rather than a lockout, so that an attacker who knows an address
 * can delay its owner by seconds at most, while guessing from one address slows to a crawl.
 */
export const THROTTLE = {
  account: { freeFailures: 5, baseSeconds: 1, maxSeconds: 30 },
  address: { freeFailures: 20, baseSeconds: 2, maxSeconds: 15 * 60 },
} as const;

/** Seconds to wait after the given number of consecutive failures (0 while still free). */
export function backoffSeconds(failures: number, rule: { freeFailures: number; baseSeconds: number; maxSeconds: number }): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** (failures - rule.freeFailures));
}
