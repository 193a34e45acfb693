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

export const inviteUserSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  name: z.string().trim().min(1).max(200),
  organizationId: z.string().uuid().nullable(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
});
export type InviteUser = z.infer<typeof inviteUserSchema>;

export const updateUserRolesSchema = z.object({
  userId: z.string().uuid(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
  organizationId: z.string().uuid().nullable(),
});

/** The single-use secret from an e-mailed link, with the new password. */
export const tokenPasswordSchema = z.object({
  token: z.string().min(20).max(200),
  password: passwordSchema,
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: passwordSchema,
});

export const requestPasswordResetSchema = z.object({ email: z.string().trim().toLowerCase().email() });

/** Invitation links live a week, reset links an hour (OWASP: short-lived, single use). */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
export const PASSWORD_RESET_TTL_MS = 3600_000;

/** An admin cannot take the last admin role away (nobody could administer accounts any more). */
export function removesLastAdmin(currentRoles: readonly string[], nextRoles: readonly string[], otherActiveAdmins: number): boolean {
  return currentRoles.includes("ADMIN") && !nextRoles.includes("ADMIN") && otherActiveAdmins === 0;
}
