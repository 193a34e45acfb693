import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { demo, mentor, officer } from "./support/demo.ts";
import { linkIn, waitForMail } from "./support/mailbox.ts";
import { fillApplication, idFromUrl, localDateTime, snapshot, type Applicant } from "./support/open-call.ts";
import { signIn } from "./support/sign-in.ts";

// One journey in steps that build on each other (one call, one applicant city), on the shared seeded database.
test.describe.configure({ mode: "serial" });

const stamp = Date.now();
const callTitle = `Peer mentoring for welcoming cities ${stamp}`;
const applicant: Applicant = {
  city: "Graz",
  country: "Austria",
  contactName: "Mira Hofer",
  contactEmail: `mira.hofer.${stamp}@graz.example.org`,
  languages: ["German", "English"],
};
const applicantPassword = "graz welcome desk 2026";
let callId = "";

async function anonymousPage(browser: Browser, locale?: string): Promise<Page> {
  const context = await browser.newContext();
  if (locale) await context.addInitScript((l) => localStorage.setItem("citypeer.locale", l), locale);
  return context.newPage();
}

test("a project manager creates and publishes an open call", async ({ page }) => {
  await signIn(page, demo.manager);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Open calls" }).click();
  await page.getByRole("link", { name: "Create a call" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create an open call" })).toBeVisible();

  await page.getByLabel("Title", { exact: true }).fill(callTitle);
  await page.getByLabel("Description", { exact: true }).fill("Practitioners of the CONSOLIDATE partner cities mentor cities that are building their integration services.");
  await page.getByLabel("Eligibility", { exact: true }).fill("Municipalities in Europe outside the partnership.");
  await page.getByLabel("Deadline", { exact: true }).fill(localDateTime(new Date(Date.now() + 24 * 3600_000)));
  await page.getByLabel("Places", { exact: true }).fill("1");
  const theme = page.getByRole("checkbox", { name: demo.communities[0] });
  await theme.locator("xpath=ancestor::label[1]").click();
  await expect(theme).toBeChecked();
  await page.getByLabel("Criterion 1: title").fill("Fit of needs and support");
  await page.getByLabel("Criterion 1: weight").fill("3");
  await page.getByRole("button", { name: "Add a criterion" }).click();
  await page.getByLabel("Criterion 2: title").fill("Commitment of the city");
  await page.getByLabel("Criterion 2: weight").fill("2");
  await page.getByRole("button", { name: "Create the call" }).click();

  await expect(page.getByRole("heading", { level: 1, name: callTitle })).toBeVisible();
  callId = idFromUrl(page, "/open-calls");
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Publish the call" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The call is published." })).toBeVisible();
  await expect(page.getByText("Open for applications")).toBeVisible();
});

