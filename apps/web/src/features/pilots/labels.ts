import type { IntlShape } from "react-intl";
import { CO_DESIGN_FORMATS, MILESTONE_STATUSES, PILOT_STATUSES, TARGET_GROUPS } from "@citypeer/domain/pilots";

export type TargetGroup = (typeof TARGET_GROUPS)[number];
export type PilotStatus = (typeof PILOT_STATUSES)[number];
export type CoDesignFormat = (typeof CO_DESIGN_FORMATS)[number];
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const targetGroupLabel = (intl: IntlShape, g: TargetGroup) => intl.formatMessage({ id: `targetGroup.${g}` });
export const pilotStatusLabel = (intl: IntlShape, s: PilotStatus) => intl.formatMessage({ id: `pilotStatus.${s}` });
export const coDesignFormatLabel = (intl: IntlShape, f: CoDesignFormat) => intl.formatMessage({ id: `coDesignFormat.${f}` });
export const milestoneStatusLabel = (intl: IntlShape, s: MilestoneStatus) => intl.formatMessage({ id: `milestoneStatus.${s}` });

export function targetGroupOptions(intl: IntlShape) {
  return TARGET_GROUPS.map((g) => ({ value: g, label: targetGroupLabel(intl, g) }));
}

/**
 * Languages a city may write its pilot in: the partners' official languages, English, and the
 * languages newcomers most often speak (Nedim's list), so a text co-written with migrants can be kept as written.
 */
export const CONTENT_LANGUAGES = [
  "bg", "de", "el", "en", "es", "fr", "hr", "it", "nl", "pl", "ro", "sv",
  "ar", "fa", "ps", "ru", "tr", "uk",
] as const;

/** A language's name in the reader's language ("French", "Französisch", "الفرنسية"); the code if the browser has no name. */
export function languageName(intl: IntlShape, code: string): string {
  try {
    return new Intl.DisplayNames([intl.locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Content languages sorted by their name for the reader, with the pilot's current one kept if it is not in the list. */
export function contentLanguageOptions(intl: IntlShape, current?: string) {
  const codes: string[] = [...CONTENT_LANGUAGES];
  if (current && !codes.includes(current)) codes.push(current);
  const collator = new Intl.Collator(intl.locale);
  return codes.map((code) => ({ value: code, label: languageName(intl, code) })).sort((a, b) => collator.compare(a.label, b.label));
}

/** Cities are known by their city name; networks by their organisation name. */
export const cityLabel = (org: { name: string; cityName?: string | null }) => org.cityName ?? org.name;
