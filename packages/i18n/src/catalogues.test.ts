import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { DEFAULT_LOCALE, SUPPORTED_LOCALES } from "./locales.ts";

type Catalogue = Record<string, string>;

function load(locale: string): Catalogue {
  return JSON.parse(readFileSync(new URL(`../messages/${locale}.json`, import.meta.url), "utf8")) as Catalogue;
}

/** Every plural/selectordinal in a message, nested ones included (plurals inside tags or select branches). */
function plurals(elements: MessageFormatElement[]): { ordinal: boolean; keys: string[] }[] {
  return elements.flatMap((el) => {
    if (el.type === TYPE.plural)
      return [
        { ordinal: el.pluralType === "ordinal", keys: Object.keys(el.options) },
        ...Object.values(el.options).flatMap((o) => plurals(o.value)),
      ];
    if (el.type === TYPE.select) return Object.values(el.options).flatMap((o) => plurals(o.value));
    if (el.type === TYPE.tag) return plurals(el.children);
    return [];
  });
}

/** Names of the values a message interpolates ({name}, plural/select arguments, <tags>). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time)
      into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.add(el.value);
      for (const o of Object.values(el.options)) argumentsOf(o.value, into);
    }
    if (el.type === TYPE.tag) {
      into.add(`<${el.value}>`);
      argumentsOf(el.children, into);
    }
  }
  return into;
}

const reference = load(DEFAULT_LOCALE);
const cataloguesOnDisk = readdirSync(new URL("../messages/", import.meta.url))
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.replace(/\.json$/, ""));

it("ships a catalogue for every supported locale and no stray catalogue", () => {
  expect([...cataloguesOnDisk].sort()).toEqual([...SUPPORTED_LOCALES].sort());
});

describe.each(cataloguesOnDisk.map((locale) => ({ locale, messages: load(locale) })))(
  "catalogue $locale",
  ({ locale, messages }) => {
    it(`has exactly the keys of ${DEFAULT_LOCALE}`, () => {
      const keys = new Set(Object.keys(messages));
      const missing = Object.keys(reference).filter((k) => !keys.has(k));
      const extra = [...keys].filter((k) => !(k in reference));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it("has a non-empty, parseable ICU message for every key", () => {
      for (const [id, message] of Object.entries(messages)) {
        expect(message.trim(), id).not.toBe("");
        expect(() => parse(message), `${locale}: ${id}`).not.toThrow();
      }
    });

    it("is translated: few messages identical to English (names and shared words such as 'Status')", () => {
      if (locale === DEFAULT_LOCALE) return;
      const identical = Object.keys(messages).filter((id) => messages[id] === reference[id]);
      expect(identical.length / Object.keys(reference).length, identical.slice(0, 20).join(", ")).toBeLessThan(0.08);
    });

    it("interpolates the same values as the reference message", () => {
      if (locale === DEFAULT_LOCALE) return;
      for (const [id, message] of Object.entries(messages)) {
        const english = reference[id];
        if (english === undefined) continue; // reported by the key test
        let ast: MessageFormatElement[];
        try {
          ast = parse(message);
        } catch {
          continue; // reported by the parse test
        }
        expect([...argumentsOf(ast)].sort(), `${locale}: ${id}`).toEqual([...argumentsOf(parse(english))].sort());
      }
    });

    it("uses exactly the plural categories of the language", () => {
      for (const [id, message] of Object.entries(messages)) {
        let ast: MessageFormatElement[];
        try {
          ast = parse(message);
        } catch {
          continue; // reported by the parse test
        }
        for (const { ordinal, keys } of plurals(ast)) {
          const type = ordinal ? "ordinal" : "cardinal";
          const allowed = new Intl.PluralRules(locale, { type }).resolvedOptions().pluralCategories as string[];
          // "=0"-style exact matches are valid in any language
          const categories = keys.filter((k) => !k.startsWith("="));
          expect(categories, `${locale}: ${id} needs "other"`).toContain("other");
          expect(categories.filter((k) => !allowed.includes(k)), `${locale}: ${id} has foreign categories`).toEqual([]);
          // languages beyond one/other (Arabic has six) read wrong for 2, 3-10, 11-99... unless every form is written
          if (allowed.length > 2)
            expect(allowed.filter((k) => !categories.includes(k)), `${locale}: ${id} misses categories`).toEqual([]);
        }
      }
    });
  },
);
