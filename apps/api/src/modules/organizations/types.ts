import { OrganizationKind } from "@citypeer/db/client";
import { builder } from "../../builder.ts";

export const OrganizationKindEnum = builder.enumType(OrganizationKind, { name: "OrganizationKind" });

export const OrganizationRef = builder.prismaNode("Organization", {
  id: { field: "id" },
  authScopes: { signedIn: true },
  fields: (t) => ({
    name: t.exposeString("name"),
    cityName: t.exposeString("cityName", { nullable: true }),
    slug: t.exposeString("slug"),
    kind: t.expose("kind", { type: OrganizationKindEnum }),
    country: t.exposeString("country"),
    languages: t.exposeStringList("languages"),
    website: t.exposeString("website", { nullable: true }),
    /** The organisation's active people: a city's contacts. */
    users: t.relation("users", { query: { where: { deactivatedAt: null }, orderBy: { name: "asc" } } }),
  }),
});
