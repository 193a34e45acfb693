/** Languages the platform ships a catalogue for (messages/<locale>.json). Adding one: a row here, in LOCALE_NAMES and a catalogue file. */
export const SUPPORTED_LOCALES = ["en", "de", "fr", "it", "es", "el", "bg", "pl", "hr", "sv", "nl", "ro", "ar", "fa", "ps", "ru", "tr", "uk"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Scripts written right to left; includes planned locales so direction is right the day they are added. */
export const RTL_LOCALES: readonly string[] = ["ar", "fa", "ps"];

/** Each language named in itself, so a reader finds theirs whatever the current language. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  fr: "Français",
  it: "Italiano",
  es: "Español",
  el: "Ελληνικά",
  bg: "Български",
  pl: "Polski",
  hr: "Hrvatski",
  sv: "Svenska",
  nl: "Nederlands",
  ro: "Română",
  ar: "العربية",
  fa: "فارسی",
  ps: "پښتو",
  ru: "Русский",
  tr: "Türkçe",
  uk: "Українська",
};

/** Language subtag of a BCP 47 tag ("ar-EG" -> "ar"). */
function language(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? "";
}

/**
 * Persian and Pashto default to the Solar Hijri calendar in Intl; deadlines, meetings and payments here are
 * set in the European calendar, so these readers get Gregorian dates (in their own script and digits).
 */
const GREGORIAN_OVERRIDE = ["fa", "ps"];

/** The tag to give Intl formatters (react-intl, e-mails) for a locale. */
export function formattingLocale(locale: string): string {
  return GREGORIAN_OVERRIDE.includes(language(locale)) ? `${locale}-u-ca-gregory` : locale;
}

export function isRtl(locale: string): boolean {
  return RTL_LOCALES.includes(language(locale));
}

export function isSupportedLocale(x: string): x is Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(x);
}

/** First supported locale among preferences such as navigator.languages ("de-AT" matches "de"). */
export function matchLocale(preferences: readonly string[]): Locale | undefined {
  for (const tag of preferences) {
    const lang = language(tag);
    if (isSupportedLocale(lang)) return lang;
  }
  return undefined;
}
