import { expect, test } from "@playwright/test";
import { changePassword, setMyLocale } from "./support/api.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { DEMO_PASSWORD, demo, mentor, officer, reviewer } from "./support/demo.ts";
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

  test("user administration in Arabic", async ({ page }) => {
    await signIn(page, demo.admin);
    try {
      await page.goto("/admin/users");
      await page.getByLabel("Language").selectOption("ar");
      await expect(page.locator("html[dir=rtl][lang=ar]")).toHaveCount(1);
      await expect(page.getByRole("heading", { level: 1, name: "المستخدمون" })).toBeVisible();
      await expect(page.getByRole("table", { name: "حسابات المستخدمين" })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    } finally {
      await setMyLocale(page.request, "en"); // the admin account is shared with specs that read English
    }
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
