import { expect, test, type Page } from "@playwright/test";
import { setMyLocale } from "./support/api.ts";
import { rawId } from "./support/benchmarks.ts";
import { setChoice } from "./support/choices.ts";
import { demo, mentor, officer, reviewer } from "./support/demo.ts";
import { grantWithApprovedBudget, mentoring, MENTEE_CITY, openRound, pilotOf, session, submitSelfAssessment } from "./support/factories.ts";
import { dirOf, t, tPattern, type MessageId } from "./support/i18n.ts";
import { myId, scheduleReview } from "./support/reviews.ts";
import { signIn } from "./support/sign-in.ts";
import type { Locale } from "../../packages/i18n/src/locales.ts";

/*
 * The main journey of every role, written once with names from the catalogues and run in English, in
 * Arabic and in Persian (both right to left). Each journey makes its own records through the API first
 * (a round, a review, a submission), so it runs alone or after the others; the details of each page are
 * the business of the area's own spec. Accounts get their language through the API and English back
 * afterwards, because other specs read them in English.
 */

const LOCALES = ["en", "ar", "fa"] as const satisfies readonly Locale[];

/** Per language, accounts and dates no other spec (and no other language) uses. */
const CAST = {
  en: { officer: { email: officer("gothenburg"), city: "Gothenburg", organisation: "Goteborgs Kommun", community: "One-stop shops" }, reviewer: reviewer("vienna") },
  ar: { officer: { email: officer("milan"), city: "Milan", organisation: "Comune di Milano", community: "One-stop shops" }, reviewer: reviewer("ghent") },
  fa: { officer: { email: officer("vienna"), city: "Vienna", organisation: "Stadt Wien", community: "Early labour-market integration" }, reviewer: reviewer("zagreb") },
} as const;

/** Signs in through the API in a language and opens a page; the document says the language and its direction. */
async function openAs(page: Page, email: string, locale: Locale, path = "/") {
  await signIn(page, email);
  await setMyLocale(page.request, locale);
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.locator("html")).toHaveAttribute("dir", dirOf(locale));
}

const nav = (page: Page, locale: Locale, item: MessageId) => page.getByRole("navigation", { name: t(locale, "nav.label") }).getByRole("link", { name: t(locale, item), exact: true });
const status = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });
const plusDays = (day: string, n: number) => new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);
/** A Monday after 2040 of its own per run and language: a reviewer booked twice at once is refused (other specs book 2031-2037). */
const RUN = Math.floor(Date.now() / 60_000) % 300;
const reviewWeek = (locale: (typeof LOCALES)[number]) => plusDays("2040-01-02", 7 * (RUN * LOCALES.length + LOCALES.indexOf(locale)));

// journeys through several pages after API set-up: more time than the default on a busy machine
test.describe.configure({ timeout: 60_000 });

