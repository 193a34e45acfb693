import { expect, test, type Page } from "@playwright/test";
import ICAL from "ical.js";
import { markAllNotificationsRead, setMyLocale } from "./support/api.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { setChoice } from "./support/choices.ts";
import { demo, officer, reviewer } from "./support/demo.ts";
import { addRecommendation, apiAs, myId, pilotIdOf, reviewUrl, scheduleReview, setPilotIndicators, submitScores } from "./support/reviews.ts";
import { signIn } from "./support/sign-in.ts";

// Pilots and peer reviews, on the housing and one-stop-shop pilots (Nantes, Zagreb, Sofia, Cluj).
// Every test books its own review in its own far-future week, so tests do not depend on each other's
// bookings (a reviewer booked twice at once would be refused) or on the order they run in.

// journeys through several pages and people: more time than the default on a busy machine
test.describe.configure({ timeout: 60_000 });

/** The group of reviewer checkboxes on the scheduling page. */
const teamPicker = (page: Page) => page.getByRole("group", { name: "Choose the review team" });

test("a project manager schedules a review of a pilot with suggested reviewers", async ({ page }) => {
  await signIn(page, demo.manager);
  await page.goto("/pilots");
  await page.getByRole("link", { name: "Nantes: local housing support pilot" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nantes: local housing support pilot" })).toBeVisible();
  await page.getByRole("link", { name: "Schedule a peer review" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Schedule a peer review" })).toBeVisible();
  await expect(page.getByLabel("Pilot to review")).not.toHaveValue("");
  await setChoice(page.getByRole("radio", { name: "Online" }));
  await page.getByLabel("First day").fill("2031-03-10");
  await page.getByLabel("Last day").fill("2031-03-12");
  await page.getByLabel("Agenda").fill("Day 1: interviews with the housing mediators. Day 3: feedback session.");
  await page.getByRole("button", { name: "Suggest reviewers" }).click();

  const team = teamPicker(page);
  await expect(page.getByRole("status").filter({ hasText: /reviewers are free on/ })).toBeVisible();
  await expect(team.getByRole("checkbox", { name: /Milan Reviewer/ })).toBeVisible();
  // nobody reviews their own city; community members come first, with the reason in words
  await expect(team.getByRole("checkbox", { name: /Nantes Reviewer/ })).toHaveCount(0);
  await expect(team.getByRole("listitem").first()).toContainText("No. 1");
  await expect(team).toContainText("Member of the pilot's community");
  await expect(team).toContainText(/Shares (English|French)/);
  await expectNoSeriousA11yViolations(page);

  // too few is refused in the browser first
  await setChoice(team.getByRole("checkbox", { name: /Milan Reviewer/ }));
  await page.getByRole("button", { name: "Schedule the review" }).click();
  await expect(team.getByText("Choose 2 to 4 reviewers.")).toBeVisible();

  await setChoice(team.getByRole("checkbox", { name: /Gothenburg Reviewer/ }));
  await page.getByRole("button", { name: "Schedule the review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Peer review of Nantes's pilot" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "The review is scheduled and the reviewers were notified." })).toBeVisible();
  const members = page.getByRole("region", { name: /Review team/ });
  await expect(members.getByRole("listitem")).toHaveCount(2);
  await expect(members).toContainText("Milan Reviewer");
  await expect(members).toContainText("Gothenburg Reviewer");
  await expect(page.getByRole("region", { name: "Steps of the review" }).getByRole("listitem")).toHaveCount(5);
  await expectNoSeriousA11yViolations(page);

  // before it starts, the team adapts the rubric, moves the review and adds a third reviewer
  await page.getByRole("button", { name: "Edit the rubric" }).click();
  const rubric = page.getByRole("dialog", { name: "Edit the rubric of this review" });
  await rubric.getByRole("group", { name: "Criterion 2" }).getByLabel("Title").fill("Innovation in housing mediation");
  await rubric.getByRole("group", { name: "Criterion 6" }).getByLabel("What a score of 3 means").fill("");
  await rubric.getByRole("button", { name: "Save the rubric" }).click();
  await expect(rubric.getByRole("group", { name: "Criterion 6" }).getByLabel("What a score of 3 means")).toHaveAccessibleDescription("This field is required.");
  await expectNoSeriousA11yViolations(page);
  await rubric.getByRole("group", { name: "Criterion 6" }).getByLabel("What a score of 3 means").fill("Parts could be transferred to similar cities.");
  await rubric.getByRole("button", { name: "Save the rubric" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The rubric was saved." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Rubric" })).toContainText("Innovation in housing mediation");

  await page.getByRole("button", { name: "Change dates" }).click();
  const move = page.getByRole("dialog", { name: "Change the dates of the review" });
  await move.getByLabel("First day").fill("2031-03-17");
  await move.getByLabel("Last day").fill("2031-03-19");
  await move.getByRole("button", { name: "Save the new dates" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The review moved" })).toBeVisible();
  await expect(page.getByText(/Mar 17\s*–\s*19, 2031/)).toBeVisible();

  await page.getByRole("button", { name: "Change reviewers" }).click();
  const change = page.getByRole("dialog", { name: "Change the review team" });
  await expect(change.getByRole("checkbox", { name: /Milan Reviewer/ })).toBeChecked();
  await setChoice(change.getByRole("checkbox", { name: /Athens Reviewer/ }));
  await change.getByRole("button", { name: "Save the team" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The review team changed" })).toBeVisible();
  await expect(members.getByRole("listitem")).toHaveCount(3);

  // the calendar lists it under its month
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reviews", exact: true }).click();
  const march = page.getByRole("region", { name: "March 2031" });
  await expect(march.getByRole("link", { name: "Peer review of Nantes's pilot" })).toBeVisible();
});

test("refuses a reviewer who is booked on another review at the same time, naming the conflict", async ({ page, baseURL }) => {
  const manager = await apiAs(baseURL!, demo.manager);
  const viennaReviewer = await myId(await apiAs(baseURL!, reviewer("vienna")));
  const athensReviewer = await myId(await apiAs(baseURL!, reviewer("athens")));
  const cluj = await pilotIdOf(manager, "Cluj");

  await signIn(page, demo.manager);
  await page.goto("/reviews/schedule");
  await page.getByLabel("Pilot to review").selectOption({ label: "Sofia: one-stop shops pilot" });
  await page.getByLabel("First day").fill("2032-04-11");
  await page.getByLabel("Last day").fill("2032-04-13");
  await page.getByRole("button", { name: "Suggest reviewers" }).click();
  const team = teamPicker(page);
  await setChoice(team.getByRole("checkbox", { name: /Vienna Reviewer/ }));
  await setChoice(team.getByRole("checkbox", { name: /Zagreb Reviewer/ }));

  // meanwhile, Vienna's reviewer is booked on Cluj's review over the same days
  await scheduleReview(manager, { pilotId: cluj, startsOn: "2032-04-10", endsOn: "2032-04-12", reviewerIds: [viennaReviewer, athensReviewer] });

  await page.getByRole("button", { name: "Schedule the review" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "One chosen reviewer cannot take this review" })).toBeVisible();
  const vienna = team.getByRole("checkbox", { name: /Vienna Reviewer/ });
  await expect(vienna).toHaveAccessibleDescription(/Vienna Reviewer is already booked on another review at these dates\./);
  await expect(vienna).toBeFocused();
  await expect(page).toHaveURL(/\/reviews\/schedule$/);
  await expectNoSeriousA11yViolations(page);

  // someone free instead: new suggestions leave the booked person out
  await setChoice(vienna, false);
  await page.getByRole("button", { name: "Suggest reviewers" }).click();
  await expect(team.getByRole("checkbox", { name: /Vienna Reviewer/ })).toHaveCount(0);
  await setChoice(team.getByRole("checkbox", { name: /Ghent Reviewer/ }));
  await page.getByRole("button", { name: "Schedule the review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Peer review of Sofia's pilot" })).toBeVisible();
  await expect(page.getByRole("region", { name: /Review team/ })).toContainText("Ghent Reviewer");
});

test("proposes reviewers for every pilot of a community, and books one from the proposal", async ({ page }) => {
  await signIn(page, demo.manager);
  await page.goto("/reviews");
  await page.getByRole("link", { name: "Propose reviewers for a community" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Propose reviewers for a community" })).toBeVisible();
  await page.getByLabel("Community of practice").selectOption({ label: "Local housing support" });

  await expect(page.getByRole("status").filter({ hasText: "Proposal for 4 pilots" })).toBeVisible();
  for (const city of ["Athens", "Ghent", "Nantes", "Zagreb"]) {
    const card = page.getByRole("article", { name: city });
    await expect(card.getByRole("checkbox", { checked: true })).toHaveCount(3);
    await expect(card.getByRole("checkbox", { name: new RegExp(`${city} Reviewer`) })).toHaveCount(0);
    await expect(card).toContainText(/reviews? in total with this one/);
  }
  await expectNoSeriousA11yViolations(page);

  // two per pilot instead of three
  await page.getByLabel("Reviewers per pilot").selectOption("2");
  await expect(page.getByRole("article", { name: "Zagreb" }).getByRole("checkbox", { checked: true })).toHaveCount(2);

  const zagreb = page.getByRole("article", { name: "Zagreb" });
  await zagreb.getByLabel("First day").fill("2033-05-04");
  await zagreb.getByLabel("Last day").fill("2033-05-06");
  await zagreb.getByRole("button", { name: "Schedule the review of Zagreb" }).click();
  await expect(zagreb.getByRole("status")).toContainText("Scheduled for");
  await zagreb.getByRole("link", { name: "Open the review" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Peer review of Zagreb's pilot" })).toBeVisible();
  await expect(page.getByRole("region", { name: /Review team/ }).getByRole("listitem")).toHaveCount(2);

  // and calls it off again
  await page.getByRole("button", { name: "Cancel the review" }).click();
  const cancel = page.getByRole("alertdialog", { name: "Cancel the review of Zagreb's pilot?" });
  await cancel.getByRole("button", { name: "Cancel the review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The review was cancelled" })).toBeVisible();
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Change dates" })).toHaveCount(0);
});

test("two reviewers score on their own; the report shows after submitting and closing; the host city answers", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const manager = await apiAs(baseURL!, demo.manager);
  const nantesApi = await apiAs(baseURL!, reviewer("nantes"));
  const zagrebApi = await apiAs(baseURL!, reviewer("zagreb"));
  const cluj = await pilotIdOf(manager, "Cluj");
  const indicators = await setPilotIndicators(await apiAs(baseURL!, officer("cluj")), cluj, 2);
  const reviewId = await scheduleReview(manager, {
    pilotId: cluj,
    startsOn: "2034-02-10",
    endsOn: "2034-02-12",
    reviewerIds: [await myId(nantesApi), await myId(zagrebApi)],
  });
  const zagrebComment = "Zagreb: the migrant council shaped every step of the one-stop shop.";
  await submitScores(zagrebApi, reviewId, 5, zagrebComment);

  await test.step("reviewer A sees neither scores nor aggregates of B before submitting", async () => {
    await signIn(page, reviewer("nantes"));
    await page.goto(reviewUrl(reviewId));
    await expect(page.getByRole("heading", { level: 1, name: "Peer review of Cluj's pilot" })).toBeVisible();
    await expect(page.getByText("The other reviewers' scores are visible after you submit your own.")).toBeVisible();
    await expect(page.getByText(zagrebComment)).toHaveCount(0);
    await expect(page.getByRole("table", { name: /Scores per criterion/ })).toHaveCount(0);
    await expect(page.getByRole("region", { name: /Review team/ }).getByRole("listitem").filter({ hasText: "Zagreb Reviewer" })).toContainText("Scores submitted");
    await expectNoSeriousA11yViolations(page);
  });

  const scoring = page.getByRole("region", { name: "Your scores" });
  const criterion = (name: string) => scoring.getByRole("radiogroup", { name });
  await test.step("reviewer A saves a draft, then submits final scores after confirming", async () => {
    await setChoice(criterion("Relevance to the city's benchmark gaps").getByRole("radio", { name: /^3 / }));
    await scoring.getByLabel("Your comment on “Relevance to the city's benchmark gaps”").fill("Nantes: a clear link to the gaps of the self-assessment.");
    await scoring.getByRole("button", { name: "Save", exact: true }).click();
    await expect(scoring.getByRole("status")).toHaveText("Your scores were saved as a draft.");

    // a draft survives a reload; the final submission needs every criterion
    await page.reload();
    await expect(criterion("Relevance to the city's benchmark gaps").getByRole("radio", { name: /^3 / })).toBeChecked();
    await scoring.getByRole("button", { name: "Submit final scores" }).click();
    await expect(scoring.getByText("Choose a score from 1 to 5 before submitting.")).toHaveCount(5);
    await expect(criterion("Innovation").getByRole("radio", { name: /^1 / })).toBeFocused();

    for (const name of ["Innovation", "Feasibility", "Co-design with migrants", "Sustainability", "Transferability"]) {
      await setChoice(criterion(name).getByRole("radio", { name: /^4 / }));
    }
    for (const indicator of indicators) {
      await setChoice(criterion(`${indicator.code} ${indicator.title}`).getByRole("radio", { name: /^2 / }));
    }
    await scoring.getByRole("button", { name: "Submit final scores" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Submit your final scores?" });
    await expect(confirm).toBeVisible();
    await confirm.getByRole("button", { name: "Submit" }).click();
  });

  await test.step("after submitting, reviewer A sees the consolidated scores and B's comments", async () => {
    await expect(page.getByRole("status").filter({ hasText: "Your scores are submitted." })).toBeVisible();
    await expect(scoring).toHaveCount(0);
    const table = page.getByRole("table", { name: /Scores per criterion/ });
    // means of 3 and 5, of 4 and 5
    await expect(table.getByRole("row", { name: /Relevance to the city's benchmark gaps/ })).toContainText("4");
    await expect(table.getByRole("row", { name: /Innovation/ })).toContainText("4.5");
    await expect(table.getByRole("row", { name: /Innovation/ })).toContainText("4–5");
    await expect(page.getByText(zagrebComment).first()).toBeVisible();
    const comparison = page.getByRole("table", { name: /self-assessed level/ });
    await expect(comparison.getByRole("row")).toHaveCount(1 + indicators.length);

    const add = page.getByRole("form", { name: "Add a recommendation" });
    await add.getByLabel("Recommendation").fill("Involve the migrant council in evaluating the one-stop shop, not only in designing it.");
    await setChoice(add.getByRole("radio", { name: "High" }));
    await add.getByRole("button", { name: "Add the recommendation" }).click();
    await expect(add.getByRole("status")).toHaveText("The recommendation was added.");
    await expect(page.getByRole("region", { name: /Recommendations/ }).getByRole("listitem")).toContainText(["Involve the migrant council"]);
    await expectNoSeriousA11yViolations(page);
  });

  await test.step("the project manager closes the review and publishes the report", async () => {
    await page.context().clearCookies();
    await signIn(page, demo.manager);
    await page.goto(reviewUrl(reviewId));
    await page.getByRole("button", { name: "Close and publish the report" }).click();
    const dialog = page.getByRole("dialog", { name: "Close the review and publish the report" });
    await dialog.getByLabel("Summary of the report").fill("A strong, co-designed one-stop shop; the peers recommend involving the migrant council in its evaluation.");
    await dialog.getByRole("button", { name: "Close and publish" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The review is closed and its report published." })).toBeVisible();
    await expect(page.getByText("Closed, report published")).toBeVisible();
  });

  await test.step("the host city's officer reads the report and answers the recommendation", async () => {
    await page.context().clearCookies();
    await signIn(page, officer("cluj"));
    await page.goto(reviewUrl(reviewId));
    await expect(page.getByText("A strong, co-designed one-stop shop")).toBeVisible();
    await expect(page.getByRole("table", { name: /Scores per criterion/ }).getByRole("row", { name: /Innovation/ })).toContainText("4.5");
    await expectNoSeriousA11yViolations(page);

    const answer = page.getByRole("form", { name: "Answer to recommendation 1" });
    await setChoice(answer.getByRole("radio", { name: "Declined" }));
    await answer.getByRole("button", { name: "Save the answer to recommendation 1" }).click();
    const reason = answer.getByLabel("Reason or note for recommendation 1");
    await expect(reason).toHaveAccessibleDescription(/Say why the recommendation is declined\./);
    await expect(reason).toBeFocused();
    await reason.fill("The council's mandate ends this year; we will ask its successor.");
    await answer.getByRole("button", { name: "Save the answer to recommendation 1" }).click();
    await expect(answer.getByRole("status")).toHaveText("Your answer was saved; it shows on the pilot page.");
    await expect(page.getByText("Declined, answered by Cluj Officer")).toBeVisible();

    // the answer travels with the pilot
    await page.getByRole("link", { name: "Cluj: one-stop shops pilot" }).click();
    const reviews = page.getByRole("region", { name: "Peer reviews" });
    const closed = reviews.getByRole("article").filter({ hasText: "Closed, report published" });
    await expect(closed.getByRole("listitem").filter({ hasText: "Involve the migrant council" })).toContainText("Declined");
    await expect(closed).toContainText("Reason: The council's mandate ends this year");
    await expect(closed.getByRole("table")).toContainText("4.5");
  });
});

test("a city officer edits the pilot plan and links an objective to the recommendation it answers", async ({ page, baseURL }) => {
  const manager = await apiAs(baseURL!, demo.manager);
  const milanApi = await apiAs(baseURL!, reviewer("milan"));
  const zagreb = await pilotIdOf(manager, "Zagreb");
  const reviewId = await scheduleReview(manager, {
    pilotId: zagreb,
    startsOn: "2035-03-03",
    endsOn: "2035-03-05",
    reviewerIds: [await myId(milanApi), await myId(await apiAs(baseURL!, reviewer("gothenburg")))],
  });
  const recommendation = "Agree a shared tenancy-support protocol with the housing associations.";
  await addRecommendation(milanApi, reviewId, recommendation, "HIGH");

  await signIn(page, officer("zagreb"));
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My pilot" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Zagreb: local housing support pilot" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Edit the plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit the pilot plan of Zagreb" })).toBeVisible();

  await page.getByLabel("Language of your texts").selectOption({ label: "Croatian" });
  await page.getByLabel("Problem the pilot addresses").fill("Novopridošlice teško pronalaze stan bez jamca i posrednika.");
  await page.getByLabel("Planned activities").fill("Posredovanje s najmodavcima.\nJamstveni fond za depozite.");
  await setChoice(page.getByRole("checkbox", { name: "Women", exact: true }));

  await page.getByRole("button", { name: "Add an objective" }).click();
  const objective = page.getByRole("group", { name: "Objective 1" });
  await expect(objective.getByLabel("Objective", { exact: true })).toBeFocused();
  await page.getByRole("button", { name: "Add a co-design activity" }).click();
  const activity = page.getByRole("group", { name: "Activity 1" });
  await activity.getByLabel("Date").fill("2035-01-20");
  await activity.getByLabel("Format").selectOption({ label: "Focus group" });
  await activity.getByLabel("Participants").fill("12");
  await activity.getByLabel("Migrant organisations involved").fill("Udruga Are\nCentar za mirovne studije");
  await page.getByRole("button", { name: "Add a milestone" }).click();
  const milestone = page.getByRole("group", { name: "Milestone 1" });
  await milestone.getByLabel("Milestone", { exact: true }).fill("Prvi ugovori s najmodavcima");
  await milestone.getByLabel("Due").fill("2035-06-01");
  await milestone.getByLabel("Status").selectOption({ label: "In progress" });

  // an empty objective is refused next to it, and gets focus
  await page.getByRole("button", { name: "Save the plan" }).click();
  await expect(objective.getByLabel("Objective", { exact: true })).toHaveAccessibleDescription("This field is required.");
  await expect(objective.getByLabel("Objective", { exact: true })).toBeFocused();
  await expectNoSeriousA11yViolations(page);

  await objective.getByLabel("Objective", { exact: true }).fill("Zajednički protokol podrške najmoprimcima sa stambenim udrugama.");
  await objective.getByLabel("Answers the recommendation").selectOption({ label: `High: ${recommendation}` });
  await page.getByRole("button", { name: "Save the plan" }).click();

  await expect(page.getByRole("status").filter({ hasText: "The plan was saved." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Zagreb: local housing support pilot" })).toBeVisible();
  // the city's texts keep their language, as written
  await expect(page.locator('[lang="hr"]').filter({ hasText: "Novopridošlice teško pronalaze stan" })).toBeVisible();
  await expect(page.getByText("Written in").locator("..")).toContainText("Croatian");
  const objectives = page.getByRole("region", { name: "Objectives" });
  await expect(objectives).toContainText("Zajednički protokol podrške najmoprimcima");
  await expect(objectives).toContainText("Answers the peer-review recommendation:");
  await expect(objectives).toContainText(recommendation);
  await expect(objectives).toContainText("Not answered yet");
  await expect(page.getByRole("table", { name: "Co-design activities of Zagreb" })).toContainText("Focus group");
  await expect(page.getByRole("table", { name: "Co-design activities of Zagreb" })).toContainText("Centar za mirovne studije");
  await expect(page.getByRole("table", { name: "Milestones of the pilot in Zagreb" })).toContainText("In progress");
  await expect(page.getByRole("region", { name: "Target groups" })).toContainText("Women");
  await expectNoSeriousA11yViolations(page);
});

test("a project manager moves a pilot one step forward and back", async ({ page }) => {
  await signIn(page, demo.manager);
  await page.goto("/pilots");
  await page.getByLabel("Community of practice").selectOption({ label: "One-stop shops" });
  await expect(page.getByRole("status").filter({ hasText: "4 pilots" })).toBeVisible();
  await page.getByRole("link", { name: "Sofia: one-stop shops pilot" }).click();
  const control = page.getByRole("region", { name: "Pilot status" });
  await control.getByRole("button", { name: /^Move on to/ }).click();
  await expect(control.getByRole("status")).toContainText("The pilot's status is now");
  const moved = (await control.getByRole("status").textContent()) ?? "";
  await control.getByRole("button", { name: /^Back to/ }).click();
  await expect(control.getByRole("status")).not.toHaveText(moved);
  await expect(control.getByRole("status")).toContainText("The pilot's status is now");
});

test("a reviewer sees what is due and subscribes to their reviews in a calendar app", async ({ page, baseURL }) => {
  const manager = await apiAs(baseURL!, demo.manager);
  await scheduleReview(manager, {
    pilotId: await pilotIdOf(manager, "Cluj"),
    startsOn: "2036-09-08",
    endsOn: "2036-09-10",
    reviewerIds: [await myId(await apiAs(baseURL!, reviewer("gothenburg"))), await myId(await apiAs(baseURL!, reviewer("milan")))],
  });

  await signIn(page, reviewer("gothenburg"));
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My reviews" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My reviews" })).toBeVisible();
  const card = page.getByRole("article", { name: "Peer review of Cluj's pilot" });
  await expect(card).toContainText("Your scores are not submitted yet.");
  await expect(card).toContainText(/Next: Self-assessment by the host city, due .*2036/);
  await expect(card.getByRole("listitem")).toHaveCount(5);
  await expectNoSeriousA11yViolations(page);

  const feed = page.getByRole("region", { name: "Subscribe in your calendar" });
  await feed.getByRole("button", { name: "Create my calendar address" }).click();
  const address = feed.getByLabel("Your private calendar address");
  await expect(address).toHaveValue(/\/calendar\/reviews\/[\w-]+\.ics$/);
  await expect(feed.getByRole("button", { name: "Copy the address" })).toBeVisible();
  const url = await address.inputValue();

  const response = await page.request.get(url);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/calendar/);
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
  const cluj = events.find((e) => e.summary.includes("Cluj") && e.startDate.toString() === "2036-09-08");
  expect(cluj, events.map((e) => `${e.summary} ${e.startDate.toString()}`).join("\n")).toBeDefined();
  expect(cluj!.endDate.toString()).toBe("2036-09-11"); // all-day events end the day after
  expect(cluj!.description).toContain("Milan Reviewer");

  await feed.getByRole("button", { name: "Stop my calendar address" }).click();
  await expect(feed.getByRole("status")).toContainText("Your calendar address no longer works.");
  expect((await page.request.get(url)).status()).toBe(404);
});

test("the review page with its scoring form has no serious accessibility violations in Arabic", async ({ page, baseURL }) => {
  const manager = await apiAs(baseURL!, demo.manager);
  const reviewId = await scheduleReview(manager, {
    pilotId: await pilotIdOf(manager, "Nantes"),
    startsOn: "2037-01-12",
    endsOn: "2037-01-14",
    reviewerIds: [await myId(await apiAs(baseURL!, reviewer("athens"))), await myId(await apiAs(baseURL!, reviewer("ghent")))],
  });
  await signIn(page, reviewer("athens"));
  // the assignment notified the reviewer: with exactly one unread, the header bell's Arabic name spells
  // "one" while its badge shows "١" (label-content-name-mismatch, notifications' catalogue), not this page
  await markAllNotificationsRead(page.request);
  try {
    await page.goto(reviewUrl(reviewId));
    await page.getByLabel("Language").selectOption("ar");
    await expect(page.locator("html[dir=rtl][lang=ar]")).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 1, name: "مراجعة أقران لمشروع Nantes" })).toBeVisible();
    await expect(page.getByRole("region", { name: "درجاتك" })).toBeVisible();
    await expect(page.getByText("تظهر درجات المراجعين الآخرين بعد أن ترسل درجاتك.")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  } finally {
    await setMyLocale(page.request, "en");
  }
});
