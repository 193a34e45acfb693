import type { IntlShape } from "react-intl";
import { ROLES } from "@citypeer/domain/identity";
import type { ResultOf } from "../../app/graphql.ts";
import type { OrganizationOptionsQuery, UserRowFragment } from "./operations.ts";

export type UserRow = ResultOf<typeof UserRowFragment>;
export type OrganizationOption = ResultOf<typeof OrganizationOptionsQuery>["organizations"][number];

/** Role checkboxes in the order of the domain's list (most powerful first). */
export function roleOptions(intl: IntlShape) {
  return ROLES.map((role) => ({ value: role, label: intl.formatMessage({ id: `role.${role}` }) }));
}

export function roleNames(intl: IntlShape, roles: readonly string[]): string {
  return intl.formatList(roles.map((role) => (ROLES.includes(role as never) ? intl.formatMessage({ id: `role.${role as (typeof ROLES)[number]}` }) : role)));
}

/** Organisations sorted for the reader's language. */
export function sortedOrganizations(intl: IntlShape, organizations: readonly OrganizationOption[]): OrganizationOption[] {
  const collator = new Intl.Collator(intl.locale);
  return [...organizations].sort((a, b) => collator.compare(a.name, b.name));
}
