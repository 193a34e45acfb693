import { expect, test, type Page } from "@playwright/test";
import { gql, setMyLocale } from "./support/api.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { demo, mentor, officer, reviewer } from "./support/demo.ts";
import { MENTEE_CITY, mentoring, openRound, pilotOf, session, submitSelfAssessment, validateSubmission } from "./support/factories.ts";
import { screenshot } from "./support/grants.ts";
import { apiAs, myId, scheduleReview } from "./support/reviews.ts";
import { signIn } from "./support/sign-in.ts";

// The start page of each role, signed in through the API; set-up goes through the API as the people who
// would do it. Cities and people here are ones the other specs leave alone (or find again, like Bregenz).

const region = (page: Page, name: string | RegExp) => page.getByRole("region", { name });

test("a city officer sees what is due, the grant's balance and an empty scores panel, and opens the self-assessment", async ({ page }) => {
  await signIn(page, officer("athens"));
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Athens Officer" })).toBeVisible();

  const city = region(page, "Your city: Dimos Athinaion");
  await expect(city.getByRole("heading", { level: 3, name: "What is due" })).toBeVisible();
  const due = city.getByRole("link", { name: "Benchmark self-assessment: Baseline (Local housing support)" });
  await expect(due).toBeVisible();
  await expect(city.getByRole("link", { name: "Submit the report: Interim report" })).toBeVisible();
  await expect(city.getByRole("heading", { level: 3, name: "Your grant" })).toBeVisible();
  await expect(city.getByText("Remaining balance")).toBeVisible();
  await expect(city.getByText("No self-assessment submitted yet.", { exact: false })).toBeVisible();
  // nothing of the other roles
  await expect(page.getByRole("region", { name: "Project overview" })).toHaveCount(0);
  await screenshot(page, "dashboard-officer");
  await expectNoSeriousA11yViolations(page);

  await due.click();
  await expect(page.getByRole("heading", { level: 1, name: /^Baseline self-assessment/ })).toBeVisible();
});

test("a city officer compares the city's scores with the median in a chart and as a table", async ({ page, baseURL }) => {
  const manager = await session(baseURL!, demo.manager);
  const name = `Dashboard check ${Date.now()}`;
  const round = await openRound(manager, "Local housing support", name);
  await validateSubmission(manager, await submitSelfAssessment(await apiAs(baseURL!, officer("nantes")), round, 3));
  await validateSubmission(manager, await submitSelfAssessment(await apiAs(baseURL!, officer("zagreb")), round, 2));

  await signIn(page, officer("zagreb"));
  await page.goto("/");
  const city = region(page, "Your city: Grad Zagreb");
  await expect(city.getByRole("heading", { level: 3, name: "Your scores against the median" })).toBeVisible();
  const figure = city.getByRole("figure", { name: "Scores by dimension (0 to 4)" });
  await expect(figure.getByRole("img", { name: "Scores by dimension (0 to 4)" })).toBeVisible();
  await expect(figure.getByText(/Grad Zagreb is above the community median on 0 of \d+ dimensions, level with it on 0 and below it on \d+\./)).toBeVisible();

  await figure.getByRole("button", { name: "Show as table" }).click();
  const overall = figure.getByRole("row", { name: /Your overall score/ });
  await expect(overall.getByRole("cell")).toHaveText(["2", "2.5"]);
  await screenshot(page, "dashboard-officer-scores");
  await expectNoSeriousA11yViolations(page);

  // right to left: the same chart mirrored, labelled in Arabic
  await page.getByLabel("Language").selectOption("ar");
  await expect(page.locator("html[dir=rtl][lang=ar]")).toHaveCount(1);
  await expect(page.getByRole("img", { name: "الدرجات حسب البعد (من 0 إلى 4)" })).toBeVisible();
  await screenshot(page, "dashboard-officer-scores-ar");
  await expectNoSeriousA11yViolations(page);
  await setMyLocale(page.request, "en");
  await page.reload();
  await expect(page.locator("html[dir=ltr][lang=en]")).toHaveCount(1);

  await city.getByRole("link", { name: `All results of ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Results: ${name}` })).toBeVisible();
});

