import { expect, test } from "@playwright/test";
import { demo, mentor, officer } from "./support/demo.ts";
import { signIn, signInThroughForm } from "./support/sign-in.ts";

test("sends an anonymous visitor to sign-in, then to the communities with their member cities", async ({ page }) => {
  await page.goto("/communities");
  await expect(page).toHaveURL(/\/sign-in$/);

  await signInThroughForm(page, demo.dortmundOfficer);

  await expect(page).toHaveURL(/\/communities$/);
  await expect(page.getByRole("heading", { level: 1, name: "Communities of practice" })).toBeVisible();
  for (const name of demo.communities) await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  const labourMarket = page.getByRole("article", { name: "Early labour-market integration" });
  await expect(labourMarket.getByText("Theme: Labour-market integration")).toBeVisible();
  await expect(labourMarket.getByRole("listitem").filter({ hasText: "Dortmund" })).toBeVisible();
  await expect(labourMarket.getByText("5 member cities")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByText("Signed in as Dortmund Officer")).toBeVisible();
});

test("shows a wrong password next to the password field", async ({ page }) => {
  await signInThroughForm(page, officer("milan"), "not-the-password");

  const password = page.getByLabel("Password");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription("The email address or password is not correct.");
  await expect(password).toBeFocused();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("checks the form in the browser before asking the server", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("not-an-address");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByLabel("Email address")).toHaveAccessibleDescription("Enter a valid email address.");
  await expect(page.getByLabel("Email address")).toBeFocused();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription("This field is required.");
});

test("switches to Arabic, right to left, and keeps it on the account", async ({ page, browser }) => {
  const email = officer("vienna");
  await signIn(page, email);
  await page.goto("/communities");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");

  await page.getByLabel("Language").selectOption("ar");
  await expect(page.locator("html[dir=rtl][lang=ar]")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1, name: "مجتمعات الممارسة" })).toBeVisible();
  await expect(page.getByText("الاندماج في سوق العمل").first()).toBeVisible();

  await page.reload();
  await expect(page.locator("html[dir=rtl][lang=ar]")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1, name: "مجتمعات الممارسة" })).toBeVisible();

  // a new browser without this device's stored choice still gets Arabic: it is saved on the user
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, email);
  await otherPage.goto("/");
  await expect(otherPage.locator("html[dir=rtl][lang=ar]")).toHaveCount(1);
  await other.close();
});

test("shows each role its own navigation", async ({ page }) => {
  await signIn(page, mentor("ghent"));
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Communities" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Partners" })).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, demo.manager);
  await page.goto("/");
  await nav.getByRole("link", { name: "Partners" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Partners" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Stadt Dortmund" })).toContainText("Germany");
});

test("greets on the home page, shows a 404 for unknown pages, and signs out", async ({ page }) => {
  await signIn(page, officer("ghent"));
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Ghent Officer" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the communities of practice" }).click();
  await expect(page).toHaveURL(/\/communities$/);

  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/communities");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("sends a person whose session ended to sign-in and back to where they were", async ({ page }) => {
  await signIn(page, officer("nantes"));
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Nantes Officer" })).toBeVisible();
  await page.context().clearCookies(); // as if the session expired on the server

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Communities" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("Email address").fill(officer("nantes"));
  await page.getByLabel("Password").fill("citypeer-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/communities$/);
});

test("tells how long to wait after too many wrong passwords", async ({ page }) => {
  const tooMany = page.getByRole("alert").filter({ hasText: "Too many sign-in attempts" });
  await signInThroughForm(page, officer("cluj"), "wrong-0");
  // the API backs off after a few failures; each attempt waits for the answer before the next
  for (let i = 1; i < 10 && !(await tooMany.isVisible()); i++) {
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await expect(tooMany).toContainText(/Try again in \d+ seconds?\./);
});
