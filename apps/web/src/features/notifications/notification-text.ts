import type { IntlShape } from "react-intl";
import type { MessageId } from "../../app/i18n.tsx";

type Values = Record<string, string | number>;

const ROLE_CODE = /^[A-Z_]+$/;

/**
 * Payload values a message may interpolate: strings and numbers only. `roles` arrives as the
 * API's codes joined by commas ("CITY_OFFICER, MENTOR"); the reader gets role names in their language.
 */
function payloadValues(intl: IntlShape, payload: unknown): Values {
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) return {};
  const values: Values = {};
  for (const [key, value] of Object.entries(payload)) {
    if (typeof value === "number") values[key] = value;
    else if (typeof value === "string") values[key] = key === "roles" ? roleList(intl, value) : value;
  }
  return values;
}

function roleList(intl: IntlShape, codes: string): string {
  const roles = codes.split(",").map((c) => c.trim()).filter(Boolean);
  return intl.formatList(
    roles.map((role) => {
      const id = `role.${role}`;
      return ROLE_CODE.test(role) && id in intl.messages ? intl.formatMessage({ id: id as MessageId }) : role;
    }),
  );
}

function kindMessage(intl: IntlShape, kind: string, part: "title" | "body", payload: unknown): string | undefined {
  const id = `notification.${kind}.${part}`;
  if (!(id in intl.messages)) return undefined;
  return intl.formatMessage({ id: id as MessageId }, payloadValues(intl, payload));
}

/** The notification's title in the reader's language; a kind this version does not know still shows something. */
export function notificationTitle(intl: IntlShape, kind: string, payload: unknown): string {
  return kindMessage(intl, kind, "title", payload) ?? intl.formatMessage({ id: "notifications.unknownKind" });
}

export function notificationBody(intl: IntlShape, kind: string, payload: unknown): string | undefined {
  return kindMessage(intl, kind, "body", payload);
}

/** The in-app page a notification points to (`payload.link`), only if it is a path on this site. */
export function notificationLink(payload: unknown): string | undefined {
  if (!payload || typeof payload !== "object" || !("link" in payload)) return undefined;
  const link = payload.link;
  return typeof link === "string" && link.startsWith("/") && !link.startsWith("//") ? link : undefined;
}

/** The label of a notification kind on the preferences page. */
export function notificationKindLabel(intl: IntlShape, kind: string): string {
  const id = `notificationKind.${kind}`;
  return id in intl.messages ? intl.formatMessage({ id: id as MessageId }) : kind;
}
