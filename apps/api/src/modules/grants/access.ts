import type { Client, Prisma } from "@citypeer/db";
import type { Viewer } from "../../context.ts";

// Lookups for the `officerOf` scope: the partner city whose pilot a grant (or one of its records) belongs to.
// "" refuses: no such record, so nobody is its officer.

export async function grantOrganizationId(db: Client, grantId: string): Promise<string> {
  const row = await db.grant.findUnique({ where: { id: grantId }, select: { pilot: { select: { organizationId: true } } } });
  return row?.pilot.organizationId ?? "";
}

export async function trancheOrganizationId(db: Client, trancheId: string): Promise<string> {
  const row = await db.tranche.findUnique({ where: { id: trancheId }, select: { grant: { select: { pilot: { select: { organizationId: true } } } } } });
  return row?.grant.pilot.organizationId ?? "";
}

export async function expenseOrganizationId(db: Client, expenseId: string): Promise<string> {
  const row = await db.expense.findUnique({ where: { id: expenseId }, select: { grant: { select: { pilot: { select: { organizationId: true } } } } } });
  return row?.grant.pilot.organizationId ?? "";
}

export async function deadlineOrganizationId(db: Client, deadlineId: string): Promise<string> {
  const row = await db.reportingDeadline.findUnique({
    where: { id: deadlineId },
    select: { grant: { select: { pilot: { select: { organizationId: true } } } } },
  });
  return row?.grant.pilot.organizationId ?? "";
}

/** Project managers see every grant; a city officer sees their own city's. */
export function seesAllGrants(viewer: Viewer | null): boolean {
  return !!viewer?.roles.includes("PROJECT_MANAGER");
}

/**
 * The grants a viewer may read, as a `where`: every list and lookup filters with it, so nothing leaks
 * through a nested field or `node(id:)`.
 */
export function visibleGrants(viewer: Viewer | null): Prisma.GrantWhereInput {
  if (seesAllGrants(viewer)) return {};
  if (viewer?.roles.includes("CITY_OFFICER") && viewer.organizationId) return { pilot: { organizationId: viewer.organizationId } };
  return { id: { in: [] } };
}
