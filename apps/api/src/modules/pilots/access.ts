import type { Client } from "@citypeer/db";

/** The partner city that runs a pilot, for the `officerOf` scope ("" refuses: no such pilot). */
export async function pilotOrganizationId(db: Client, pilotId: string): Promise<string> {
  const pilot = await db.pilot.findUnique({ where: { id: pilotId }, select: { organizationId: true } });
  return pilot?.organizationId ?? "";
}
