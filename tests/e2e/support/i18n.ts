import { readFileSync } from "node:fs";
import { IntlMessageFormat, type PrimitiveType } from "intl-messageformat";
// the i18n package is the web app's, not a dependency of the test runner: imported by path
import { formattingLocale, isRtl, type Locale } from "../../../packages/i18n/src/locales.ts";
import type en from "../../../packages/i18n/messages/en.json";

/** A message id of the English reference catalogue (the web app checks ids against the same file). */
export type MessageId = keyof typeof en;

const catalogues = new Map<string, Record<string, string>>();

function catalogue(locale: Locale): Record<string, string> {
  let messages = catalogues.get(locale);
  if (!messages) {
    messages = JSON.parse(readFileSync(new URL(`../../../packages/i18n/messages/${locale}.json`, import.meta.url), "utf8")) as Record<string, string>;
    catalogues.set(locale, messages);
  }
  return messages;
}

/** Tags the web app renders as visually hidden spans (text for screen readers only). */
const HIDDEN_TAGS = new Set(["hidden", "h"]);

/**
 * A catalogue message formatted as the web app shows it (same ICU syntax, same Intl locale, English
 * when a translation is missing), so a spec finds "Save draft" by its accessible name in any language
 * without copying translations. Rich-text tags keep their text and lose the markup; a visually hidden
 * span is absolutely positioned, so Chromium's accessible name puts a space on each side of it
 * ("Samoocena<hidden>: {round}</hidden>" is named "Samoocena : Spring"), and so does this.
 */
export function t(locale: Locale, id: MessageId, values: Record<string, PrimitiveType> = {}): string {
  const source = catalogue(locale)[id] ?? catalogue("en")[id];
  if (source === undefined) throw new Error(`no message ${id}`);
  const text = (chunks: unknown) => (Array.isArray(chunks) ? chunks.join("") : String(chunks));
  const tags = Object.fromEntries(
    [...source.matchAll(/<(\w+)>/g)].map(([, tag]) => [tag!, HIDDEN_TAGS.has(tag!) ? (chunks: unknown) => ` ${text(chunks)} ` : text]),
  );
  const formatted = new IntlMessageFormat(source, formattingLocale(locale)).format({ ...tags, ...values });
  return text(formatted).replace(/\s+/g, " ").trim();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** An exact-match pattern for a formatted message, for names that must not match longer ones. */
export const exactly = (text: string) => new RegExp(`^${escape(text)}$`);

/**
 * A pattern for a message whose values are not known in advance ("Saved at {time}"): each value given
 * as a RegExp matches there, the rest of the message literally.
 */
export function tPattern(locale: Locale, id: MessageId, values: Record<string, PrimitiveType | RegExp>): RegExp {
  const slots = new Map<string, RegExp>();
  const literal: Record<string, PrimitiveType> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value instanceof RegExp) {
      const marker = `\u0001${slots.size}\u0001`;
      slots.set(marker, value);
      literal[name] = marker;
    } else literal[name] = value;
  }
  let pattern = escape(t(locale, id, literal));
  for (const [marker, value] of slots) pattern = pattern.replace(marker, `(?:${value.source})`);
  return new RegExp(pattern);
}

/** The direction the page should have in a locale. */
export const dirOf = (locale: Locale) => (isRtl(locale) ? "rtl" : "ltr");
