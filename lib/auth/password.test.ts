import { describe, expect, it } from "vitest";
import { assertPasswordPolicy, passwordWeakness } from "./password";

describe("passwordWeakness: the policy wherever a password is set (issue 14)", () => {
  it.each(["correct horse battery staple", "xK9#mQ2$vL7@pR", "long-enough-pass", "Tr4nsfer-reviews: Thursday 9h"])("accepts %j", (password) => {
    expect(passwordWeakness(password, { email: "dana@example.test", name: "Dana Scully" })).toBeNull();
  });

  it("refuses fewer than 12 characters", () => {
    expect(passwordWeakness("xK9#mQ2$vL7")).toBe("must be at least 12 characters");
  });

  it.each(["password1234", "qwertyuiop12", "123456789012", "passwordpassword"])("refuses the common or predictable %j, saying why", (password) => {
    expect(passwordWeakness(password)).toMatch(/commonly used|too easy to guess/);
  });

  it("refuses a common password even when long enough (the list, not only the score)", () => {
    expect(passwordWeakness("abcdefghijklmnopqrstuvwxyz")).not.toBeNull();
    expect(passwordWeakness("1q2w3e4r5t6y")).toMatch(/commonly used/);
  });

  it("refuses a password made of the account's own email or name", () => {
    expect(passwordWeakness("dana.scully@example.test", { email: "dana.scully@example.test" })).toMatch(/too easy to guess/);
    expect(passwordWeakness("danascully2026", { name: "Dana Scully", email: "dana@example.test" })).toMatch(/too easy to guess/);
  });

  it("judges only the 72 bytes bcrypt hashes: strength after them does not count", () => {
    expect(passwordWeakness(`${"a".repeat(72)}xK9#mQ2$vL7@pR`)).toMatch(/too easy to guess/);
  });

  it("throws a validation error that names the field", () => {
    expect(() => assertPasswordPolicy("password1234")).toThrowError(expect.objectContaining({ code: "validation_failed", details: { fields: [{ path: "password", message: expect.stringContaining("commonly used") }] } }));
    expect(() => assertPasswordPolicy("password1234", {}, "newPassword")).toThrowError(/newPassword: /);
    expect(() => assertPasswordPolicy("correct horse battery staple")).not.toThrow();
  });
});
