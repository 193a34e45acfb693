import { expect, type Locator } from "@playwright/test";

/**
 * Ticks or clears a react-aria checkbox or radio the way a person does: by clicking its label.
 * The real input is visually hidden (1 px under the drawn box), so Playwright's check() cannot
 * click it without `force`; the locator still finds it by role and name.
 */
export async function setChoice(option: Locator, checked = true) {
  if ((await option.isChecked()) !== checked) await option.locator("xpath=ancestor::label[1]").click();
  if (checked) await expect(option).toBeChecked();
  else await expect(option).not.toBeChecked();
}
