import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./demo.ts";

/** Signs in through the form, as a person would (only for tests of sign-in itself). */
export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in through the API; the browser context shares the cookie jar with `page.request`,
 * so the next page load is signed in. Faster, and keeps other tests off the sign-in form.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const response = await page.request.post("/graphql", {
    headers: { "content-type": "application/json", "x-graphql-yoga-csrf": "1" },
    data: {
      query: "mutation ($input: SignInInput!) { signIn(input: $input) { __typename ... on MutationSignInSuccess { data { id } } } }",
      variables: { input: { email, password } },
    },
  });
  expect(response.ok()).toBe(true);
  expect((await response.json()).data?.signIn?.__typename).toBe("MutationSignInSuccess");
}
