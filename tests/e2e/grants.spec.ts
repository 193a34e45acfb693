import { expect, test } from "@playwright/test";
import { setMyLocale } from "./support/api.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { demo, officer } from "./support/demo.ts";
import { RECEIPT_PDF, RECEIPT_PNG, parseCsv, screenshot, statusWith, switchTo, today } from "./support/grants.ts";
import { signIn } from "./support/sign-in.ts";

// Athens's and Zagreb's grants are used by no other spec: Athens goes through the whole money journey,
// Zagreb is only read (in Arabic).
const ATHENS = officer("athens");
const ZAGREB = officer("zagreb");
const REJECTION = "Equipment must be listed in the city's inventory first.";

test("a city's grant from budget to decided expenses, with the audit trail, the portfolio and its CSV agreeing", async ({ page }) => {
  test.setTimeout(180_000);

  // the city proposes a budget; the total is checked against the cap as it is typed
  await signIn(page, ATHENS);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My grant" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grant of Athens" })).toBeVisible();
  const proposal = page.getByRole("form", { name: "Propose the budget" });
  await proposal.getByLabel("Staff (EUR)").fill("40000");
  await proposal.getByLabel("Travel and subsistence (EUR)").fill("3000,50");
  await proposal.getByLabel("Equipment (EUR)").fill("2500");
  await proposal.getByLabel("External services (EUR)").fill("6000");
  await proposal.getByLabel("Co-design and participation (EUR)").fill("4000");
  await proposal.getByLabel("Other costs (EUR)").fill("abc");
  await expect(proposal.getByText("Total €55,500.50 of €30,000.00.")).toBeVisible();
  await expect(proposal.getByText("€25,500.50 over the cap.")).toBeVisible();
  await proposal.getByRole("button", { name: "Send budget for approval" }).click();
  await expect(proposal.getByLabel("Other costs (EUR)")).toHaveAccessibleDescription("Enter an amount in euros, for example 1234,50.");
  await proposal.getByLabel("Other costs (EUR)").fill("1000");
  await proposal.getByRole("button", { name: "Send budget for approval" }).click();
  await expect(proposal.getByRole("alert").filter({ hasText: "The budget total is more than the grant cap." })).toBeVisible();
  await proposal.getByLabel("Staff (EUR)").fill("12000");
  await expect(proposal.getByText("Total €28,500.50 of €30,000.00.")).toBeVisible();
  await proposal.getByRole("button", { name: "Send budget for approval" }).click();
  await expect(statusWith(page, "Your budget was sent for approval.")).toBeVisible();
  await expect(page.getByText("Budget: Proposed, awaiting approval.")).toBeVisible();
  const grantPath = new URL(page.url()).pathname; // /grants/mine

  // the manager finds the grant in the portfolio and approves the budget
  await switchTo(page, demo.manager, "/grants");
  await expect(page.getByRole("heading", { level: 1, name: "Grant portfolio" })).toBeVisible();
  await page.getByLabel("Search by city").fill("athe");
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
  await page.getByRole("link", { name: "Athens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grant of Athens" })).toBeVisible();
  const managerPath = new URL(page.url()).pathname;
  expect(managerPath).toMatch(/^\/grants\/[0-9a-f-]{36}$/);
  expect(grantPath).toBe("/grants/mine");
  await page.getByRole("button", { name: "Approve budget" }).click();
  await expect(statusWith(page, "The budget is approved.")).toBeVisible();
  const budgetTable = page.getByRole("table", { name: "Budget and spend per category" });
  await expect(budgetTable.getByRole("row", { name: /^Staff/ })).toContainText("€12,000.00");

  // plan the pre-financing; the final balance would wait for the final report
  const plan = page.getByRole("form", { name: "Plan a tranche" });
  await plan.getByLabel("Tranche").selectOption({ label: "Pre-financing" });
  await plan.getByLabel("Amount (EUR)").fill("9000");
  await plan.getByLabel("Planned date").fill(today());
  await plan.getByRole("button", { name: "Plan tranche" }).click();
  await expect(statusWith(page, "Pre-financing planned.")).toBeVisible();
  const tranches = page.getByRole("table", { name: "Tranches" });
  await expect(tranches.getByRole("row", { name: /Pre-financing/ })).toContainText("Planned");

  // the city requests it; the manager approves it and marks it paid
  await switchTo(page, ATHENS, "/grants/mine");
  await page.getByRole("button", { name: "Request Pre-financing" }).click();
  await expect(statusWith(page, "Pre-financing requested.")).toBeVisible();
  await switchTo(page, demo.manager, managerPath);
  await page.getByRole("button", { name: "Approve Pre-financing" }).click();
  await expect(statusWith(page, "Pre-financing approved.")).toBeVisible();
  await page.getByRole("button", { name: "Mark Pre-financing as paid" }).click();
  await expect(statusWith(page, "Pre-financing marked as paid.")).toBeVisible();
  await expect(tranches.getByRole("row", { name: /Pre-financing/ })).toContainText("Paid");

  // the city declares two expenses with receipts; an empty form shows every error at its field
  await switchTo(page, ATHENS, "/grants/mine");
  const expenseForm = page.getByRole("form", { name: "Declare an expense" });
  await expenseForm.getByRole("button", { name: "Declare expense" }).click();
  await expect(expenseForm.getByLabel("Date")).toHaveAccessibleDescription("Enter a date.");
  await expect(expenseForm.getByLabel("Category")).toHaveAccessibleDescription("Choose one of the options.");
  await expect(expenseForm.getByLabel("Amount (EUR)")).toHaveAccessibleDescription("Enter an amount in euros, for example 1234,50.");
  await expect(expenseForm.getByLabel("Supplier")).toHaveAccessibleDescription("This field is required.");
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, "expense-form-errors");

  await expenseForm.getByLabel("Date").fill(today());
  await expenseForm.getByLabel("Category").selectOption({ label: "Staff" });
  await expenseForm.getByLabel("Amount (EUR)").fill("1200,50");
  await expenseForm.getByLabel("Description").fill("Facilitator fees for co-design workshops");
  await expenseForm.getByLabel("Supplier").fill("Athens Facilitation Ltd");
  await expenseForm.getByLabel("Receipt").setInputFiles(RECEIPT_PNG);
  await expenseForm.getByRole("button", { name: "Declare expense" }).click();
  await expect(statusWith(page, "Expense “Facilitator fees for co-design workshops” declared")).toBeVisible();

  await expenseForm.getByLabel("Date").fill(today());
  await expenseForm.getByLabel("Category").selectOption({ label: "Equipment" });
  await expenseForm.getByLabel("Amount (EUR)").fill("800.00");
  await expenseForm.getByLabel("Description").fill("Laptop for outreach workers");
  await expenseForm.getByLabel("Supplier").fill("Office Supplies SA");
  await expenseForm.getByLabel("Receipt").setInputFiles(RECEIPT_PDF);
  await expenseForm.getByRole("button", { name: "Declare expense" }).click();
  await expect(statusWith(page, "Expense “Laptop for outreach workers” declared")).toBeVisible();
  const expenses = page.getByRole("table", { name: "Declared expenses, newest first" });
  await expect(expenses.getByRole("row")).toHaveCount(3);
  await expect(expenses.getByRole("row", { name: /Laptop/ })).toContainText("Awaiting decision");

  // the manager rejects one (a reason is required) and approves the other
  await switchTo(page, demo.manager, managerPath);
  const laptop = expenses.getByRole("row", { name: /Laptop/ });
  await expect(laptop.getByRole("link", { name: "Download laptop-invoice.pdf" })).toBeVisible();
  const receiptUrl = await laptop.getByRole("link", { name: "Download laptop-invoice.pdf" }).getAttribute("href");
  const receipt = await page.request.get(receiptUrl!);
  expect(receipt.ok()).toBe(true);
  expect((await receipt.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await laptop.getByRole("button", { name: "Reject “Laptop for outreach workers”" }).click();
  const dialog = page.getByRole("dialog", { name: "Reject “Laptop for outreach workers”" });
  await dialog.getByRole("button", { name: "Reject expense" }).click();
  await expect(dialog.getByLabel("Reason")).toHaveAccessibleDescription("This field is required.");
  await dialog.getByLabel("Reason").fill(REJECTION);
  await dialog.getByRole("button", { name: "Reject expense" }).click();
  await expect(statusWith(page, "Expense “Laptop for outreach workers” rejected")).toBeVisible();
  await page.getByRole("button", { name: "Approve “Facilitator fees for co-design workshops”" }).click();
  await expect(statusWith(page, "Expense “Facilitator fees for co-design workshops” approved.")).toBeVisible();
  await expect(expenses.getByRole("row", { name: /Facilitator/ })).toContainText("Approved");

  // the audit trail shows every step, each on its record
  const audit = page.getByRole("region", { name: "Audit trail" });
  const grantTrail = audit.getByRole("region", { name: "Grant and budget" });
  await expect(grantTrail.getByText("Budget proposed", { exact: true })).toBeVisible();
  await expect(grantTrail.getByText("Budget approved", { exact: true })).toBeVisible();
  const trancheTrail = audit.getByRole("region", { name: "Pre-financing" });
  for (const step of ["Tranche planned", "Tranche requested", "Tranche approved", "Tranche paid"]) await expect(trancheTrail.getByText(step, { exact: true })).toBeVisible();
  const laptopTrail = audit.getByRole("region", { name: "Expense “Laptop for outreach workers”" });
  await expect(laptopTrail.getByText("Expense declared", { exact: true })).toBeVisible();
  await expect(laptopTrail.getByText("Expense rejected", { exact: true })).toBeVisible();
  await expect(laptopTrail.getByText(REJECTION)).toBeVisible();
  const feesTrail = audit.getByRole("region", { name: "Expense “Facilitator fees for co-design workshops”" });
  await expect(feesTrail.getByText("Expense declared", { exact: true })).toBeVisible();
  await expect(feesTrail.getByText("Expense approved", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, "grant-manager");

  // the city sees the reason and what is left
  await switchTo(page, ATHENS, "/grants/mine");
  await expect(expenses.getByRole("row", { name: /Laptop/ })).toContainText(`Reason: ${REJECTION}`);
  await expect(page.getByText("Remaining of the grant: €28,799.50. May still be declared: €28,799.50.")).toBeVisible();
  await expect(budgetTable.getByRole("row", { name: /^Staff/ }).getByRole("cell").last()).toHaveText("€10,799.50");
  await expect(page.getByRole("button", { name: /Approve/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Audit trail" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, "grant-officer");

  // the portfolio shows the same figures, and its CSV too
  await switchTo(page, demo.manager, "/grants");
  await expectNoSeriousA11yViolations(page);
  const row = page.getByRole("row", { name: /Athens/ });
  await expect(row.getByRole("cell").nth(0)).toHaveText("€9,000.00"); // committed
  await expect(row.getByRole("cell").nth(1)).toHaveText("€9,000.00"); // paid
  await expect(row.getByRole("cell").nth(2)).toHaveText("€1,200.50"); // approved spend
  await expect(row.getByRole("cell").nth(3)).toHaveText("€28,799.50"); // remaining
  await page.getByRole("button", { name: "Committed" }).click();
  await expect(page.getByRole("columnheader", { name: "Committed" })).toHaveAttribute("aria-sort", "ascending");
  await page.getByRole("button", { name: "Committed" }).click();
  await expect(page.getByRole("columnheader", { name: "Committed" })).toHaveAttribute("aria-sort", "descending");
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("Athens");
  await screenshot(page, "portfolio");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^grant-portfolio-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = parseCsv(await download.path());
  const athens = csv.find((r) => r["city"] === "Athens");
  expect(athens).toMatchObject({
    committed_cents: "900000",
    paid_cents: "900000",
    approved_spend_cents: "120050",
    pending_spend_cents: "0",
    remaining_cents: "2879950",
    budget_approved_cents: "2850050",
  });
});

test("the grant page in Arabic reads right to left without accessibility violations", async ({ page }) => {
  await signIn(page, ZAGREB);
  try {
    await setMyLocale(page.request, "ar");
    await page.goto("/grants/mine");
    await expect(page.locator("html[dir=rtl][lang=ar]")).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 1, name: "منحة Zagreb" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "الميزانية والإنفاق حسب الفئة" })).toBeVisible();
    await expect(page.getByRole("form", { name: "اقتراح الميزانية" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "grant-officer-ar");
  } finally {
    await setMyLocale(page.request, "en");
  }
});

test("a city officer cannot open the portfolio", async ({ page }) => {
  await signIn(page, ZAGREB);
  await page.goto("/grants");
  await expect(page.getByRole("alert")).toContainText("You do not have permission to see this.");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Grants", exact: true })).toHaveCount(0);
});
