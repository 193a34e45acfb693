import { builder } from "../../builder.ts";
import { OrganizationRef } from "../organizations/types.ts";
import { RoleEnum, UserRef } from "./types.ts";

builder.queryFields((t) => ({
  /** The signed-in person, or null: public, so the web app can tell whether to show the sign-in page. */
  me: t.field({
    type: UserRef,
    nullable: true,
    // a plain field: anonymous requests cost no query; nested relations load through the plugin's fallback
    resolve: (_root, _args, ctx) => (ctx.viewer ? ctx.db.user.findUnique({ where: { id: ctx.viewer.id } }) : null),
  }),
}));

builder.queryFields((t) => ({
  /** Admins: every account, filtered by role, organisation and a name or e-mail search. */
  users: t.prismaConnection({
    type: UserRef,
    cursor: "id",
    authScopes: { admin: true },
    args: {
      role: t.arg({ type: RoleEnum, required: false }),
      organizationId: t.arg.globalID({ required: false, for: OrganizationRef }),
      search: t.arg.string({ required: false }),
      includeDeactivated: t.arg.boolean({ required: false, defaultValue: true }),
    },
    totalCount: (_parent, args, ctx) => ctx.db.user.count({ where: usersWhere(args) }),
    resolve: (query, _root, args, ctx) => ctx.db.user.findMany({ ...query, where: usersWhere(args), orderBy: [{ name: "asc" }, { id: "asc" }] }),
  }),
}));

function usersWhere(args: { role?: string | null; organizationId?: { id: string } | null; search?: string | null; includeDeactivated?: boolean | null }) {
  const search = args.search?.trim();
  return {
    ...(args.role ? { roles: { has: args.role as never } } : {}),
    ...(args.organizationId ? { organizationId: args.organizationId.id } : {}),
    ...(args.includeDeactivated === false ? { deactivatedAt: null } : {}),
    ...(search
      ? { OR: [{ name: { contains: search, mode: "insensitive" as const } }, { email: { contains: search.toLowerCase() } }] }
      : {}),
  };
}