test("a peer reviewer sees the review assigned, its dates and what is still to score, and opens it", async ({ page, baseURL }) => {
  const manager = await session(baseURL!, demo.manager);
  const reviewers = [await myId(await apiAs(baseURL!, reviewer("lublin"))), await myId(await apiAs(baseURL!, reviewer("vienna")))];
  await scheduleReview(manager, { pilotId: await pilotOf(manager, "Sofia"), startsOn: "2033-06-01", endsOn: "2033-06-03", reviewerIds: reviewers });

  await signIn(page, reviewer("lublin"));
  await page.goto("/");
  const reviews = region(page, "Your peer reviews");
  const item = reviews.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Peer review of Sofia's pilot" }) });
  await expect(item).toContainText("Jun 1");
  await expect(item).toContainText("Scoring not started");
  await expect(item).toContainText("Criteria scored: 0 of 6");
  await expect(page.getByRole("region", { name: /^Your city/ })).toHaveCount(0);
  await screenshot(page, "dashboard-reviewer");
  await expectNoSeriousA11yViolations(page);

  await item.getByRole("link", { name: "Peer review of Sofia's pilot" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Peer review of Sofia's pilot" })).toBeVisible();
});

test("a project manager sees the validation queue, the review schedule, the grants and the open calls", async ({ page }) => {
  await signIn(page, demo.manager);
  await page.goto("/");
  const overview = region(page, "Project overview");
  for (const heading of [/^Self-assessments to validate: \d+$/, "Review schedule", "Grants", "Open calls"]) {
    await expect(overview.getByRole("heading", { level: 3, name: heading })).toBeVisible();
  }
  await expect(overview.getByText("Number of grants")).toBeVisible();
  await screenshot(page, "dashboard-manager");
  await expectNoSeriousA11yViolations(page);

  await overview.getByRole("link", { name: "Open the grants portfolio" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Grant portfolio" })).toBeVisible();
});

test("a mentor sees the mentee city with its next session and open actions, overdue ones marked, and opens the support plan", async ({ page, baseURL }) => {
  const { assignmentId } = await mentoring(await session(baseURL!, demo.manager), mentor("vienna"));
  const mentorApi = await apiAs(baseURL!, mentor("vienna"));
  const plan = { assignmentId: Buffer.from(`MentoringAssignment:${assignmentId}`).toString("base64") };
  const action = `Map the welcome desk's referrals ${Date.now()}`;
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const saved = await gql<{ saveSupportAction: { __typename: string } }>(mentorApi, "mutation ($input: SaveSupportActionInput!) { saveSupportAction(input: $input) { __typename } }", {
    input: { ...plan, title: action, owner: "Welcome desk", dueDate: yesterday, status: "IN_PROGRESS" },
  });
  expect(saved.saveSupportAction.__typename).toBe("MutationSaveSupportActionSuccess");
  const met = await gql<{ saveMentoringSession: { __typename: string } }>(mentorApi, "mutation ($input: SaveMentoringSessionInput!) { saveMentoringSession(input: $input) { __typename } }", {
    input: { ...plan, date: new Date(Date.now() + 7 * 86_400_000).toISOString(), format: "PHONE" },
  });
  expect(met.saveMentoringSession.__typename).toBe("MutationSaveMentoringSessionSuccess");

  await signIn(page, mentor("vienna"));
  await page.goto("/");
  const mentoringRegion = region(page, "Your mentoring");
  const card = mentoringRegion.getByRole("listitem").filter({ has: page.getByRole("link", { name: `Mentoring of ${MENTEE_CITY}` }) });
  await expect(card.getByRole("heading", { level: 4, name: "Next sessions" })).toBeVisible();
  await expect(card.getByRole("heading", { level: 4, name: "Open actions" })).toBeVisible();
  await expect(card.getByRole("listitem").filter({ hasText: "Phone" })).toBeVisible();
  const open = card.getByRole("listitem").filter({ hasText: action });
  await expect(open).toContainText("In progress");
  await expect(open).toContainText("Overdue");
  await screenshot(page, "dashboard-mentor");
  await expectNoSeriousA11yViolations(page);

  await card.getByRole("link", { name: `Mentoring of ${MENTEE_CITY}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Support plan: ${MENTEE_CITY}` })).toBeVisible();
});
