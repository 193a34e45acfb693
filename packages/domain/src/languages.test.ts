import { describe, expect, it } from "vitest";
import { languageTagSchema } from "./languages.ts";

describe("languageTagSchema", () => {
  it.each([
    ["pl", "pl"],
    ["fa", "fa"],
    [" de ", "de"],
    ["PT-BR", "pt-BR"],
    ["sr-Latn", "sr-Latn"],
    ["ckb", "ckb"],
  ])("accepts %j as %j", (input, stored) => {
    expect(languageTagSchema.parse(input)).toBe(stored);
  });

  it.each([[""], ["p"], ["polish"], ["pl_PL"], ["en-"], ["<b>"], ["de-" + "x".repeat(40)]])("refuses %j", (input) => {
    expect(languageTagSchema.safeParse(input).success).toBe(false);
  });
});
