import { describe, expect, it } from "vitest";
import { THROTTLE, backoffSeconds, signInSchema } from "./identity.ts";

describe("sign-in input", () => {
  it("normalises the e-mail address", () => {
    expect(signInSchema.parse({ email: "  Officer.Dortmund@CityPeer.eu ", password: "x" }).email).toBe("officer.dortmund@citypeer.eu");
  });
  it.each([
    [{ email: "not-an-address", password: "x" }, "email"],
    [{ email: "a@b.eu", password: "" }, "password"],
  ])("refuses %o on %s", (input, field) => {
    const result = signInSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});

describe("sign-in backoff", () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1],
    [6, 2],
    [9, 16],
    [10, 30],
    [100, 30],
  ])("an account with %i failures waits %i s", (failures, seconds) => {
    expect(backoffSeconds(failures, THROTTLE.account)).toBe(seconds);
  });
  it("caps an address at fifteen minutes", () => {
    expect(backoffSeconds(1000, THROTTLE.address)).toBe(900);
  });
});
