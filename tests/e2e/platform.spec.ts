import { expect, test, type Page } from "@playwright/test";
import { changePassword, markAllNotificationsRead } from "./support/api.ts";
import { DEMO_PASSWORD, demo, mentor, officer, reviewer } from "./support/demo.ts";
import { setChoice } from "./support/choices.ts";
import { linkIn, waitForMail } from "./support/mailbox.ts";
import { signIn, signInThroughForm } from "./support/sign-in.ts";

// E-mails really travel: the API sends through SMTP to the server started in globalSetup.

/** The user table filtered to one person through the search box; resolves to their row. */
async function findUser(page: Page, search: string) {
  await page.goto("/admin/users");
  await page.getByLabel("Search by name or e-mail").fill(search);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(search).replace(/%20/g, "\\+")}`));
  const row = page.getByRole("row").filter({ hasText: search });
  await expect(row).toHaveCount(1);
  return row;
}

test("filters users by organisation, role and search, and pages through them", async ({ page }) => {
  await signIn(page, demo.admin);
  await page.goto("/admin/users");
  const rows = page.getByRole("table", { name: "User accounts" }).getByRole("rowgroup").nth(1).getByRole("row");
  const count = page.getByRole("status").filter({ hasText: /^\d+ users?$/ });
  await expect(rows).toHaveCount(20);
  const total = Number((await count.textContent())?.split(" ")[0]);
  expect(total).toBeGreaterThan(20);

  await page.getByRole("button", { name: "Next page" }).click();
  await expect(rows).toHaveCount(total - 20);
  await expect(page.getByRole("button", { name: "Next page" })).toBeDisabled();
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(rows).toHaveCount(20);
  await expect(rows.first()).toContainText(demo.adminName);

  await page.getByLabel("Organisation", { exact: true }).selectOption({ label: "Stadt Wien" });
  await expect(count).toHaveText("3 users");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Mentor" });
  await expect(count).toHaveText("1 user");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Vienna Mentor");
  // the filters live in the address: back undoes the last one
  await page.goBack();
  await expect(count).toHaveText("3 users");
  await expect(page.getByLabel("Role", { exact: true })).toHaveValue("");

  await page.getByLabel("Search by name or e-mail").fill("nobody by that name");
  await expect(page.getByText("No users match these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(count).toHaveText(`${total} users`);
  await expect(page.getByLabel("Search by name or e-mail")).toHaveValue("");
});

test("an admin invites a person, who chooses a password from the e-mailed link and signs in", async ({ page, browser }) => {
  test.setTimeout(60_000);
  const email = `lena.novak.${Date.now()}@example.org`;
  const name = "Lena Novak";
  const password = "lantern harbour violet";
  await signIn(page, demo.admin);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

  await page.getByRole("button", { name: "Invite a person" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a person" });
  // an address that already has an account is refused next to the field
  await dialog.getByLabel("E-mail address").fill(officer("milan"));
  await dialog.getByLabel("Full name").fill(name);
  await dialog.getByLabel("Organisation").selectOption({ label: "Stad Gent" });
  await setChoice(dialog.getByRole("checkbox", { name: "City officer" }));
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog.getByLabel("E-mail address")).toHaveAccessibleDescription("An account with this e-mail address already exists.");
  await expect(dialog.getByLabel("E-mail address")).toBeFocused();

  const since = Date.now();
  await dialog.getByLabel("E-mail address").fill(email);
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${email}.` })).toBeVisible();
  const row = await findUser(page, email);
  await expect(row.getByRole("cell", { name: "Invitation pending" })).toBeVisible();
  await expect(row).toContainText("Stad Gent");

  const mail = await waitForMail({ to: email, since, subject: "You are invited to citypeer" });
  expect(mail.text).toContain(`Hello ${name}, ${demo.adminName} has invited you to citypeer`);
  const link = linkIn(mail, "/accept-invitation");
  expect(link.origin).toBe(new URL(page.url()).origin);

  // the invitee, in their own browser
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link.href);
  await expect(invitee.getByRole("heading", { level: 1, name: "Choose your password" })).toBeVisible();
  await invitee.getByLabel("New password", { exact: true }).fill("too short");
  await invitee.getByLabel("Repeat the new password").fill("something else");
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee.getByLabel("New password", { exact: true })).toHaveAccessibleDescription(/Use at least 12 characters\./);
  await expect(invitee.getByLabel("Repeat the new password")).toHaveAccessibleDescription("The two passwords are not the same.");

  await invitee.getByLabel("New password", { exact: true }).fill(password);
  await invitee.getByLabel("Repeat the new password").fill(password);
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee).toHaveURL(/\/sign-in$/);
  await expect(invitee.getByRole("status")).toHaveText("Your password is set. You can now sign in.");

  await invitee.getByLabel("Email address").fill(email);
  await invitee.getByLabel("Password").fill(password);
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee).toHaveURL(/\/communities$/);
  await expect(invitee.getByText(`Signed in as ${name}`)).toBeVisible();
  await context.close();

  // the admin's list now shows the account as active
  await page.reload();
  await expect(row.getByRole("cell", { name: "Active", exact: true })).toBeVisible();
});

