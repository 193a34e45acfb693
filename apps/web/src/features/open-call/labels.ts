import type { IntlShape } from "react-intl";
import { errorText } from "../../app/i18n.tsx";
import type { ResultOf } from "../../app/graphql.ts";
import type { OpenCallQuery } from "./operations.ts";

export type CallStatus = NonNullable<ResultOf<typeof OpenCallQuery>["openCall"]>["status"];
export type ApplicationStatus = "SUBMITTED" | "SELECTED" | "REJECTED" | "WITHDRAWN";

export const callStatusLabel = (intl: IntlShape, s: CallStatus) => intl.formatMessage({ id: `callStatus.${s}` });
export const applicationStatusLabel = (intl: IntlShape, s: ApplicationStatus) => intl.formatMessage({ id: `applicationStatus.${s}` });
export const outcomeLabel = (intl: IntlShape, o: "SELECTED" | "NOT_SELECTED") => intl.formatMessage({ id: `applicationOutcome.${o}` });

/** Deadlines are moments (a call closes at a time of day), shown in the reader's time zone with the zone named. */
export function formatDeadline(intl: IntlShape, iso: string): string {
  // dateStyle cannot be combined with timeZoneName (Intl throws), so the parts are spelt out
  return intl.formatDate(iso, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
}

/** Working languages an applicant city can tick: the EU's official languages and the languages newcomers most often speak. */
export const WORKING_LANGUAGES = [
  "en", "de", "fr", "es", "it", "pt", "nl", "pl", "ro", "el", "bg", "hr", "cs", "sk", "sl", "hu", "sv", "da", "fi", "et", "lv", "lt",
  "ar", "fa", "ps", "ru", "tr", "uk",
] as const;

/** Countries of cities that can take part in EU-funded integration projects (EU, EEA, candidates, neighbours). */
export const COUNTRIES = [
  "AL", "AT", "BA", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GE", "GR", "HR", "HU", "IE", "IS", "IT",
  "LI", "LT", "LU", "LV", "MD", "ME", "MK", "MT", "NL", "NO", "PL", "PT", "RO", "RS", "SE", "SI", "SK", "TR", "UA", "XK",
] as const;

/** A language's name in the reader's language; the code when the browser has no name for it. */
export function languageName(intl: IntlShape, code: string): string {
  try {
    return new Intl.DisplayNames([intl.locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A country's name in the reader's language (Kosovo's user-assigned XK included by modern browsers). */
export function countryName(intl: IntlShape, code: string): string {
  try {
    return new Intl.DisplayNames([intl.locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function sortedOptions(intl: IntlShape, codes: readonly string[], name: (intl: IntlShape, code: string) => string) {
  const collator = new Intl.Collator(intl.locale);
  return codes.map((value) => ({ value, label: name(intl, value) })).sort((a, b) => collator.compare(a.label, b.label));
}

/** Cities are known by their city name; networks by their organisation name. */
export const cityLabel = (org: { name: string; cityName?: string | null }) => org.cityName ?? org.name;

/** A refusal of the public form in words; rate_limited says when to try again. */
export function refusalText(intl: IntlShape, code: string, message: string, retryAfterSeconds?: number | null): string {
  if (code === "rate_limited") return errorText(intl, code, message, { minutes: Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60)) });
  return errorText(intl, code, message);
}
