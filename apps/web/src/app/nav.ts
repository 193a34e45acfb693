import type { MessageId } from "./i18n.tsx";
import type { ResultOf } from "./graphql.ts";
import type { MeQuery } from "../features/identity/operations.ts";

type Role = NonNullable<ResultOf<typeof MeQuery>["me"]>["roles"][number];

/**
 * Main navigation. `roles` shows an item only to people who work with that page; the API
 * still decides what each person may read, the menu only keeps it uncluttered.
 */
const NAV_ITEMS: { to: string; label: MessageId; roles?: Role[] }[] = [
  { to: "/", label: "nav.home" },
  { to: "/communities", label: "nav.communities" },
  { to: "/benchmarks", label: "nav.benchmarks", roles: ["CITY_OFFICER", "PROJECT_MANAGER"] },
  { to: "/pilots", label: "nav.pilots" },
  { to: "/pilots/mine", label: "nav.myPilot", roles: ["CITY_OFFICER"] },
  { to: "/reviews", label: "nav.reviews" },
  { to: "/reviews/mine", label: "nav.myReviews", roles: ["PEER_REVIEWER"] },
  // outside cities' officers are CITY_OFFICERs too (the viewer carries no organisation kind), so partner officers see calls as well
  { to: "/open-calls", label: "nav.openCalls", roles: ["PROJECT_MANAGER", "CITY_OFFICER"] },
  { to: "/mentoring", label: "nav.mentoring", roles: ["MENTOR", "PROJECT_MANAGER"] },
  { to: "/grants", label: "nav.grants", roles: ["PROJECT_MANAGER"] },
  { to: "/grants/mine", label: "nav.myGrant", roles: ["CITY_OFFICER"] },
  { to: "/practices", label: "nav.practices" },
  { to: "/organizations", label: "nav.organizations", roles: ["ADMIN", "PROJECT_MANAGER"] },
  { to: "/data-exports", label: "nav.dataExports", roles: ["PROJECT_MANAGER"] },
  { to: "/admin/users", label: "nav.users", roles: ["ADMIN"] },
];

export function navItemsFor(roles: readonly Role[]) {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.some((r) => roles.includes(r)));
}
