import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { markAllNotificationsRead, setMyLocale } from "./support/api.ts";
import { expectNoSeriousA11yViolations } from "./support/axe.ts";
import { FUENLABRADA_LEVELS, LABOUR_MARKET, LUBLIN_LEVELS, apiSession, ensureValidated, labourMarketBaseline, rawId } from "./support/benchmarks.ts";
import { demo, officer } from "./support/demo.ts";
import { signIn } from "./support/sign-in.ts";

// Cities of the labour-market community that no other spec touches: Fuenlabrada fills in the baseline
// through the UI, Lublin is validated through the API so there is someone to learn from.
const FUENLABRADA = officer("fuenlabrada");
const LUBLIN = officer("lublin");
const RETURN_COMMENT = "Please attach the council decision behind LM-G1 and say who funds LM-S2.";
// Fuenlabrada writes its evidence in Spanish: shown to others as written, marked as Spanish
const EVIDENCE_ES = "El pleno municipal aprobó en 2023 una estrategia de empleo para las personas recién llegadas.";

/** Chooses an indicator's level with the keyboard: focus the level's radio, press Space. */
async function chooseLevel(page: Page, code: string, level: number) {
  const group = page.getByRole("radiogroup", { name: new RegExp(`\\b${code}\\b`) });
  const radio = group.getByRole("radio", { name: new RegExp(`^Level ${level}\\b`) });
  await radio.focus();
  await page.keyboard.press("Space");
  await expect(radio).toBeChecked();
}

const savedStatus = (page: Page) => page.getByRole("status").filter({ hasText: /^Saved at / });

