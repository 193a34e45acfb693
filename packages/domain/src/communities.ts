import { z } from "zod";
import type { FieldIssue } from "./errors.ts";

/** The three CONSOLIDATE communities of practice, and OTHER for later ones. */
export const COMMUNITY_THEMES = ["LABOUR_MARKET", "HOUSING", "ONE_STOP_SHOPS", "OTHER"] as const;
/** A community's own meeting, or a training (the cross-cutting ones belong to no community). */
export const SESSION_KINDS = ["MEETING", "TRAINING"] as const;
/** The cross-cutting governance challenges of the project's online trainings. */
export const CROSS_CUTTING_TOPICS = ["NEWCOMER_DATA", "WOMEN_CENTRED_POLICIES", "EMERGENCY_TO_STRATEGY"] as const;
export const ATTENDANCE_STATUSES = ["REGISTERED", "ATTENDED", "EXCUSED"] as const;
export const RESOURCE_TYPES = ["GUIDELINE", "REPORT", "PRESENTATION", "TOOLKIT", "DATASET", "OTHER"] as const;
export const MEMBERSHIP_STATUSES = ["REQUESTED", "ACTIVE", "DECLINED"] as const;
export const MEMBERSHIP_DECISIONS = ["APPROVE", "DECLINE"] as const;

export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** A community has a handful of coordinators; more is a mistake in the form, not a real team. */
export const MAX_COORDINATORS = 10;

const uuid = z.string().uuid();
const text = (max: number) => z.string().trim().min(1).max(max);
/** An empty form field means "none". */
const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
/** Links others will open: http(s) to a public host name only (no javascript:, no localhost). */
const webUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(2000);
const optionalUrl = z.preprocess(blankToNull, webUrl.nullable().optional());
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable().optional());
/** BCP 47, as the rest of the model stores languages ("en", "pt-BR", "sr-Latn"). */
const language = z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "A language code such as en or pt-BR");

/** URL part of a community page: lower-case words joined by hyphens. */
export const communitySlugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80);

export const createCommunitySchema = z.object({
  name: text(120),
  slug: z.preprocess(blankToNull, communitySlugSchema.nullable().optional()),
  theme: z.enum(COMMUNITY_THEMES),
  description: z.string().trim().max(5000),
  leadCityId: uuid.nullable().optional(),
});
export type CreateCommunity = z.infer<typeof createCommunitySchema>;

/** Absent fields stay as they are; `leadCityId: null` removes the lead city. The slug never changes (links keep working). */
export const updateCommunitySchema = z.object({
  communityId: uuid,
  name: text(120).optional(),
  theme: z.enum(COMMUNITY_THEMES).optional(),
  description: z.string().trim().max(5000).optional(),
  leadCityId: uuid.nullable().optional(),
});
export type UpdateCommunity = z.infer<typeof updateCommunitySchema>;

const sessionFields = {
  kind: z.enum(SESSION_KINDS),
  topic: z.enum(CROSS_CUTTING_TOPICS).nullable().optional(),
  title: text(200),
  description: z.string().trim().max(5000),
  startsAt: z.date(),
  endsAt: z.date(),
  location: optionalText(200),
  onlineUrl: optionalUrl,
};

/** A session of one community, or (no communityId) a cross-cutting training for all. Rules across fields: `sessionIssues`. */
export const createSessionSchema = z.object({ communityId: uuid.nullable().optional(), ...sessionFields, description: sessionFields.description.default("") });
export type CreateSession = z.infer<typeof createSessionSchema>;

/** Absent fields stay as they are; a session does not move between communities. */
export const updateSessionSchema = z.object({
  sessionId: uuid,
  kind: sessionFields.kind.optional(),
  topic: sessionFields.topic,
  title: sessionFields.title.optional(),
  description: sessionFields.description.optional(),
  startsAt: sessionFields.startsAt.optional(),
  endsAt: sessionFields.endsAt.optional(),
  location: sessionFields.location,
  onlineUrl: sessionFields.onlineUrl,
});
export type UpdateSession = z.infer<typeof updateSessionSchema>;

export type SessionShape = {
  communityId: string | null;
  kind: (typeof SESSION_KINDS)[number];
  topic: (typeof CROSS_CUTTING_TOPICS)[number] | null;
  startsAt: Date;
  endsAt: Date;
};

/**
 * The rules of a session as a whole (checked again after a partial update merges with what is stored):
 * it ends after it starts; a session for all communities is one of the cross-cutting trainings, so it is a
 * TRAINING with a topic; a meeting has no training topic.
 */
