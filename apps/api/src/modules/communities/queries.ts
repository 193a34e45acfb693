import { builder } from "../../builder.ts";
import { CommunityRef } from "./types.ts";

builder.queryFields((t) => ({
  communities: t.prismaField({
    type: ["Community"],
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, ctx) => ctx.db.community.findMany({ ...query, orderBy: { name: "asc" } }),
  }),

  community: t.prismaField({
    type: "Community",
    nullable: true,
    authScopes: { signedIn: true },
    args: { id: t.arg.globalID({ required: true, for: CommunityRef }) },
    resolve: (query, _root, { id }, ctx) => ctx.db.community.findUnique({ ...query, where: { id: id.id } }),
  }),
}));
