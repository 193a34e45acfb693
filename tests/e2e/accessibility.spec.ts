import { expect, test, type Page } from "@playwright/test";
import { changePassword, setMyLocale } from "./support/api.ts";
import { expectNoSeriousA11yViolations, seriousA11yViolations } from "./support/axe.ts";
import { DEMO_PASSWORD, demo, mentor, officer, reviewer } from "./support/demo.ts";
import { dirOf, t } from "./support/i18n.ts";
import { SCAN, scanRecords, type ScanRecords } from "./support/scan-records.ts";
import { signIn } from "./support/sign-in.ts";

/*
 * Every page of the app as the roles who use it see it, in English and in Arabic (right to left), with a
 * real record where the address needs one (support/scan-records.ts). On each page: no serious or critical
 * axe violation at 1280 px; then at 640 px (what 1280 px shows at 200% zoom) and at 375 px (a phone) the
 * page does not scroll sideways (wide tables scroll inside their own region) and the main menu stays
 * within reach.
 */

type Role = { role: string; account?: string; password?: string; pages: ((r: ScanRecords) => string)[] };

const ROLES: Role[] = [
  {
    role: "anyone",
    pages: [
      () => "/sign-in",
      () => "/forgot-password",
      () => "/reset-password?token=not-a-real-token-but-long-enough",
      () => "/accept-invitation?token=not-a-real-token-but-long-enough",
      () => "/open-calls",
      (r) => `/open-calls/${r.call}`,
      (r) => `/open-calls/${r.call}/apply`,
    ],
  },
  {
    role: "city officer",
    account: SCAN.officer,
    pages: [
      () => "/",
      () => "/communities",
      (r) => `/communities/${r.community}`,
      (r) => `/communities/${r.community}/framework`,
      (r) => `/communities/${r.community}/benchmarks`,
      () => "/benchmarks",
      (r) => `/benchmarks/rounds/${r.round}`,
      (r) => `/benchmarks/rounds/${r.round}/results`,
      () => "/pilots",
      () => "/pilots/mine",
      (r) => `/pilots/${r.pilot}/edit`,
      () => "/reviews",
      () => "/grants/mine",
      () => "/practices",
      (r) => `/practices/${r.practice}`,
      () => "/open-calls",
      () => "/account",
      () => "/notifications",
      () => "/notifications/preferences",
      () => "/no-such-page",
    ],
  },
  { role: "peer reviewer", account: SCAN.reviewer, pages: [() => "/", () => "/reviews/mine", (r) => `/reviews/${r.review}`] },
  {
    role: "project manager",
    account: SCAN.manager,
    pages: [
      () => "/",
      () => "/grants",
      (r) => `/grants/${r.grant}`,
      (r) => `/benchmarks/rounds/${r.round}/submissions`,
      (r) => `/benchmarks/rounds/${r.round}/submissions/${r.validatedSubmission}`,
      (r) => `/pilots/${r.pilot}`,
      () => "/reviews/schedule",
      () => "/reviews/assignment",
      () => "/open-calls/new",
      (r) => `/open-calls/${r.call}/edit`,
      (r) => `/open-calls/${r.mentoring.callId}/ranking`,
      () => "/mentoring",
      (r) => `/mentoring/assign/${r.mentoring.applicationId}`,
      () => "/practices/new",
      (r) => `/practices/${r.practice}/edit`,
      (r) => `/practices/from-pilot/${r.pilot}`,
      () => "/organizations",
      () => "/data-exports",
    ],
  },
  { role: "mentor", account: SCAN.mentor, pages: [() => "/", () => "/mentoring", (r) => `/mentoring/${r.mentoring.assignmentId}`] },
  {
    role: "mentee city",
    account: SCAN.menteeContact,
    password: SCAN.menteePassword,
    pages: [(r) => `/open-calls/${r.mentoring.callId}/my-application`, (r) => `/mentoring/${r.mentoring.assignmentId}`],
  },
  { role: "admin", account: SCAN.admin, pages: [() => "/", () => "/admin/users", () => "/organizations"] },
];

const WIDE = { width: 1280, height: 900 };
const NARROW = [
  { width: 640, height: 900, what: "200% zoom" },
  { width: 375, height: 812, what: "phone" },
];

/**
 * Opens a page and waits until it has its heading and nothing is loading any more. After the first page
 * the app navigates in place (as its links do), which spares reloading the app for every page: the old
 * heading is marked, so the wait is for the next page's.
 */
async function open(page: Page, path: string, locale: "en" | "ar", { reload }: { reload: boolean }) {
  if (reload) await page.goto(path);
  else {
    await page.evaluate((to) => {
      document.querySelector("h1")?.setAttribute("data-left", "");
      history.pushState(history.state, "", to);
      dispatchEvent(new PopStateEvent("popstate", { state: history.state }));
    }, path);
  }
  await expect(page.locator("h1:not([data-left])")).toBeVisible();
  await expect(page.getByText(t(locale, "app.loading"), { exact: true })).toHaveCount(0);
}

