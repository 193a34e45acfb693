import { expect, test, type Locator, type Page } from "@playwright/test";
import { setMyLocale } from "./support/api.ts";
import { demo, officer } from "./support/demo.ts";
import { openRound, session, submitSelfAssessment, validateSubmission } from "./support/factories.ts";
import { t, tPattern } from "./support/i18n.ts";

/*
 * A whole task with the keyboard alone (page.keyboard: Tab, Shift+Tab, Enter, Space, arrow keys), in Polish:
 * sign in with the form, skip to the content, reach the self-assessment through the menu, score an indicator
 * with the arrow keys, save, and read a chart as a table. Every stop of the focus must be visible.
 */

const OFFICER = officer("sofia");
const LOCALE = "pl";
const COMMUNITY = "One-stop shops";

/** Whether the focused element shows where the focus is: an outline or a ring on it, or on the box a react-aria choice draws. */
async function focusIsVisible(page: Page): Promise<{ visible: boolean; what: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { visible: false, what: "nothing focused" };
    const marked = (e: Element) => {
      const s = getComputedStyle(e);
      return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
    };
    // react-aria keeps the real radio or checkbox visually hidden and marks its label data-focus-visible
    const host = el.closest("[data-focus-visible]");
    const visible = marked(el) || (!!host && (marked(host) || [...host.querySelectorAll("*")].some(marked)));
    return { visible, what: `${el.tagName.toLowerCase()} ${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 60) ?? ""}` };
  });
}

async function expectFocusVisible(page: Page) {
  const focus = await focusIsVisible(page);
  expect(focus.visible, `no visible focus indicator on ${focus.what}`).toBe(true);
}

// evaluateAll does not wait for the target to appear, so a wrong name fails at `max` presses, not at the test's timeout
const isFocused = (target: Locator) => target.evaluateAll((els) => els.some((el) => el === document.activeElement || el.contains(document.activeElement)));

const onBody = (page: Page) => page.evaluate(() => document.activeElement === document.body || document.activeElement === null);

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, checking the focus is visible at every stop.
 * Past the last element the focus leaves the page for the browser's own controls and comes back at the top.
 */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}) {
  for (let n = 0; n < max; n++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    if (await onBody(page)) continue;
    await expectFocusVisible(page);
    if (await isFocused(target)) return;
  }
  throw new Error(`${max} presses of ${back ? "Shift+Tab" : "Tab"} did not reach ${target}`);
}

test("an officer signs in, scores an indicator with evidence and reads a chart as a table with the keyboard alone", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  // a fresh round in which another city's validated self-assessment gives the results page a chart
  const manager = await session(baseURL!, demo.manager);
  const round = await openRound(manager, COMMUNITY, `Keyboard check ${Date.now()}`);
  await validateSubmission(manager, await submitSelfAssessment(await session(baseURL!, officer("gothenburg")), round, 3));
  const account = await session(baseURL!, OFFICER);
  await setMyLocale(account, LOCALE);

  try {
    // the sign-in form, in the browser's language until the account's is known
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1, name: t("en", "signIn.title") })).toBeVisible();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: t("en", "app.skipToContent") });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await expectFocusVisible(page);
    await page.keyboard.press("Enter");
    await expect(page.locator("main")).toBeFocused();
    await tabTo(page, page.getByLabel(t("en", "signIn.email")));
    await page.keyboard.type(OFFICER);
    await tabTo(page, page.getByLabel(t("en", "signIn.password")));
    await page.keyboard.type("citypeer-demo");
    await page.keyboard.press("Enter");
    await expect(page.locator("html")).toHaveAttribute("lang", LOCALE);
    // each new page puts the focus on its heading, so a screen reader announces it
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();

    // the menu, then the round's self-assessment
    await tabTo(page, page.getByRole("navigation", { name: t(LOCALE, "nav.label") }).getByRole("link", { name: t(LOCALE, "nav.benchmarks"), exact: true }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: t(LOCALE, "benchmarks.title") })).toBeFocused();
    await tabTo(page, page.getByRole("link", { name: t(LOCALE, "rounds.selfAssessment", { round: round.name }) }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(round.name);
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();

    // a radio group is one Tab stop; the arrow keys choose within it
    const group = page.getByRole("radiogroup").first();
    await tabTo(page, group);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const level2 = group.getByRole("radio", { name: new RegExp(`^${t(LOCALE, "level.label", { level: 2 })}`) });
    await expect(level2).toBeChecked();
    await expect(level2).toBeFocused();
    await expectFocusVisible(page);
    // the evidence right below; the draft saves itself a moment after the last change
    await tabTo(page, page.getByRole("textbox").first());
    await page.keyboard.type("Jedno okienko w urzędzie miasta od 2022 roku.");
    await expect(page.getByRole("status").filter({ hasText: tPattern(LOCALE, "submission.savedAt", { time: /.+/ }) })).toBeVisible();

    // back through the menu to the results: the chart takes the focus, its table opens from the button before it
    await tabTo(page, page.getByRole("navigation", { name: t(LOCALE, "nav.label") }).getByRole("link", { name: t(LOCALE, "nav.benchmarks"), exact: true }), { back: true });
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: t(LOCALE, "benchmarks.title") })).toBeFocused();
    await tabTo(page, page.getByRole("link", { name: t(LOCALE, "rounds.resultsOf", { round: round.name }) }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(round.name);
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    const chart = page.getByRole("img", { name: t(LOCALE, "results.heatMapTitle") });
    await tabTo(page, chart);
    const figure = page.getByRole("figure", { name: t(LOCALE, "results.heatMapTitle") });
    const showTable = figure.getByRole("button", { name: t(LOCALE, "charts.showTable") });
    await tabTo(page, showTable, { back: true });
    await page.keyboard.press("Enter");
    await expect(figure.getByRole("table", { name: t(LOCALE, "results.heatTableCaption") })).toBeVisible();
    await expect(figure.getByRole("button", { name: t(LOCALE, "charts.hideTable") })).toBeFocused();
  } finally {
    await setMyLocale(account, "en");
  }
});
