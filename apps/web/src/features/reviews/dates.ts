import type { IntlShape } from "react-intl";

/**
 * Review and milestone dates are calendar days ("2026-03-01"), not instants: they are formatted in UTC,
 * so a reader west of Greenwich does not see the day before.
 */
const asUtc = (day: string) => new Date(`${day}T00:00:00Z`);

export function formatDay(intl: IntlShape, day: string, dateStyle: "medium" | "long" | "full" = "medium"): string {
  return intl.formatDate(asUtc(day), { dateStyle, timeZone: "UTC" });
}

/** "3–5 March 2026" in the reader's language (one day when both are the same). */
export function formatDayRange(intl: IntlShape, startsOn: string, endsOn: string): string {
  if (startsOn === endsOn) return formatDay(intl, startsOn);
  return intl.formatDateTimeRange(asUtc(startsOn), asUtc(endsOn), { dateStyle: "medium", timeZone: "UTC" });
}

/** "March 2026", the heading of a month in the calendar. */
export function formatMonth(intl: IntlShape, day: string): string {
  return intl.formatDate(asUtc(day), { month: "long", year: "numeric", timeZone: "UTC" });
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(asUtc(day).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A moment (DateTime) such as "answered at". */
export function formatMoment(intl: IntlShape, iso: string): string {
  return intl.formatDate(iso, { dateStyle: "medium", timeStyle: "short" });
}