/** What is wrong at a narrow width: sideways scrolling of the page, or menu items out of reach. */
async function narrowProblems(page: Page, width: number): Promise<string[]> {
  await page.setViewportSize({ width, height: 900 });
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth + 1) {
      // the culprits: elements sticking out that no ancestor scrolls inside itself (an absolutely positioned
      // box is clipped only by a scroller at or inside its containing block), outermost first
      const out = (el: Element) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.right > window.innerWidth + 1 || box.left < -1);
      };
      const escapes = (el: Element) => {
        let position = getComputedStyle(el).position;
        for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
          const style = getComputedStyle(e);
          if (position === "fixed") return true;
          if (position === "absolute" && style.position === "static") continue;
          if (style.overflowX !== "visible") return false;
          position = style.position;
        }
        return true;
      };
      const name = (el: Element) => `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join("")}`;
      const culprits = [...document.querySelectorAll("body *")]
        .filter((el) => out(el) && escapes(el) && !(el.parentElement && out(el.parentElement) && escapes(el.parentElement)))
        .slice(0, 3)
        .map((el) => `${el.parentElement ? `${name(el.parentElement)} > ` : ""}${name(el)}`);
      problems.push(`scrolls sideways (${root.scrollWidth} px in ${window.innerWidth}): ${culprits.join(", ")}`);
    }
    for (const link of document.querySelectorAll("nav.main-nav a")) {
      const box = link.getBoundingClientRect();
      if (box.left < 0 || box.right > window.innerWidth) problems.push(`menu item "${link.textContent}" is off screen`);
    }
    return problems;
  });
}

for (const locale of ["en", "ar"] as const) {
  test.describe(`every page in ${locale}`, () => {
    test.describe.configure({ timeout: 180_000 });

    for (const { role, account, password, pages } of ROLES) {
      test(`as ${role}: no serious WCAG violation, no sideways scrolling at 640 and 375 px`, async ({ page, baseURL }) => {
        const records = await scanRecords(baseURL!);
        if (account) {
          await signIn(page, account, password);
          await setMyLocale(page.request, locale);
        } else await page.addInitScript((l) => localStorage.setItem("citypeer.locale", l), locale);
        const problems: string[] = [];
        try {
          for (const [n, path] of pages.map((p) => p(records)).entries()) {
            await page.setViewportSize(WIDE);
            await open(page, path, locale, { reload: n === 0 });
            await expect(page.locator("html")).toHaveAttribute("dir", dirOf(locale));
            for (const violation of await seriousA11yViolations(page)) problems.push(`${path}: ${violation}`);
            for (const { width, what } of NARROW) for (const problem of await narrowProblems(page, width)) problems.push(`${path} at ${width} px (${what}): ${problem}`);
          }
        } finally {
          if (account) await setMyLocale(page.request, "en");
        }
        expect(problems, problems.join("\n")).toEqual([]);
      });
    }
  });
}

test.describe("no serious or critical WCAG 2.2 AA violations", () => {
  test("sign-in, empty and with errors", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("This field is required.").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("user administration, with the invite dialog open and with errors", async ({ page }) => {
    await signIn(page, demo.admin);
    await page.goto("/admin/users");
    await expect(page.getByRole("table", { name: "User accounts" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Invite a person" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite a person" });
    await expect(dialog).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await expect(dialog.getByText("Choose at least one.")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);

    await page.getByRole("button", { name: `History of ${demo.adminName}` }).click();
    await expect(page.getByRole("dialog", { name: `History of ${demo.adminName}` })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("an empty list says what happens next", async ({ page }) => {
    // no city is assigned to the Ghent mentor in any spec
    await signIn(page, mentor("ghent"));
    await page.goto("/mentoring");
    await expect(page.getByText(t("en", "dashboard.mentor.empty"))).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("account", async ({ page }) => {
    await signIn(page, officer("lublin"));
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 2, name: "Change your password" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
    await expectNoSeriousA11yViolations(page);
  });

  test("notifications and preferences", async ({ page }) => {
    await signIn(page, reviewer("zagreb"));
    // "changing" to the same password notifies the person, so the list has an item
    expect(await changePassword(page.request, DEMO_PASSWORD, DEMO_PASSWORD)).toBe("MutationChangePasswordSuccess");
    await page.goto("/notifications");
    await expect(page.getByRole("listitem").filter({ hasText: "Your password was changed" }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto("/notifications/preferences");
    await expect(page.getByRole("radiogroup", { name: "Your roles changed" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("forgot, reset and accept-invitation pages", async ({ page }) => {
    await page.goto("/forgot-password");
    await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("Email address").fill("nobody@example.org");
    await page.getByRole("button", { name: "Send link" }).click();
    await expect(page.getByRole("status")).toContainText("If an account exists for this address");
    await expectNoSeriousA11yViolations(page);

    await page.goto("/reset-password?token=not-a-real-token-but-long-enough");
    await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("New password", { exact: true }).fill("a long enough password");
    await page.getByLabel("Repeat the new password").fill("a long enough password");
    await page.getByRole("button", { name: "Save new password" }).click();
    await expect(page.getByRole("alert")).toContainText("This link is invalid or has expired.");
    await expect(page.getByRole("link", { name: "Request a new link" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto("/accept-invitation");
    await expect(page.getByRole("alert")).toContainText("This link is invalid or has expired.");
    await expectNoSeriousA11yViolations(page);
  });
});
