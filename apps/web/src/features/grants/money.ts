import type { IntlShape } from "react-intl";

/** "€1,234.50" / "1.234,50 €" / "‏1٬234٫50 €" from integer cents, in the reader's language. */
export function formatMoney(intl: IntlShape, cents: number): string {
  return new Intl.NumberFormat(intl.locale, { style: "currency", currency: "EUR" }).format(cents / 100);
}

/**
 * Cents from what a person typed: "1234,50", "1234.50", "1.234,50", "1,234.50", "€ 1 234" all work.
 * The last "," or "." followed by one or two digits is the decimal separator; other separators group thousands.
 * Returns null for anything that is not an amount (letters, more than two decimals, negative).
 */
export function parseCents(input: string): number | null {
  const text = input.replace(/[\s\u00a0\u202f€]/g, "").replace(/^EUR|EUR$/i, "");
  if (!/^\d[\d.,]*$/.test(text)) return null;
  const decimal = /[.,](\d{1,2})$/.exec(text);
  const whole = (decimal ? text.slice(0, decimal.index) : text).replace(/[.,]/g, "");
  if (!/^\d+$/.test(whole)) return null;
  const fraction = decimal ? decimal[1]!.padEnd(2, "0") : "00";
  const cents = Number(whole) * 100 + Number(fraction);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents as a plain amount for an input's value ("1234.50"), which parseCents reads back. */
export function centsToInput(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/** A new key per form submission: a double click or a retry of the same submission has one effect. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
