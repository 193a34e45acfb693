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
  /** The viewer belongs to this organisation (city officers write only for their own city). */
  memberOf: string;
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
  };
}

/** A coded error that Yoga does not mask, so the UI can tell "sign in" from "not allowed" from "broken". */
export function unauthorizedError(_parent: unknown, ctx: Context): GraphQLError {
  return ctx.viewer
    ? new GraphQLError("Not allowed", { extensions: { code: "FORBIDDEN" } })
    : new GraphQLError("Sign in first", { extensions: { code: "UNAUTHENTICATED" } });
}
