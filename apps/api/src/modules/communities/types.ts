import { CommunityTheme } from "@citypeer/db/client";
import { builder } from "../../builder.ts";
import { OrganizationRef } from "../organizations/types.ts";

export const CommunityThemeEnum = builder.enumType(CommunityTheme, { name: "CommunityTheme" });

export const CommunityRef = builder.prismaNode("Community", {
  id: { field: "id" },
  authScopes: { signedIn: true },
  fields: (t) => ({
    slug: t.exposeString("slug"),
    name: t.exposeString("name"),
    theme: t.expose("theme", { type: CommunityThemeEnum }),
    description: t.exposeString("description"),
    leadCity: t.relation("leadCity", { nullable: true }),
    /** Active member cities, through the membership table, loaded in the parent's query (no N+1). */
    memberCities: t.field({
      type: [OrganizationRef],
      select: (_args, _ctx, nestedSelection) => ({
        members: {
          where: { status: "ACTIVE" },
          orderBy: { organization: { name: "asc" } },
          select: { organization: nestedSelection(true) },
        },
      }),
      resolve: (community) => community.members.map((m) => m.organization),
    }),
  }),
});
