import { seedPractices } from "../../../prisma/seed/data/practices.ts";
import type { TestApp } from "../support/app.ts";

export const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
export const rawId = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1]!;

/** The seeded library (what prisma/seed/index.ts runs), on top of the demo data. */
export async function seedLibrary(app: TestApp) {
  const orgs = await app.prisma.organization.findMany({ select: { slug: true, id: true } });
  const communities = await app.prisma.community.findMany({ select: { slug: true, id: true } });
  await app.prisma.$transaction((tx) =>
    seedPractices(tx, new Map(orgs.map((o) => [o.slug, o.id])), new Map(communities.map((c) => [c.slug, c.id]))),
  );
}

export const DORTMUND = 'Integrationsnetzwerk Dortmund "lokal willkommen"';
export const ERFURT = "Netzwerk für Integration der Landeshauptstadt Erfurt (Erfurt integration network)";
export const KIM = "Municipal integration management (KIM), Cologne";

export const SEARCH = /* GraphQL */ `
  query ($input: PracticeSearchInput) {
    searchPractices(input: $input) {
      __typename
      ... on QuerySearchPracticesSuccess {
        data {
          total
          hits { rank title { text isMatch } excerpt { text isMatch } practice { id networkName country status city { cityName } community { slug } fieldsOfIntervention targetGroups } }
        }
      }
      ... on InputError { issues { path code } }
    }
  }
`;

export const CREATE = /* GraphQL */ `
  mutation ($input: PracticeProfileInput!) {
    createPracticeProfile(input: $input) {
      __typename
      ... on MutationCreatePracticeProfileSuccess { data { id status networkName city { cityName } viewerCanEdit } }
      ... on InputError { issues { path code } }
    }
  }
`;
export const UPDATE = /* GraphQL */ `
  mutation ($input: UpdatePracticeProfileInput!) {
    updatePracticeProfile(input: $input) {
      __typename
      ... on MutationUpdatePracticeProfileSuccess { data { id networkName description city { cityName } } }
      ... on InputError { issues { path code } }
    }
  }
`;
export const PUBLISH = /* GraphQL */ `
  mutation ($input: PracticeIdInput!) {
    publishPracticeProfile(input: $input) {
      __typename
      ... on MutationPublishPracticeProfileSuccess { data { status } }
      ... on InputError { issues { path code } }
      ... on ConflictError { code }
    }
  }
`;

/** A complete profile form for a city (by slug), ready to publish. */
export async function profileInput(app: TestApp, o: { city?: string; name: string; country?: string; community?: string; fields?: string[]; groups?: string[]; text?: string }) {
  const city = o.city ? await app.prisma.organization.findUniqueOrThrow({ where: { slug: o.city } }) : null;
  const community = o.community ? await app.prisma.community.findUniqueOrThrow({ where: { slug: o.community } }) : null;
  return {
    organizationId: city ? gid("Organization", city.id) : null,
    communityId: community ? gid("Community", community.id) : null,
    networkName: o.name,
    yearFounded: 2019,
    place: city?.cityName ?? "Somewhere",
    country: o.country ?? city?.country ?? "DE",
    coordination: "The city's integration office",
    fieldsOfIntervention: o.fields ?? ["HOUSING"],
    targetGroups: o.groups ?? ["REFUGEES"],
    description: o.text ?? "Newcomers find a flat through a network of landlords.",
    successFactors: "- Trust between landlords and the city",
    website: "https://example.eu/practice",
    contact: "integration@example.eu",
  };
}
