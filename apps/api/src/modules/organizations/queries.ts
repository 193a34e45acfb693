import { builder } from "../../builder.ts";

builder.queryFields((t) => ({
  organizations: t.prismaField({
    type: ["Organization"],
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, ctx) => ctx.db.organization.findMany({ ...query, orderBy: [{ kind: "asc" }, { name: "asc" }] }),
  }),
}));
