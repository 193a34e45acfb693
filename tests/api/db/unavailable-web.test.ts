import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "@citypeer/db";
import { createApp, CSRF_HEADER } from "@citypeer/api/app";
import { apolloError } from "../../../apps/web/scripts/apollo-error.ts";
import { errorCode } from "../../../apps/web/src/ui/error-code.ts";

// Nothing listens on port 9: the API answers 503 DATABASE_UNAVAILABLE, as during a database restart.
let db: Db;
let yoga: ReturnType<typeof createApp>["yoga"];
beforeAll(async () => {
  db = await createDb({ url: "postgresql://postgres:postgres@127.0.0.1:9/citypeer", migrate: false, poolSize: 1 });
  yoga = createApp({ db }).yoga;
});
afterAll(() => db.close());

it("tells the web reader the service is briefly unavailable (nothing saved, try again), not 'something went wrong'", async () => {
  // signed in: the session lookup needs the database
  const fetchApi: typeof fetch = (url, init) =>
    Promise.resolve(yoga.fetch(String(url), { ...init, headers: { ...(init?.headers as Record<string, string>), [CSRF_HEADER]: "1", cookie: "citypeer_session=some-token" } }));
  const error = await apolloError(fetchApi, "{ me { id } }");
  expect(errorCode(error)).toBe("unavailable");
});
