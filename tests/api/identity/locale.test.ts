import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.ts";

const UPDATE = /* GraphQL */ `
  mutation ($input: UpdateMyLocaleInput!) {
    updateMyLocale(input: $input) {
      __typename
      ... on MutationUpdateMyLocaleSuccess { data { locale } }
      ... on InputError { issues { path code } }
    }
  }
`;

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

it("stores the chosen language on the user", async () => {
  const user = await app.make.user();
  const res = await app.gql(user, UPDATE, { input: { locale: "ar" } });
  expect(res.data.updateMyLocale.data.locale).toBe("ar");
  expect((await app.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("ar");
});

it("refuses a language without a catalogue, on the locale field", async () => {
  const user = await app.make.user();
  const res = await app.gql(user, UPDATE, { input: { locale: "xx" } });
  expect(res.data.updateMyLocale).toEqual({ __typename: "InputError", issues: [{ path: ["locale"], code: "unsupported_locale" }] });
  expect((await app.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("en");
});

it("refuses an anonymous request and writes nothing", async () => {
  const before = await app.prisma.user.findMany({ select: { locale: true } });
  const res = await app.gql(null, UPDATE, { input: { locale: "de" } });
  expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  expect(res.data?.updateMyLocale ?? null).toBeNull();
  expect(await app.prisma.user.findMany({ select: { locale: true } })).toEqual(before);
});
