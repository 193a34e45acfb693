import { randomBytes } from "node:crypto";
import type { Client } from "@citypeer/db";
import { hashPassword } from "@citypeer/api/modules/identity/passwords";

const suffix = () => randomBytes(4).toString("hex");

/** Test data with sensible defaults; each test makes what it needs. */
export function factories(prisma: Client) {
  return {
    organization(data: { name?: string; kind?: "PARTNER_CITY" | "PARTNER_NETWORK" | "OUTSIDE_CITY"; country?: string } = {}) {
      const name = data.name ?? `City ${suffix()}`;
      return prisma.organization.create({
        data: {
          name,
          cityName: name,
          slug: `${name.toLowerCase().replace(/\W+/g, "-")}-${suffix()}`,
          kind: data.kind ?? "PARTNER_CITY",
          country: data.country ?? "DE",
          languages: ["en"],
        },
      });
    },

    async user(data: { email?: string; roles?: string[]; organizationId?: string; password?: string; deactivated?: boolean } = {}) {
      return prisma.user.create({
        data: {
          email: data.email ?? `person-${suffix()}@example.eu`,
          name: `Person ${suffix()}`,
          roles: (data.roles ?? ["CITY_OFFICER"]) as never,
          organizationId: data.organizationId ?? null,
          passwordHash: data.password ? await hashPassword(data.password) : null,
          deactivatedAt: data.deactivated ? new Date() : null,
        },
      });
    },

    community(data: { name?: string; memberIds?: string[] } = {}) {
      return prisma.community.create({
        data: {
          slug: `community-${suffix()}`,
          name: data.name ?? `Community ${suffix()}`,
          theme: "OTHER",
          description: "",
          members: { create: (data.memberIds ?? []).map((organizationId) => ({ organizationId, status: "ACTIVE" as const })) },
        },
      });
    },
  };
}
