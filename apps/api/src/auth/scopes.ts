import { GraphQLError } from "graphql";
import type { Context } from "../context.ts";

/** What a viewer may do. Reading the schema's authScopes answers "who may do this?". */
export type AuthScopes = {
  signedIn: boolean;
  admin: boolean;
  projectManager: boolean;
  cityOfficer: boolean;
  peerReviewer: boolean;
  mentor: boolean;
  /** The viewer belongs to this organisation. */
  memberOf: string;
  /** The viewer is a city officer of this organisation: city officers write only for their own city. */
  officerOf: string;
  /** The viewer belongs to a partner city or network (sees other cities' validated results by name). */
  partner: boolean;
};

export function authScopes(ctx: Context) {
  const viewer = ctx.viewer;
  const has = (role: string) => !!viewer?.roles.includes(role as never);
  return {
    signedIn: !!viewer,
    admin: has("ADMIN"),
    projectManager: has("PROJECT_MANAGER"),
    cityOfficer: has("CITY_OFFICER"),
    peerReviewer: has("PEER_REVIEWER"),
    mentor: has("MENTOR"),
    memberOf: (organizationId: string) => !!viewer && viewer.organizationId === organizationId,
    officerOf: (organizationId: string) => has("CITY_OFFICER") && !!organizationId && viewer!.organizationId === organizationId,
    partner: viewer?.organizationKind === "PARTNER_CITY" || viewer?.organizationKind === "PARTNER_NETWORK",
  };
}

/** A coded error that Yoga does not mask, so the UI can tell "sign in" from "not allowed" from "broken". */
export function unauthorizedError(_parent: unknown, ctx: Context): GraphQLError {
  return ctx.viewer
    ? new GraphQLError("Not allowed", { extensions: { code: "FORBIDDEN" } })
    : new GraphQLError("Sign in first", { extensions: { code: "UNAUTHENTICATED" } });
}
