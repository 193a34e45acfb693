import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { demo, mentor, officer } from "./support/demo.ts";
import { signIn } from "./support/sign-in.ts";

test.describe("no serious or critical WCAG 2.2 AA violations", () => {
  test("sign-in, empty and with errors", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("This field is required.").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("home", async ({ page }) => {
    await signIn(page, officer("athens"));
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Athens Officer");
    await expectNoSeriousA11yViolations(page);
  });

  test("communities", async ({ page }) => {
    await signIn(page, officer("sofia"));
    await page.goto("/communities");
    await expect(page.getByRole("heading", { level: 2, name: demo.communities[0] })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("communities in Arabic", async ({ page }) => {
    await signIn(page, mentor("vienna"));
    await page.goto("/communities");
    await page.getByLabel("Language").selectOption("ar");
    await expect(page.locator("html[dir=rtl][lang=ar]")).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 1, name: "مجتمعات الممارسة" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("partners and 404", async ({ page }) => {
    await signIn(page, demo.manager);
    await page.goto("/organizations");
    await expect(page.getByRole("table")).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
});