test("an outside city applies without an account and activates it from the e-mailed link", async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await anonymousPage(browser);
  await page.goto(`/open-calls/${callId}`);
  // public: no redirect to sign-in
  await expect(page.getByRole("heading", { level: 1, name: callTitle })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/open-calls/${callId}$`));
  await expectNoSeriousA11yViolations(page);
  await snapshot(page, "1-public-call");

  await page.getByRole("link", { name: "Apply now" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Apply: ${callTitle}` })).toBeVisible();
  // every rule is explained at its field
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(page.getByLabel("City", { exact: true })).toHaveAccessibleDescription("This field is required.");
  await expect(page.getByLabel("Country", { exact: true })).toHaveAccessibleDescription("Choose a country.");
  await expect(page.getByLabel("Work e-mail address")).toHaveAccessibleDescription(/Enter a valid email address\./);
  await expect(page.getByText("Choose at least one.")).toBeVisible();
  await expect(page.getByLabel("City", { exact: true })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await snapshot(page, "2-application-errors");

  await fillApplication(page, applicant);
  const since = Date.now();
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Application received" })).toBeVisible();
  await expect(page.getByText(`Please check your e-mail: we have sent a link to ${applicant.contactEmail}.`)).toBeVisible();
  await snapshot(page, "3-application-received");

  const mail = await waitForMail({ to: applicant.contactEmail, since });
  const link = linkIn(mail, "/accept-invitation");
  expect(link.origin).toBe(new URL(page.url()).origin);
  await page.goto(link.href);
  await expect(page.getByRole("heading", { level: 1, name: "Choose your password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(applicantPassword);
  await page.getByLabel("Repeat the new password").fill(applicantPassword);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel("Email address").fill(applicant.contactEmail);
  await page.getByLabel("Password").fill(applicantPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(`Signed in as ${applicant.contactName}`)).toBeVisible();

  await page.goto(`/open-calls/${callId}/my-application`);
  await expect(page.getByRole("heading", { level: 1, name: "Your application" })).toBeVisible();
  await expect(page.getByText(/The project team assesses the applications after the deadline/)).toBeVisible();
  await page.context().close();
});

test("the same city applying twice is refused at the city field", async ({ browser }) => {
  const page = await anonymousPage(browser);
  await page.goto(`/open-calls/${callId}/apply`);
  await fillApplication(page, { ...applicant, city: "graz", contactName: "Someone Else", contactEmail: `other.${stamp}@graz.example.org` });
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(page.getByLabel("City", { exact: true })).toHaveAccessibleDescription("This city has already applied to this call.");
  await expect(page.getByLabel("City", { exact: true })).toBeFocused();
  await page.context().close();
});

test("a filled honeypot refuses the application with an explanation", async ({ browser }) => {
  const page = await anonymousPage(browser);
  await page.goto(`/open-calls/${callId}/apply`);
  await fillApplication(page, { ...applicant, city: "Linz", contactEmail: `robot.${stamp}@linz.example.org` });
  // what a robot does: fill every input in the page, the hidden one too
  await page.evaluate(() => {
    (document.querySelector("input[name=website]") as HTMLInputElement).value = "https://spam.example";
  });
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(page.getByRole("alert")).toContainText("This form looks as if it was filled in automatically");
  await snapshot(page, "4-honeypot-refusal");
  await expect(page.getByRole("heading", { level: 1, name: "Application received" })).toHaveCount(0);
  await page.context().close();
});

test("the application form in Arabic reads right to left and shows its errors accessibly", async ({ browser }) => {
  const page = await anonymousPage(browser, "ar");
  await page.goto(`/open-calls/${callId}/apply`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByRole("button", { name: "إرسال الطلب" }).click();
  await expect(page.getByLabel("البلد", { exact: true })).toHaveAccessibleDescription("اختر بلدًا.");
  await expectNoSeriousA11yViolations(page);
  await snapshot(page, "5-application-arabic");
  await page.context().close();
});

test("the manager scores, selects within the places, publishes the results and assigns a suggested mentor", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, demo.manager);
  await page.goto(`/open-calls/${callId}`);
  await page.getByRole("link", { name: "Evaluate applications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Evaluation: ${callTitle}` })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Graz" });
  // independent evaluation: no score before one's own
  await expect(row).toContainText("Hidden until you score");
  await expectNoSeriousA11yViolations(page);

  await row.getByRole("button", { name: "Score Graz" }).click();
  const dialog = page.getByRole("dialog", { name: "Score the application of Graz" });
  await dialog.getByRole("button", { name: "Save scores" }).click();
  await expect(dialog.getByLabel("Score: Fit of needs and support")).toHaveAccessibleDescription("Choose a score from 0 to 5.");
  await dialog.getByLabel("Score: Fit of needs and support").selectOption("4");
  await dialog.getByLabel("Score: Commitment of the city").selectOption("3");
  await dialog.getByLabel("Comment: Fit of needs and support").fill("Clear needs on labour-market integration.");
  await dialog.getByRole("button", { name: "Save scores" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Your scores for Graz are saved." })).toBeVisible();
  // (4×3 + 3×2) / 5
  await expect(row).toContainText("3.60");
  await expect(row.getByRole("cell").first()).toHaveText("1");

  await row.getByRole("button", { name: "Select Graz" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Graz is selected." })).toBeVisible();
  await expect(page.getByText("1 of 1")).toBeVisible();
  await snapshot(page, "6-ranking");

  // results only after the deadline: refused with the reason, then the deadline is moved into the past
  await page.getByRole("button", { name: "Publish the results" }).click();
  await expect(page.getByRole("alert")).toContainText("Cities can still apply: publish the results after the deadline.");
  await page.goto(`/open-calls/${callId}/edit`);
  await page.getByLabel("Deadline", { exact: true }).fill(localDateTime(new Date(Date.now() - 2 * 60_000)));
  await page.getByRole("button", { name: "Save the call" }).click();
  await expect(page.getByRole("heading", { level: 1, name: callTitle })).toBeVisible();
  await page.getByRole("link", { name: "Evaluate applications" }).click();
  await page.getByRole("button", { name: "Publish the results" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The results are published" })).toBeVisible();

  await row.getByRole("link", { name: "Assign a mentor to Graz" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Choose a mentor for Graz" })).toBeVisible();
  const first = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3 }) }).first();
  await expect(first.getByRole("heading", { level: 3 })).toHaveText("Dortmund Mentor");
  const reasons = first.getByRole("list", { name: "Why Dortmund Mentor is suggested" });
  await expect(reasons).toContainText(`Trained for the theme ${demo.communities[0]}`);
  await expect(reasons).toContainText("Speaks German with the city");
  await expect(reasons).toContainText("Speaks English with the city");
  await expect(reasons).toContainText("No active mentoring");
  await expect(page.getByRole("table", { name: /Active and completed assignments per mentor/ })).toBeVisible();
  await snapshot(page, "7-suggested-mentors");
  await first.getByRole("button", { name: "Assign Dortmund Mentor" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Support plan: Graz" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Dortmund Mentor now mentors Graz.");
});

test("the applicant city reads its result", async ({ page }) => {
  await signIn(page, applicant.contactEmail, applicantPassword);
  await page.goto(`/open-calls/${callId}/my-application`);
  await expect(page.getByText("Selected", { exact: true })).toBeVisible();
  await expect(page.getByText(/Congratulations: a mentor from a partner city will support your city\./)).toBeVisible();
  await snapshot(page, "11-my-application");
});

test("the mentor adds an action and a session to the support plan", async ({ page }) => {
  await signIn(page, mentor("dortmund"));
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Mentoring" }).click();
  await page.getByRole("link", { name: "Mentoring of Graz" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Support plan: Graz" })).toBeVisible();

  await page.getByRole("button", { name: "Add an action" }).click();
  const actionDialog = page.getByRole("dialog", { name: "Add an action" });
  await actionDialog.getByRole("button", { name: "Save action" }).click();
  await expect(actionDialog.getByLabel("Action")).toHaveAccessibleDescription("This field is required.");
  await actionDialog.getByLabel("Action").fill("Map the services for newcomers");
  await actionDialog.getByLabel("Who does it").fill("Integration office Graz");
  await actionDialog.getByLabel("Due date").fill("2026-09-30");
  await actionDialog.getByLabel("Status").selectOption({ label: "In progress" });
  await actionDialog.getByRole("button", { name: "Save action" }).click();
  await expect(actionDialog).toHaveCount(0);
  const actionRow = page.getByRole("row").filter({ hasText: "Map the services for newcomers" });
  await expect(actionRow).toContainText("Integration office Graz");
  await expect(actionRow).toContainText("In progress");

  await page.getByRole("button", { name: "Record a session" }).click();
  const sessionDialog = page.getByRole("dialog", { name: "Record a session" });
  await sessionDialog.getByLabel("Date").fill("2026-06-15");
  await sessionDialog.getByLabel("Format").selectOption({ label: "Online" });
  await sessionDialog.getByLabel("Notes").fill("Walked through Dortmund's network of advice services.");
  await sessionDialog.getByLabel("Follow-ups").fill("Graz lists its providers before the next session.");
  await sessionDialog.getByRole("button", { name: "Save session" }).click();
  await expect(sessionDialog).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 3, name: "Jun 15, 2026, Online" })).toBeVisible();
  await expect(page.getByText("Graz lists its providers before the next session.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await snapshot(page, "8-support-plan");
});

test("the library finds practices by meaning and highlights the matches", async ({ page }) => {
  await signIn(page, officer("lublin"));
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Good practices" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Good-practice library" })).toBeVisible();

  const results = page.getByRole("list", { name: "Search results" });
  await page.getByLabel("Search words").fill("one-stop shop");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/q=one-stop\+shop/);
  await expect(results.getByRole("link", { name: /lokal willkommen/ })).toBeVisible();
  await expect(results.getByRole("link", { name: /Municipal integration management \(KIM\)/ })).toBeVisible();
  await expect(results.getByRole("link", { name: /Erfurt/ })).toHaveCount(0);
  const marks = results.locator("mark");
  await expect(marks.first()).toBeVisible();
  for (const text of await marks.allTextContents()) expect(text.toLowerCase()).toMatch(/one|stop|shop/);
  await expectNoSeriousA11yViolations(page);
  await snapshot(page, "9-library-search");

  await page.getByLabel("Search words").fill("volunteers");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(results.getByRole("link", { name: /Erfurt/ })).toBeVisible();
  await expect(results.locator("mark").first()).toHaveText(/volunteer/i);

  await results.getByRole("link", { name: /Erfurt/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Erfurt/ })).toBeVisible();
  for (const section of ["1. General information", "2. Network characteristics", "4. Website and contact"])
    await expect(page.getByRole("heading", { level: 2, name: section })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^3\. Success factors and challenges/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await snapshot(page, "10-practice-profile");
});