test("an officer fills in and submits the baseline; the project team returns it, the officer fixes it, the team validates it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const setup = await apiSession(browser, FUENLABRADA);
  const { indicators } = await labourMarketBaseline(setup.api);
  await setup.close();
  const [first, ...rest] = indicators;

  await signIn(page, FUENLABRADA);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Benchmarks" }).click();
  await page.getByRole("article", { name: LABOUR_MARKET }).getByRole("link", { name: "Self-assessment for Baseline" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Baseline self-assessment/ })).toBeVisible();
  await expect(page.getByText(`0 of ${indicators.length} scored`).first()).toBeVisible();

  // the city writes in Spanish: the texts it types are marked as Spanish from then on
  await expect(page.getByLabel("Language of your evidence and comment")).toHaveValue("en");
  await page.getByLabel("Language of your evidence and comment").selectOption("es");
  await expect(page.getByLabel(`Evidence (${first!.code})`)).toHaveAttribute("lang", "es");

  // the first four by keyboard, with evidence; autosave follows shortly after
  for (const [n, indicator] of indicators.slice(0, 4).entries()) await chooseLevel(page, indicator.code, FUENLABRADA_LEVELS[n]!);
  await page.getByLabel(`Evidence (${first!.code})`).fill(EVIDENCE_ES);
  await page.getByLabel(`Evidence files (${first!.code})`).setInputFiles({
    name: "strategy-summary.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
  });
  await expect(page.getByRole("link", { name: "strategy-summary.pdf" })).toBeVisible();
  await expect(savedStatus(page)).toBeVisible();
  await expect(page.getByText(`4 of ${indicators.length} scored`).first()).toBeVisible();

  // the draft is on the server: a reload finds it
  await page.reload();
  await expect(page.getByRole("radiogroup", { name: new RegExp(first!.code) }).getByRole("radio", { name: /^Level 3\b/ })).toBeChecked();
  await expect(page.getByLabel(`Evidence (${first!.code})`)).toHaveValue(EVIDENCE_ES);
  await expect(page.getByLabel("Language of your evidence and comment")).toHaveValue("es");
  await expect(page.getByRole("link", { name: "strategy-summary.pdf" })).toBeVisible();
  await expect(page.getByText(`4 of ${indicators.length} scored`).first()).toBeVisible();

  // submitting too early: the server names each unscored indicator, the first one takes focus
  await page.getByRole("button", { name: "Submit self-assessment" }).click();
  const missing = indicators.length - 4;
  await expect(page.getByRole("alert").filter({ hasText: `${missing} indicators still need a level:` })).toBeVisible();
  const firstMissing = page.getByRole("radiogroup", { name: new RegExp(`\\b${indicators[4]!.code}\\b`) });
  await expect(firstMissing.getByRole("radio", { name: /^Level 0\b/ })).toBeFocused();
  await expect(firstMissing).toContainText("Choose a level for this indicator.");
  await expectNoSeriousA11yViolations(page);

  for (const [n, indicator] of indicators.entries()) if (n >= 4) await chooseLevel(page, indicator.code, FUENLABRADA_LEVELS[n]!);
  await expect(firstMissing).not.toContainText("Choose a level for this indicator.");
  await page.getByLabel("Comment for the project team").fill("Las cifras proceden del informe municipal de empleo de 2024.");
  await expect(savedStatus(page)).toBeVisible();
  await page.getByRole("button", { name: "Submit self-assessment" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Submit for validation?" });
  await confirm.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your self-assessment was submitted." })).toBeVisible();
  await expect(page.getByText("Your self-assessment is submitted and waits for the project team.")).toBeVisible();
  await expect(page.getByRole("radiogroup")).toHaveCount(0);

  // the project manager returns it with a comment
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, demo.manager);
  await manager.goto("/benchmarks");
  await manager.getByRole("article", { name: LABOUR_MARKET }).getByRole("link", { name: "Validation queue of Baseline" }).click();
  await manager.getByRole("link", { name: "Review Fuenlabrada" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: "Fuenlabrada: Baseline self-assessment" })).toBeVisible();
  await expect(manager.getByText("Written in Spanish")).toBeVisible();
  await expect(manager.getByText(EVIDENCE_ES)).toHaveAttribute("lang", "es");
  await manager.getByRole("button", { name: "Return with comment" }).click();
  await expect(manager.getByLabel("Comment for the city")).toHaveAccessibleDescription(/This field is required\./);
  await manager.getByLabel("Comment for the city").fill(RETURN_COMMENT);
  await manager.getByRole("button", { name: "Return with comment" }).click();
  await expect(manager.getByRole("status").filter({ hasText: "The self-assessment of Fuenlabrada was returned with your comment." })).toBeVisible();

  // the officer sees the comment, fixes the evidence and submits again
  await page.reload();
  const returned = page.getByRole("region", { name: "Returned by the project team" });
  await expect(returned).toContainText(RETURN_COMMENT);
  await page.getByLabel(`Evidence links (${first!.code})`).fill("https://example.org/fuenlabrada/council-decision-2023");
  await page.getByLabel(`Evidence (${rest[4]!.code})`).fill("Lo financian el servicio regional de empleo (70 %) y el ayuntamiento (30 %).");
  await expect(savedStatus(page)).toBeVisible();
  await page.getByRole("button", { name: "Submit self-assessment" }).click();
  await page.getByRole("alertdialog", { name: "Submit for validation?" }).getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByText("Your self-assessment is submitted and waits for the project team.")).toBeVisible();

  // the project manager validates
  await manager.goto("/benchmarks");
  await manager.getByRole("article", { name: LABOUR_MARKET }).getByRole("link", { name: "Validation queue of Baseline" }).click();
  const row = manager.getByRole("row").filter({ hasText: "Fuenlabrada" });
  await expect(row).toContainText("Submitted");
  await row.getByRole("link", { name: "Review Fuenlabrada" }).click();
  await expect(manager.getByRole("link", { name: "https://example.org/fuenlabrada/council-decision-2023" })).toBeVisible();
  await manager.getByRole("button", { name: "Validate" }).click();
  await expect(manager.getByRole("status").filter({ hasText: "The self-assessment of Fuenlabrada was validated." })).toBeVisible();
  await managerContext.close();

  await page.reload();
  await expect(page.getByText("Your self-assessment is validated.")).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByText("Returned with a comment")).toBeVisible();
  await expect(history.getByText("Validated")).toBeVisible();
});

