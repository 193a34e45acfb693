import { builder } from "../../builder.ts";
import { CommunityRef } from "../communities/types.ts";
import { PilotRef } from "./types.ts";

builder.queryFields((t) => ({
  pilots: t.prismaField({
    type: [PilotRef],
    authScopes: { signedIn: true },
    args: { communityId: t.arg.globalID({ required: false, for: CommunityRef }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.pilot.findMany({ ...query, where: args.communityId ? { communityId: args.communityId.id } : {}, orderBy: { organization: { name: "asc" } } }),
  }),

  pilot: t.prismaField({
    type: PilotRef,
    nullable: true,
    authScopes: { signedIn: true },
    args: { id: t.arg.globalID({ required: true, for: PilotRef }) },
    resolve: (query, _root, args, ctx) => ctx.db.pilot.findUnique({ ...query, where: { id: args.id.id } }),
  }),

  /** The viewer's city's pilot. */
  myPilot: t.prismaField({
    type: PilotRef,
    nullable: true,
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer!.organizationId ? ctx.db.pilot.findUnique({ ...query, where: { organizationId: ctx.viewer!.organizationId } }) : null,
  }),
}));
