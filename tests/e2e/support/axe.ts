import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// Explicit tags: without them axe skipped rules such as target-size (STACK.md section 9).
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Scans the page as it is now and fails on any serious or critical WCAG violation, listing them. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary ?? ""}`).join("\n")}`)
    .join("\n");
  expect(serious.map((v) => `${v.impact} ${v.id}`), `accessibility violations on ${page.url()}:\n${report}`).toEqual([]);
}