test("the results page shows the city against the median, the heat map, whom to learn from, and exports CSV", async ({ page, browser }) => {
  test.setTimeout(90_000);
  // someone to learn from, and the viewer's own validated baseline (if the journey above has not made it)
  await ensureValidated(browser, LUBLIN, LUBLIN_LEVELS, (code) => `Lublin runs a municipal programme for ${code}, evaluated every year.`);
  const { roundId, indicators } = await ensureValidated(browser, FUENLABRADA, FUENLABRADA_LEVELS, (code) => `Fuenlabrada evidence for ${code}.`);

  await signIn(page, FUENLABRADA);
  // the returned/validated notifications put a count on the header's bell, whose Arabic name ("two unread",
  // the dual form) does not contain the printed digit: axe's label-content-name-mismatch in the notifications
  // component, not on this page (reported); reading them first keeps the scans below about the results
  await markAllNotificationsRead(page.request);
  await page.goto(`/benchmarks/rounds/${rawId(roundId)}/results`);
  await expect(page.getByRole("heading", { level: 1, name: "Results: Baseline" })).toBeVisible();

  // radar: Fuenlabrada against the median, with its table
  const radar = page.getByRole("figure", { name: "Fuenlabrada against the community median" });
  await expect(radar.getByRole("img", { name: "Fuenlabrada against the community median" })).toBeVisible();
  await radar.getByRole("button", { name: "Show as table" }).click();
  const radarTable = radar.getByRole("table");
  await expect(radarTable.getByRole("row")).toHaveCount(1 + indicators.length);
  // LM-S3: Fuenlabrada 0 and Lublin 4 give a median of 2, quartiles 1 and 3
  const s3 = indicators[5]!;
  await expect(radarTable.getByRole("row", { name: new RegExp(s3.code) }).getByRole("cell")).toHaveText(["0", "2", "1 to 3", "2"]);

  // heat map: every city's level printed in its cell, and as a table
  const heat = page.getByRole("figure", { name: "Cities by indicator" });
  await expect(heat.getByRole("img", { name: "Cities by indicator" })).toBeVisible();
  await heat.getByRole("button", { name: "Show as table" }).click();
  await expect(heat.getByRole("row", { name: /Lublin/ }).getByRole("cell")).toHaveText(LUBLIN_LEVELS.map(String));
  await expect(heat.getByRole("row", { name: /Fuenlabrada/ }).getByRole("cell")).toHaveText(FUENLABRADA_LEVELS.map(String));

  await expect(page.getByRole("figure", { name: "Progress between rounds" })).toBeVisible();

  // learn from: ranked by what there is to gain (gap x weight), each with Lublin's level, gap, evidence and contact
  const learn = page.getByRole("region", { name: "Learn from" });
  const ranked = indicators
    .map((indicator, n) => ({ indicator, gain: (LUBLIN_LEVELS[n]! - FUENLABRADA_LEVELS[n]!) * indicator.weight }))
    .sort((a, b) => b.gain - a.gain);
  await expect(learn.getByRole("listitem").first().getByRole("heading")).toContainText(ranked[0]!.indicator.code);
  const suggestion = learn.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(s3.code) }) });
  await expect(suggestion).toContainText("Lublin: level 4, 4 above yours");
  await expect(suggestion).toContainText(`Lublin runs a municipal programme for ${s3.code}, evaluated every year.`);
  await expect(suggestion.getByText("Written in English")).toBeVisible();
  await expect(suggestion.locator("blockquote")).toHaveAttribute("lang", "en");
  await expect(suggestion.getByRole("link", { name: "officer.lublin@citypeer.eu" })).toBeVisible();

  // the results table as CSV: BOM, CRLF, one row per city, then the community's figures
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download results (CSV)" }).click()]);
  expect(download.suggestedFilename()).toBe("early-labour-market-integration-baseline-results.csv");
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFFCity,Organisation,Country,Status,Overall,LM-G,LM-S,LM-P,")).toBe(true);
  const lines = csv.slice(1).split("\r\n").filter(Boolean);
  expect(lines.map((l) => l.split(",")[0])).toEqual(["City", "Fuenlabrada", "Lublin", "Community median", "First quartile", "Third quartile", "Lowest", "Highest"]);
  expect(lines[2]!.split(",").slice(-indicators.length)).toEqual(LUBLIN_LEVELS.map(String));
  expect(csv).not.toMatch(/[^\r]\n/);

  await expectNoSeriousA11yViolations(page);
  try {
    await page.getByLabel("Language").selectOption("ar");
    await expect(page.locator("html[dir=rtl][lang=ar]")).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 1, name: "النتائج: Baseline" })).toBeVisible();
    await expect(page.getByRole("figure", { name: "المدن حسب المؤشر" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  } finally {
    await setMyLocale(page.request, "en");
  }
});

