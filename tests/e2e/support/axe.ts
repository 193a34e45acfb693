import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// Explicit tags: without them axe skipped rules such as target-size (STACK.md section 9).
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The serious and critical WCAG violations on the page as it is now, one readable line per rule and its nodes. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // legacy mode runs axe.run in the page itself; the default opens a blank page per scan to merge frame
  // results, which costs more than the scan on a busy machine, and the app has no cross-origin frames
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode().analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary ?? ""}`).join("\n")}`);
}

/** Scans the page as it is now and fails on any serious or critical WCAG violation, listing them. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const serious = await seriousA11yViolations(page);
  expect(serious.map((v) => v.split(":")[0]), `accessibility violations on ${page.url()}:\n${serious.join("\n")}`).toEqual([]);
}
