import { rawId } from "../../ui/global-id.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type NodeType = "OpenCall" | "CallApplication" | "MentoringAssignment" | "PracticeProfile" | "Pilot";

/**
 * The global ID for a route parameter. Paths carry the raw database id, like the links in notifications
 * (`/open-calls/<uuid>/my-application`, `/mentoring/<uuid>`), so both open the same page.
 */
export function nodeId(type: NodeType, param: string): string {
  return UUID.test(param) ? btoa(`${type}:${param}`) : param;
}

export const callPath = (id: string) => `/open-calls/${rawId(id)}`;
export const applyPath = (id: string) => `${callPath(id)}/apply`;
export const rankingPath = (id: string) => `${callPath(id)}/ranking`;
export const editCallPath = (id: string) => `${callPath(id)}/edit`;
export const myApplicationPath = (id: string) => `${callPath(id)}/my-application`;
export const assignmentPath = (id: string) => `/mentoring/${rawId(id)}`;
export const assignMentorPath = (applicationId: string) => `/mentoring/assign/${rawId(applicationId)}`;
export const practicePath = (id: string) => `/practices/${rawId(id)}`;
export const editPracticePath = (id: string) => `${practicePath(id)}/edit`;
export const practiceFromPilotPath = (pilotId: string) => `/practices/from-pilot/${rawId(pilotId)}`;
