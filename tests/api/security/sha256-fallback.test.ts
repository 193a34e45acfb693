import { afterEach, expect, it, vi } from "vitest";
import { sha256Hex } from "../../../apps/web/src/app/persisted-document.ts";

afterEach(() => vi.unstubAllGlobals());

it("names persisted operations with the same hash where crypto.subtle is missing (plain HTTP on a network address)", async () => {
  const text = "query Me { me { id name __typename } }";
  const withSubtle = await sha256Hex(text);
  vi.stubGlobal("crypto", {}); // what a browser exposes outside a secure context
  expect(globalThis.crypto.subtle).toBeUndefined();
  expect(await sha256Hex(text)).toBe(withSubtle);
  expect(await sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
});
