import { describe, expect, it } from "vitest";
import { LOCALE_COOKIE_MAX_AGE_SECONDS, localeCookieAttributes, localeCookieString } from "./locale-cookie";

describe("the language cookie", () => {
  it("is written by the browser with the server's attributes: a year, the whole site, SameSite=Lax", () => {
    expect(LOCALE_COOKIE_MAX_AGE_SECONDS).toBe(31_536_000);
    expect(localeCookieString("fr", { name: "locale", secure: false })).toBe("locale=fr; Path=/; Max-Age=31536000; SameSite=Lax");
    expect(localeCookieAttributes({ secure: false })).toEqual({ path: "/", maxAge: 31_536_000, sameSite: "lax", httpOnly: false, secure: false });
  });

  it("is Secure over HTTPS only", () => {
    expect(localeCookieString("en", { name: "locale", secure: true })).toBe("locale=en; Path=/; Max-Age=31536000; SameSite=Lax; Secure");
    expect(localeCookieAttributes({ secure: true }).secure).toBe(true);
  });
});
