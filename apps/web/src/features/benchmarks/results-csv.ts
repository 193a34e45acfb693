import type { IntlShape } from "react-intl";
import type { MessageId } from "../../app/i18n.tsx";
import type { ResultOf } from "../../app/graphql.ts";
import { toCsv } from "../../ui/download.ts";
import type { ResultsQuery } from "./operations.ts";

type Results = ResultOf<typeof ResultsQuery>["benchmarkResults"];
type CityResult = Results["cities"][number];

/** The cities shown: validated ones, plus the viewer's own when it is submitted but not validated yet. */
export function shownCities(results: Results): CityResult[] {
  const mine = results.myCity;
  const cities = [...results.cities];
  if (mine && !cities.some((c) => c.organization.id === mine.organization.id)) cities.push(mine);
  return cities;
}

/**
 * The results table as CSV, built from the data on the page: one row per city (weighted overall score,
 * each dimension's score, each indicator's level), then the community's median, quartiles and range.
 * Outside the partnership only the community rows are included, as on the page.
 */
export function resultsCsv(intl: IntlShape, results: Results): string {
  const header = [
    intl.formatMessage({ id: "results.csv.city" }),
    intl.formatMessage({ id: "results.csv.organisation" }),
    intl.formatMessage({ id: "results.csv.country" }),
    intl.formatMessage({ id: "results.csv.status" }),
    intl.formatMessage({ id: "results.csv.overall" }),
    ...results.dimensions.map((d) => d.code),
    ...results.indicators.map((i) => i.code),
  ];
  const collator = new Intl.Collator(intl.locale);
  const label = (c: CityResult) => c.organization.cityName ?? c.organization.name;
  const cities = (results.canSeeCities ? shownCities(results) : results.myCity ? [results.myCity] : []).sort((a, b) => collator.compare(label(a), label(b)));
  const statusText = (status: string) => {
    const id = `submissionStatus.${status}`;
    return id in intl.messages ? intl.formatMessage({ id: id as MessageId }) : status;
  };
  const cityRows = cities.map((c) => [
    label(c),
    c.organization.name,
    c.organization.country,
    statusText(c.status),
    c.overall,
    ...results.dimensions.map((d) => c.dimensions.find((x) => x.dimensionId === d.id)?.score ?? null),
    ...results.indicators.map((i) => c.indicators.find((x) => x.indicatorId === i.id)?.level ?? null),
  ]);
  const statRow = (label: string, pick: (s: NonNullable<Results["overall"]>) => number) => [
    label,
    "",
    "",
    "",
    results.overall ? pick(results.overall) : null,
    ...results.dimensions.map((d) => (d.stats ? pick(d.stats) : null)),
    ...results.indicators.map((i) => (i.stats ? pick(i.stats) : null)),
  ];
  return toCsv([
    header,
    ...cityRows,
    statRow(intl.formatMessage({ id: "results.csv.median" }), (s) => s.median),
    statRow(intl.formatMessage({ id: "results.csv.q1" }), (s) => s.q1),
    statRow(intl.formatMessage({ id: "results.csv.q3" }), (s) => s.q3),
    statRow(intl.formatMessage({ id: "results.csv.min" }), (s) => s.min),
    statRow(intl.formatMessage({ id: "results.csv.max" }), (s) => s.max),
  ]);
}
