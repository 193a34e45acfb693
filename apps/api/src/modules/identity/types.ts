import { Role } from "@citypeer/db/client";
import { builder } from "../../builder.ts";

export const RoleEnum = builder.enumType(Role, { name: "Role" });

export const UserRef = builder.prismaNode("User", {
  id: { field: "id" },
  authScopes: { signedIn: true },
  fields: (t) => ({
    email: t.exposeString("email"),
    name: t.exposeString("name"),
    roles: t.field({ type: [RoleEnum], resolve: (user) => user.roles }),
    locale: t.exposeString("locale"),
    workingLanguages: t.exposeStringList("workingLanguages"),
    organization: t.relation("organization", { nullable: true }),
    // account administration: admins only
    isActive: t.boolean({ authScopes: { admin: true }, resolve: (user) => user.deactivatedAt === null }),
    deactivatedAt: t.expose("deactivatedAt", { type: "DateTime", nullable: true, authScopes: { admin: true } }),
    lastSignInAt: t.expose("lastSignInAt", { type: "DateTime", nullable: true, authScopes: { admin: true } }),
    hasPassword: t.boolean({ authScopes: { admin: true }, resolve: (user) => user.passwordHash !== null }),
  }),
});