for (const locale of LOCALES) {
  test.describe(`in ${locale}`, () => {
    const cast = CAST[locale];

    test("a city officer saves a self-assessment draft, opens the pilot and declares an expense", async ({ page, baseURL }) => {
      const manager = await session(baseURL!, demo.manager);
      const cityApi = await session(baseURL!, cast.officer.email);
      const round = await openRound(manager, cast.officer.community, `Spring check ${locale} ${Date.now()}`);
      await grantWithApprovedBudget(cityApi, manager);
      const description = `Interpreters for the welcome desk (${locale} ${Date.now()})`;
      try {
        await openAs(page, cast.officer.email, locale);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

        await nav(page, locale, "nav.benchmarks").click();
        await page.getByRole("article", { name: cast.officer.community }).getByRole("link", { name: t(locale, "rounds.selfAssessment", { round: round.name }) }).click();
        await expect(page.getByRole("heading", { level: 1, name: t(locale, "submission.title", { round: round.name, city: cast.officer.organisation }) })).toBeVisible();
        const first = page.getByRole("radiogroup").first();
        await setChoice(first.getByRole("radio", { name: new RegExp(`^${t(locale, "level.label", { level: 2 })}`) }));
        await expect(status(page, tPattern(locale, "submission.savedAt", { time: /.+/ }))).toBeVisible();

        await nav(page, locale, "nav.myPilot").click();
        await expect(page).toHaveURL(/\/pilots\/(?!mine)/);
        await expect(page.getByRole("heading", { level: 1 })).toContainText(cast.officer.city);

        await nav(page, locale, "nav.myGrant").click();
        await expect(page.getByRole("heading", { level: 1, name: t(locale, "grants.page.title", { city: cast.officer.city }) })).toBeVisible();
        const form = page.getByRole("form", { name: t(locale, "grants.expenseForm.title") });
        await form.getByLabel(t(locale, "grants.col.date"), { exact: true }).fill(new Date().toISOString().slice(0, 10));
        await form.getByLabel(t(locale, "grants.col.category"), { exact: true }).selectOption({ label: t(locale, "grants.category.STAFF") });
        await form.getByLabel(t(locale, "grants.amountEur"), { exact: true }).fill("240");
        await form.getByLabel(t(locale, "grants.col.description"), { exact: true }).fill(description);
        await form.getByLabel(t(locale, "grants.col.supplier"), { exact: true }).fill("Language Bridge AB");
        await form.getByRole("button", { name: t(locale, "grants.expenseForm.submit") }).click();
        await expect(status(page, t(locale, "grants.expense.declared", { description }))).toBeVisible();
        await expect(page.getByRole("table", { name: t(locale, "grants.expenses.caption") }).getByRole("row", { name: new RegExp(description.replace(/[()]/g, "\\$&")) })).toBeVisible();
      } finally {
        await setMyLocale(page.request, "en");
      }
    });

    test("a peer reviewer opens a review from their list and saves a score", async ({ page, baseURL }) => {
      const manager = await session(baseURL!, demo.manager);
      const reviewerId = await myId(await session(baseURL!, cast.reviewer));
      const partnerId = await myId(await session(baseURL!, reviewer("nantes")));
      const week = reviewWeek(locale);
      await scheduleReview(manager, { pilotId: await pilotOf(manager, "Dortmund"), startsOn: week, endsOn: plusDays(week, 2), reviewerIds: [reviewerId, partnerId] });
      try {
        await openAs(page, cast.reviewer, locale);
        await nav(page, locale, "nav.myReviews").click();
        await expect(page.getByRole("heading", { level: 1, name: t(locale, "myReviews.title") })).toBeVisible();
        const reviewOf = t(locale, "reviews.reviewOf", { city: "Dortmund" });
        const card = page.getByRole("article").filter({ has: page.locator(`time[datetime="${week}"]`) });
        await card.getByRole("link", { name: reviewOf }).click();
        await expect(page.getByRole("heading", { level: 1, name: reviewOf })).toBeVisible();

        const scoring = page.getByRole("region", { name: t(locale, "scoring.title") });
        const three = new Intl.NumberFormat(locale === "fa" ? "fa-u-ca-gregory" : locale).format(3);
        await setChoice(scoring.getByRole("radiogroup").first().getByRole("radio", { name: new RegExp(`^${three}\\s`) }));
        await scoring.getByRole("button", { name: t(locale, "scoring.save"), exact: true }).click();
        await expect(scoring.getByRole("status")).toHaveText(t(locale, "scoring.saved"));
      } finally {
        await setMyLocale(page.request, "en");
      }
    });

    test("a project manager reads a grant of the portfolio and validates a self-assessment", async ({ page, baseURL }) => {
      const manager = await session(baseURL!, demo.manager);
      const round = await openRound(manager, "Early labour-market integration", `Autumn check ${locale} ${Date.now()}`);
      await submitSelfAssessment(await session(baseURL!, demo.dortmundOfficer), round);
      try {
        await openAs(page, demo.manager, locale);
        await nav(page, locale, "nav.grants").click();
        await expect(page.getByRole("heading", { level: 1, name: t(locale, "grants.portfolio.title") })).toBeVisible();
        await page.getByRole("table").getByRole("link", { name: "Dortmund", exact: true }).click();
        await expect(page.getByRole("heading", { level: 1, name: t(locale, "grants.page.title", { city: "Dortmund" }) })).toBeVisible();

        await nav(page, locale, "nav.benchmarks").click();
        await page.getByRole("link", { name: t(locale, "rounds.queueOf", { round: round.name }) }).click();
        await expect(page.getByRole("heading", { level: 1, name: t(locale, "queue.title", { round: round.name }) })).toBeVisible();
        await page.getByRole("link", { name: t(locale, "queue.review", { city: "Dortmund" }) }).click();
        await expect(page.getByRole("heading", { level: 1, name: t(locale, "validation.title", { city: "Dortmund", round: round.name }) })).toBeVisible();
        await page.getByRole("button", { name: t(locale, "validation.validate"), exact: true }).click();
        await expect(status(page, t(locale, "validation.validated", { city: "Dortmund" }))).toBeVisible();
        expect(new URL(page.url()).pathname).toContain(rawId(round.id));
      } finally {
        await setMyLocale(page.request, "en");
      }
    });

    test("a mentor opens a support plan and adds an action", async ({ page, baseURL }) => {
      await mentoring(await session(baseURL!, demo.manager), mentor("vienna"));
      const action = `Map the advice services (${locale} ${Date.now()})`;
      try {
        await openAs(page, mentor("vienna"), locale);
        await nav(page, locale, "nav.mentoring").click();
        await expect(page.getByRole("heading", { level: 1, name: t(locale, "mentoring.title") })).toBeVisible();
        await page.getByRole("link", { name: t(locale, "mentoring.cardTitle", { city: MENTEE_CITY }) }).click();
        await expect(page.getByRole("heading", { level: 1, name: t(locale, "plan.title", { city: MENTEE_CITY }) })).toBeVisible();

        await page.getByRole("button", { name: t(locale, "plan.addAction") }).click();
        const dialog = page.getByRole("dialog", { name: t(locale, "plan.addAction") });
        await dialog.getByLabel(t(locale, "plan.actionTitle"), { exact: true }).fill(action);
        await dialog.getByLabel(t(locale, "plan.actionOwner"), { exact: true }).fill("Integration office Bregenz");
        await dialog.getByRole("button", { name: t(locale, "plan.saveAction") }).click();
        await expect(dialog).toHaveCount(0);
        await expect(page.getByRole("row").filter({ hasText: action })).toContainText("Integration office Bregenz");
      } finally {
        await setMyLocale(page.request, "en");
      }
    });

    test("an admin invites a person", async ({ page }) => {
      const email = `amal.haddad.${locale}.${Date.now()}@example.org`;
      try {
        await openAs(page, demo.admin, locale);
        await nav(page, locale, "nav.users").click();
        await expect(page.getByRole("heading", { level: 1, name: t(locale, "users.title") })).toBeVisible();
        await page.getByRole("button", { name: t(locale, "users.invite") }).click();
        const dialog = page.getByRole("dialog", { name: t(locale, "invite.title") });
        await dialog.getByLabel(t(locale, "invite.email"), { exact: true }).fill(email);
        await dialog.getByLabel(t(locale, "invite.name"), { exact: true }).fill("Amal Haddad");
        await dialog.getByLabel(t(locale, "invite.organization"), { exact: true }).selectOption({ label: "Eurocities Asbl" });
        await setChoice(dialog.getByRole("checkbox", { name: t(locale, "role.PROJECT_MANAGER") }));
        await dialog.getByRole("button", { name: t(locale, "invite.submit") }).click();
        await expect(dialog).toHaveCount(0);
        await expect(status(page, t(locale, "invite.sent", { email }))).toBeVisible();
      } finally {
        await setMyLocale(page.request, "en");
      }
    });
  });
}
