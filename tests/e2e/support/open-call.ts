import { expect, type Page } from "@playwright/test";

/** "2026-05-31T12:00" in the local time zone, as a datetime-local input takes it (the browser runs on this machine). */
export function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The raw id in the address of a page under /open-calls/<id> or /mentoring/<id>. */
export function idFromUrl(page: Page, prefix: string): string {
  const match = new URL(page.url()).pathname.match(new RegExp(`^${prefix}/([0-9a-f-]{36})`));
  expect(match, `no id in ${page.url()}`).not.toBeNull();
  return match![1]!;
}

export type Applicant = { city: string; country: string; contactName: string; contactEmail: string; languages: string[] };

/** Fills the public application form as a person would (the theme is preselected when the call has one). */
export async function fillApplication(page: Page, a: Applicant) {
  await page.getByLabel("City", { exact: true }).fill(a.city);
  await page.getByLabel("Country", { exact: true }).selectOption({ label: a.country });
  await page.getByLabel("Full name").fill(a.contactName);
  await page.getByLabel("Work e-mail address").fill(a.contactEmail);
  await page.getByLabel("Current situation").fill("A welcome desk in the town hall and a volunteer network; no common case management yet.");
  await page.getByLabel("Needs").fill("We want to connect job centre, language courses and employers for newly arrived refugees.");
  await page.getByLabel("Motivation").fill("Learning from a partner city that has built such a network.");
  for (const language of a.languages) {
    const box = page.getByRole("checkbox", { name: language, exact: true });
    if (!(await box.isChecked())) await box.locator("xpath=ancestor::label[1]").click();
    await expect(box).toBeChecked();
  }
}

/** A full-page screenshot for review when E2E_SCREENSHOT_DIR is set (`<dir>/<name>.png`); nothing otherwise. */
export async function snapshot(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