test("resets a forgotten password through the e-mailed link, which works once", async ({ page }) => {
  test.setTimeout(60_000);
  const email = officer("ghent");
  const newPassword = "a brand new ghent password";
  let restored = false;
  try {
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
    const since = Date.now();
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send link" }).click();
    await expect(page.getByRole("status")).toContainText("If an account exists for this address, we have sent a link to it.");

    const mail = await waitForMail({ to: email, since, subject: "Reset your citypeer password" });
    const link = linkIn(mail, "/reset-password");
    await page.goto(link.href);
    await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Repeat the new password").fill(newPassword);
    await page.getByRole("button", { name: "Save new password" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("status")).toHaveText("Your password was changed. Sign in with your new password.");

    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(newPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/communities$/);

    // the same link a second time: refused, with the way to a new one
    await page.goto(link.href);
    await page.getByLabel("New password", { exact: true }).fill("yet another long password");
    await page.getByLabel("Repeat the new password").fill("yet another long password");
    await page.getByRole("button", { name: "Save new password" }).click();
    await expect(page.getByRole("alert")).toContainText("This link is invalid or has expired.");
    await page.getByRole("link", { name: "Request a new link" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);

    // back to the demo password on the account page; a wrong current password is shown at its field
    await page.getByRole("link", { name: "Your account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await page.getByLabel("Current password").fill("not my password");
    await page.getByLabel("New password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel("Repeat the new password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByLabel("Current password")).toHaveAccessibleDescription("The current password is not correct.");
    await expect(page.getByLabel("Current password")).toBeFocused();
    await page.getByLabel("Current password").fill(newPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your password was changed." })).toBeVisible();
    restored = true;
    await page.context().clearCookies();
    await signIn(page, email); // the demo password works again
  } finally {
    // other specs sign in as this officer with the demo password
    if (!restored) {
      await page.context().clearCookies();
      await signIn(page, email, newPassword).catch(() => {});
      await changePassword(page.request, newPassword, DEMO_PASSWORD).catch(() => {});
    }
  }
});

test("deactivating a person ends their open session; reactivating lets them back", async ({ page, browser }) => {
  const email = mentor("gothenburg");
  const name = "Gothenburg Mentor";
  const context = await browser.newContext();
  const theirs = await context.newPage();
  await signIn(theirs, email);
  await theirs.goto("/communities");
  await expect(theirs.getByRole("heading", { level: 1, name: "Communities of practice" })).toBeVisible();

  await signIn(page, demo.admin);
  const row = await findUser(page, email);
  await row.getByRole("button", { name: `Deactivate ${name}` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Deactivate ${name}?` });
  await confirm.getByRole("button", { name: "Deactivate", exact: true }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `${name} was deactivated and signed out.` })).toBeVisible();
  await expect(row.getByRole("cell", { name: /^Deactivated/ })).toBeVisible();

  // their next request finds the session gone
  await theirs.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  await expect(theirs).toHaveURL(/\/sign-in$/);
  await signInThroughForm(theirs, email);
  await expect(theirs.getByLabel("Password")).toHaveAccessibleDescription("The email address or password is not correct.");

  await row.getByRole("button", { name: `Reactivate ${name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${name} can sign in again.` })).toBeVisible();
  await expect(row.getByRole("cell", { name: "Active", exact: true })).toBeVisible();
  await theirs.getByRole("button", { name: "Sign in" }).click();
  await expect(theirs.getByText(`Signed in as ${name}`)).toBeVisible();
  await context.close();

  // both changes are in the person's history, newest first, with who did them
  await row.getByRole("button", { name: `History of ${name}` }).click();
  const history = page.getByRole("dialog", { name: `History of ${name}` });
  const entries = history.getByRole("listitem");
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText("Reactivated");
  await expect(entries.nth(1)).toContainText("Deactivated");
  await expect(entries.nth(0)).toContainText(demo.adminName);
  await expect(entries.nth(0).getByRole("definition")).toContainText(/from .+ to none/);
  await history.getByRole("button", { name: "Close" }).click();
  await expect(history).toHaveCount(0);
  await expect(row.getByRole("button", { name: `History of ${name}` })).toBeFocused();

  // an admin cannot lock themselves out
  const self = await findUser(page, demo.admin);
  await self.getByRole("button", { name: `Deactivate ${demo.adminName}` }).click();
  const selfConfirm = page.getByRole("alertdialog", { name: `Deactivate ${demo.adminName}?` });
  await selfConfirm.getByRole("button", { name: "Deactivate", exact: true }).click();
  await expect(selfConfirm.getByRole("alert")).toHaveText("You cannot deactivate your own account.");
  await selfConfirm.getByRole("button", { name: "Cancel" }).click();
  await expect(self.getByRole("cell", { name: "Active", exact: true })).toBeVisible();
});

test("a role change rings the bell; marking it read clears it; e-mail preferences persist", async ({ page, browser }) => {
  const email = reviewer("lublin");
  const name = "Lublin Reviewer";
  const context = await browser.newContext();
  const theirs = await context.newPage();
  await signIn(theirs, email);
  await markAllNotificationsRead(theirs.request);
  await theirs.goto("/");
  const bell = theirs.getByRole("link", { name: /^Notifications,/ });
  await expect(bell).toHaveAccessibleName("Notifications, none unread");

  // the admin gives them the mentor role too; taking away the last admin role is refused
  await signIn(page, demo.admin);
  const self = await findUser(page, demo.admin);
  await self.getByRole("button", { name: `Edit ${demo.adminName}` }).click();
  const selfEdit = page.getByRole("dialog", { name: `Edit ${demo.adminName}` });
  await setChoice(selfEdit.getByRole("checkbox", { name: "Administrator" }), false);
  await setChoice(selfEdit.getByRole("checkbox", { name: "Project manager" }));
  await selfEdit.getByRole("button", { name: "Save changes" }).click();
  await expect(selfEdit.getByRole("group", { name: "Roles" })).toHaveAccessibleDescription(/At least one active administrator must remain\./);
  await selfEdit.getByRole("button", { name: "Cancel" }).click();

  const row = await findUser(page, email);
  await row.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("dialog", { name: `Edit ${name}` });
  await expect(edit.getByRole("checkbox", { name: "Peer reviewer" })).toBeChecked();
  await setChoice(edit.getByRole("checkbox", { name: "Mentor" }));
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `Changes saved for ${name}.` })).toBeVisible();
  await expect(row).toContainText("Peer reviewer and Mentor");

  // their bell shows it on their next navigation
  await theirs.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Communities" }).click();
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await bell.click();
  await expect(theirs.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const item = theirs.getByRole("listitem").filter({ hasText: "Your roles changed" });
  await expect(item).toContainText("Your roles now: Peer reviewer and Mentor.");
  await item.getByRole("button", { name: "Mark as read (Your roles changed)" }).click();
  await expect(bell).toHaveAccessibleName("Notifications, none unread");
  await expect(item.getByRole("button", { name: /^Mark as read/ })).toHaveCount(0);
  await theirs.reload();
  await expect(bell).toHaveAccessibleName("Notifications, none unread");
  await expect(theirs.getByRole("listitem").filter({ hasText: "Your roles changed" })).toBeVisible();

  // e-mail preferences: one kind to "no e-mail", kept after a reload
  await theirs.getByRole("link", { name: "Preferences" }).click();
  await expect(theirs.getByRole("heading", { level: 1, name: "Notification preferences" })).toBeVisible();
  const rolesChanged = theirs.getByRole("radiogroup", { name: "Your roles changed" });
  await expect(rolesChanged.getByRole("radio", { name: "Immediately" })).toBeChecked();
  await setChoice(rolesChanged.getByRole("radio", { name: "No e-mail" }));
  await theirs.getByRole("button", { name: "Save preferences" }).click();
  await expect(theirs.getByRole("status").filter({ hasText: "Your preferences were saved." })).toBeVisible();
  await theirs.reload();
  await expect(theirs.getByRole("radiogroup", { name: "Your roles changed" }).getByRole("radio", { name: "No e-mail" })).toBeChecked();
  await expect(theirs.getByRole("radiogroup", { name: "Your password was changed" }).getByRole("radio", { name: "Immediately" })).toBeChecked();
  await context.close();
});
