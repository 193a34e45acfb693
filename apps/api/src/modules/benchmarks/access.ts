import type { Client } from "@citypeer/db";
import type { Viewer } from "../../context.ts";

/** The city that owns a submission, for the `officerOf` scope (null: no such submission, so refused). */
export async function submissionOrganizationId(db: Client, submissionId: string): Promise<string> {
  const row = await db.benchmarkSubmission.findUnique({ where: { id: submissionId }, select: { organizationId: true } });
  return row?.organizationId ?? "";
}

/**
 * Who may read a submission's scores and evidence: its own city always; the project team once it is
 * submitted; partner cities once it is validated (peer learning). Nobody sees another city's draft.
 */
export function canReadSubmission(viewer: Viewer | null, submission: { organizationId: string; status: string }): boolean {
  if (!viewer) return false;
  if (viewer.organizationId === submission.organizationId) return true;
  if (submission.status === "DRAFT") return false;
  if (viewer.roles.includes("PROJECT_MANAGER") || viewer.roles.includes("ADMIN")) return true;
  return submission.status === "VALIDATED" && isPartner(viewer);
}

export function isPartner(viewer: Viewer): boolean {
  return viewer.organizationKind === "PARTNER_CITY" || viewer.organizationKind === "PARTNER_NETWORK";
}

/** City-by-city results are for the project team and partners; everyone else sees community aggregates. */
export function canSeeCityResults(viewer: Viewer): boolean {
  return isPartner(viewer) || viewer.roles.includes("PROJECT_MANAGER") || viewer.roles.includes("ADMIN");
}