export function sessionIssues(s: SessionShape): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (s.endsAt.getTime() <= s.startsAt.getTime()) {
    issues.push({ path: ["endsAt"], code: "ends_before_start", message: "The session must end after it starts" });
  }
  if (s.communityId === null && s.kind !== "TRAINING") {
    issues.push({ path: ["kind"], code: "cross_cutting_is_training", message: "A session for all communities is a training" });
  }
  if (s.communityId === null && s.topic === null) {
    issues.push({ path: ["topic"], code: "topic_required", message: "Choose the topic of this cross-cutting training" });
  }
  if (s.kind === "MEETING" && s.topic !== null) {
    issues.push({ path: ["topic"], code: "topic_only_for_trainings", message: "Only trainings have a topic" });
  }
  return issues;
}

/** A link or an uploaded file (exactly one of the two, as the form offers). */
export const addResourceSchema = z.object({
  communityId: uuid,
  title: text(200),
  type: z.enum(RESOURCE_TYPES),
  language,
  url: optionalUrl,
  attachmentId: uuid.nullable().optional(),
});
export type AddResource = z.infer<typeof addResourceSchema>;

/** A resource is a link or a file: one of the two, never both (the database requires at least one). */
export function resourceIssues(r: { url?: string | null; attachmentId?: string | null }): FieldIssue[] {
  if (!r.url && !r.attachmentId) return [{ path: ["url"], code: "link_or_file_required", message: "Give a link or upload a file" }];
  if (r.url && r.attachmentId) return [{ path: ["url"], code: "link_or_file_not_both", message: "Give a link or a file, not both" }];
  return [];
}

export const membershipSchema = z.object({ communityId: uuid, organizationId: uuid });
export type Membership = z.infer<typeof membershipSchema>;

export const membershipDecisionSchema = membershipSchema.extend({ decision: z.enum(MEMBERSHIP_DECISIONS) });
export type MembershipDecision = z.infer<typeof membershipDecisionSchema>;

/**
 * Why a city may not ask to join, given its current membership row (null: none), or null when it may.
 * A declined city may ask again later.
 */
export function membershipRequestConflict(current: MembershipStatus | null): "already_member" | "already_requested" | null {
  if (current === "ACTIVE") return "already_member";
  if (current === "REQUESTED") return "already_requested";
  return null;
}

export const coordinatorsSchema = z.object({
  communityId: uuid,
  userIds: z
    .array(uuid)
    .max(MAX_COORDINATORS)
    .refine((ids) => new Set(ids).size === ids.length, "A person is listed twice"),
});
export type Coordinators = z.infer<typeof coordinatorsSchema>;

export type CoordinatorCandidate = { id: string; roles: readonly string[]; organizationId: string | null; isActive: boolean };

/**
 * Who may coordinate a community: an active person who is a project manager (the project team) or who works
 * for one of its active member cities. One issue per refused entry, on its position in the list.
 */
export function coordinatorIssues(userIds: readonly string[], people: readonly CoordinatorCandidate[], memberCityIds: ReadonlySet<string>): FieldIssue[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  return userIds.flatMap((id, i): FieldIssue[] => {
    const person = byId.get(id);
    if (!person || !person.isActive) return [{ path: ["userIds", String(i)], code: "not_found", message: "No active person with this id" }];
    const eligible = person.roles.includes("PROJECT_MANAGER") || (person.organizationId !== null && memberCityIds.has(person.organizationId));
    return eligible ? [] : [{ path: ["userIds", String(i)], code: "not_eligible", message: "Coordinators are project managers or people from member cities" }];
  });
}

export const attendanceSchema = z.object({ sessionId: uuid, status: z.enum(ATTENDANCE_STATUSES) });
export type Attendance = z.infer<typeof attendanceSchema>;

/** Past sessions are over; upcoming ones (including one under way) are still listed to join. */
export function isPastSession(s: { endsAt: Date }, now: Date): boolean {
  return s.endsAt.getTime() <= now.getTime();
}

/**
 * What a person may say about their own attendance: before the session starts they register; once it has
 * started they attended or were excused (attendance lists are kept per session for the project's reporting).
 */
export function attendanceIssues(status: AttendanceStatus, s: { startsAt: Date }, now: Date): FieldIssue[] {
  const started = s.startsAt.getTime() <= now.getTime();
  if (!started && status !== "REGISTERED") {
    return [{ path: ["status"], code: "session_not_started", message: "You can register for a session that has not started yet" }];
  }
  if (started && status === "REGISTERED") {
    return [{ path: ["status"], code: "session_started", message: "This session has started: say whether you attended or were excused" }];
  }
  return [];
}

/** A URL slug from a community name ("Local housing support" -> "local-housing-support"), accents dropped. */
export function slugFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}
