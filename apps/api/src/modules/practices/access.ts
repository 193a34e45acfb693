import type { Client } from "@citypeer/db";
import type { Viewer } from "../../context.ts";

const isProjectManager = (viewer: Viewer | null) => !!viewer?.roles.includes("PROJECT_MANAGER");
const isOfficerOf = (viewer: Viewer | null, organizationId: string | null) =>
  !!viewer && !!organizationId && viewer.roles.includes("CITY_OFFICER") && viewer.organizationId === organizationId;

/** Who edits a profile: the project team and the officers of the city it belongs to. */
export function canEditPractice(viewer: Viewer | null, practice: { organizationId: string | null }): boolean {
  return isProjectManager(viewer) || isOfficerOf(viewer, practice.organizationId);
}

/** A published profile is for everyone signed in; a draft for those who edit it. */
export function canReadPractice(viewer: Viewer | null, practice: { status: string; organizationId: string | null }): boolean {
  if (!viewer) return false;
  return practice.status === "PUBLISHED" || canEditPractice(viewer, practice);
}

/** The city a profile belongs to, for the `officerOf` scope ("" refuses: none, or no such profile). */
export async function practiceOrganizationId(db: Client, practiceId: string): Promise<string> {
  const practice = await db.practiceProfile.findUnique({ where: { id: practiceId }, select: { organizationId: true } });
  return practice?.organizationId ?? "";
}

/** Reads that list profiles filter by the viewer too: published ones, plus the drafts the viewer edits. */
export function visiblePractices(viewer: Viewer) {
  if (isProjectManager(viewer)) return {};
  const ownDrafts = viewer.roles.includes("CITY_OFFICER") && viewer.organizationId ? [{ organizationId: viewer.organizationId }] : [];
  return { OR: [{ status: "PUBLISHED" as const }, ...ownDrafts] };
}
