import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "./callback-url";

const ORIGIN = "https://governance.example";

describe("safeCallbackPath: only a path of this site is followed (issue 14, open redirect)", () => {
  it.each([
    ["/", "/"],
    ["/transfers", "/transfers"],
    ["/transfers?destination=CN&page=2#flags", "/transfers?destination=CN&page=2#flags"],
    ["/setup/start", "/setup/start"],
    // A search may hold spaces or a backslash once decoded: only the path decides where the browser goes.
    ["/processors?q=a%20b", "/processors?q=a%20b"],
    ["/processors?q=back%5Cslash", "/processors?q=back%5Cslash"],
    // Normalised the way a browser resolves it, still on the site.
    ["/a/../flags", "/flags"],
  ])("keeps the same-origin path %j", (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%2F%2Fevil.example",
    "%2F%2Fevil.example",
    "/%252F%252Fevil.example",
    "/%25252F%25252Fevil.example",
    "https:evil.example",
    "https://evil.example",
    "http://evil.example/path",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/%09/evil.example",
    "/%0a/evil.example",
    " /transfers",
    "/%E0%A4%A",
    "",
  ])("sends %j home", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/");
  });

  it("sends a callback longer than any link of the site home", () => {
    expect(safeCallbackPath(`/${"a".repeat(3000)}`)).toBe("/");
  });

  it("sends anything that is not a string home", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(["/transfers"])).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
  });

  it("accepts an absolute URL of the site itself as its path, and no other origin", () => {
    expect(safeCallbackPath(`${ORIGIN}/flags?status=open`, ORIGIN)).toBe("/flags?status=open");
    expect(safeCallbackPath(`${ORIGIN}`, ORIGIN)).toBe("/");
    expect(safeCallbackPath("https://governance.example.evil.example/flags", ORIGIN)).toBe("/");
    expect(safeCallbackPath("https://governance.example@evil.example/flags", ORIGIN)).toBe("/");
    expect(safeCallbackPath("http://governance.example/flags", ORIGIN)).toBe("/");
    expect(safeCallbackPath(`${ORIGIN}/\\evil.example`, ORIGIN)).toBe("/");
    expect(safeCallbackPath(`${ORIGIN}//evil.example`, ORIGIN)).toBe("/");
    // Without the site's origin, no absolute URL is accepted at all.
    expect(safeCallbackPath(`${ORIGIN}/flags`)).toBe("/");
  });

  it("gives next-auth an absolute URL on its base URL", () => {
    expect(safeRedirectUrl("/sign-in", ORIGIN)).toBe(`${ORIGIN}/sign-in`);
    expect(safeRedirectUrl(`${ORIGIN}/transfers`, ORIGIN)).toBe(`${ORIGIN}/transfers`);
    expect(safeRedirectUrl("/\\evil.example", ORIGIN)).toBe(`${ORIGIN}/`);
    expect(safeRedirectUrl("https://evil.example/", ORIGIN)).toBe(`${ORIGIN}/`);
  });
});