test("a framework file with an error imports nothing; the report names the row and column", async ({ page }) => {
  await signIn(page, demo.manager);
  await page.goto("/communities");
  await page.getByRole("link", { name: LABOUR_MARKET }).click();
  await page.getByRole("link", { name: "Benchmark framework" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Benchmark framework: ${LABOUR_MARKET}` })).toBeVisible();
  await expect(page.getByLabel("Version").getByRole("option")).toHaveCount(1);

  // the export is the import's format: CSV with a BOM
  const [exported] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
  expect(exported.suggestedFilename()).toBe("early-labour-market-integration-framework-v1.csv");
  expect(readFileSync((await exported.path())!, "utf8").startsWith("\uFEFFdimension_code,dimension_title")).toBe(true);

  const csv = [
    "dimension_code,dimension_title,dimension_description,indicator_code,indicator_title,guidance,weight,level_0,level_1,level_2,level_3,level_4",
    "LM-X,Experimental,,LM-X1,Mentoring by employers,,2,None,Some,Several,Most,All",
    "LM-X,Experimental,,LM-X2,Job fairs for newcomers,,heavy,None,Some,Several,Most,All",
  ].join("\r\n");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "labour-market-v2.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByLabel("Content")).toHaveValue(/Job fairs for newcomers/);
  await page.getByRole("button", { name: "Import", exact: true }).click();

  const report = page.getByRole("heading", { name: "Nothing was imported: the file has 1 problem." });
  await expect(report).toBeFocused();
  const table = page.getByRole("table", { name: "Problems by row and column (row 1 is the header)" });
  await expect(table.getByRole("row").nth(1).getByRole("cell")).toHaveText(["3", "weight", "The weight must be a whole number from 1 to 10."]);
  await expectNoSeriousA11yViolations(page);

  // nothing was imported: still one version, with the seeded indicators
  await page.reload();
  await expect(page.getByLabel("Version").getByRole("option")).toHaveCount(1);
  await expect(page.getByRole("heading", { name: /LM-X1/ })).toHaveCount(0);
});

test("the community page: members and contacts, sessions with attendance and calendar files, resources, joining", async ({ page, browser }) => {
  test.setTimeout(60_000);
  // an officer of a member city says they will attend a training and that they attended the kick-off
  await signIn(page, FUENLABRADA);
  await page.goto("/communities");
  await page.getByRole("link", { name: LABOUR_MARKET }).click();
  await expect(page.getByRole("heading", { level: 1, name: LABOUR_MARKET })).toBeVisible();
  await expect(page.getByRole("list", { name: "Contacts in Lublin" }).getByRole("link", { name: "officer.lublin@citypeer.eu" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Ask to join" })).toHaveCount(0);

  const training = page.getByRole("article", { name: "Generating and sharing data on newcomers" });
  await training.getByRole("button", { name: "I will attend – Generating and sharing data on newcomers" }).click();
  await expect(training.getByText("You said you will attend.")).toBeVisible();
  await expect(training).toContainText("Registered: 1");
  const kickOff = page.getByRole("article", { name: `${LABOUR_MARKET}: benchmark kick-off` });
  await kickOff.getByRole("button", { name: /^I attended/ }).click();
  await expect(kickOff.getByText("You attended.")).toBeVisible();

  const calendarLink = training.getByRole("link", { name: "Add to calendar – Generating and sharing data on newcomers" });
  const ics = await page.request.get((await calendarLink.getAttribute("href"))!);
  expect(ics.ok()).toBe(true);
  expect(await ics.text()).toContain("BEGIN:VCALENDAR");
  await expectNoSeriousA11yViolations(page);

  // an officer of a city outside the community asks to join; the project team declines (the member count stays as seeded)
  const outsiderContext = await browser.newContext();
  const outsider = await outsiderContext.newPage();
  await signIn(outsider, officer("gothenburg"));
  await outsider.goto(page.url());
  await outsider.getByRole("button", { name: "Ask to join" }).click();
  await expect(outsider.getByRole("status").filter({ hasText: "Your request was sent." })).toBeVisible();
  await expect(outsider.getByText("is waiting for a decision of the project team")).toBeVisible();
  await outsiderContext.close();

  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, demo.manager);
  await manager.goto(page.url());
  const requests = manager.getByRole("table", { name: /asks? to join/ });
  await requests.getByRole("button", { name: "Decline Gothenburg" }).click();
  await expect(manager.getByRole("status").filter({ hasText: "The request of Gothenburg was declined." })).toBeVisible();

  // the project team shares a resource (a link)
  await manager.getByRole("button", { name: "Add a resource" }).click();
  const dialog = manager.getByRole("dialog", { name: `Add a resource to ${LABOUR_MARKET}` });
  await dialog.getByLabel("Title").fill("Guide to recognising foreign qualifications");
  await dialog.getByLabel("Type").selectOption("GUIDELINE");
  await dialog.getByLabel("Language").selectOption("en");
  await dialog.getByLabel("Link").fill("not a link");
  await dialog.getByRole("button", { name: "Add resource" }).click();
  await expect(dialog.getByLabel("Link")).toHaveAccessibleDescription(/Enter a web address starting with https:\/\//);
  await dialog.getByLabel("Link").fill("https://example.org/recognition-guide");
  await dialog.getByRole("button", { name: "Add resource" }).click();
  await expect(dialog).toHaveCount(0);
  const resources = manager.getByRole("table", { name: /resources?$/ });
  await expect(resources.getByRole("link", { name: "Guide to recognising foreign qualifications" })).toHaveAttribute("href", "https://example.org/recognition-guide");
  await expectNoSeriousA11yViolations(manager);
  await managerContext.close();
});
