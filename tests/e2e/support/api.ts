import { expect, type APIRequestContext } from "@playwright/test";

/**
 * A GraphQL request with the cookies of `request` (a page's `page.request` shares the browser's jar).
 * For setting up and cleaning up around a journey; the journey itself goes through the UI.
 */
export async function gql<T = Record<string, unknown>>(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request.post("/graphql", {
    headers: { "content-type": "application/json", "x-graphql-yoga-csrf": "1" },
    data: { query, variables },
  });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

/** Saves the signed-in person's language on their account (restores state other specs expect). */
export async function setMyLocale(request: APIRequestContext, locale: string) {
  await gql(request, "mutation ($input: UpdateMyLocaleInput!) { updateMyLocale(input: $input) { __typename } }", { input: { locale } });
}

/** Marks all of the signed-in person's notifications read, so a spec can count from zero. */
export async function markAllNotificationsRead(request: APIRequestContext) {
  await gql(request, "mutation { markNotificationsRead(input: { all: true }) }");
}

/** Changes the signed-in person's password; resolves to the result's __typename. */
export async function changePassword(request: APIRequestContext, currentPassword: string, newPassword: string): Promise<string> {
  const data = await gql<{ changePassword: { __typename: string } }>(
    request,
    "mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { __typename } }",
    { input: { currentPassword, newPassword } },
  );
  return data.changePassword.__typename;
}
