import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { demo, officer } from "./support/demo.ts";
import { signIn } from "./support/sign-in.ts";

test("a project manager downloads a table as CSV and the README of its columns", async ({ page }) => {
  await signIn(page, demo.manager);
  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "Data exports" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Data exports" })).toBeVisible();

  const grant = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Grant", exact: true }) });
  await grant.getByText(/columns$/).click();
  await expect(grant.getByRole("row", { name: /^capCents / })).toContainText("integer, euro cents");
  await expectNoSeriousA11yViolations(page);

  const [csv] = await Promise.all([page.waitForEvent("download"), grant.getByRole("link", { name: "Download Grant as CSV" }).click()]);
  expect(csv.suggestedFilename()).toBe("Grant.csv");
  const text = (await readFile((await csv.path())!, "utf8")).replace(/^\uFEFF/, "");
  expect(text.split("\r\n")[0]).toMatch(/^id,pilotId,capCents,/);
  expect(text.trim().split("\r\n")).toHaveLength(13); // header + the 12 partner cities' grants

  const [readme] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /README/ }).click()]);
  expect(readme.suggestedFilename()).toBe("README.md");
  expect(await readFile((await readme.path())!, "utf8")).toContain("### Grant");
});

test("a city officer downloads their own data from the account page", async ({ page }) => {
  await signIn(page, officer("ghent"));
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your data" })).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data" }).click()]);
  const data = JSON.parse(await readFile((await file.path())!, "utf8"));
  expect(data.subject.email).toBe(officer("ghent"));
  expect(JSON.stringify(data)).not.toContain("passwordHash");
  // the manager's page is not in this person's menu
  await expect(page.getByRole("navigation").getByRole("link", { name: "Data exports" })).toHaveCount(0);
});
