import { describe, expect, it } from "vitest";
import { diffRecords, jsonEqual } from "@/components/audit/diff";

describe("diffRecords", () => {
  it("lists only the keys whose values changed, sorted", () => {
    const before = { version: 1, role: "engineer", name: "Wei", disabledAt: null };
    const after = { version: 2, role: "dpo", name: "Wei", disabledAt: null };
    expect(diffRecords(before, after)).toEqual([
      { key: "role", kind: "changed", before: "engineer", after: "dpo" },
      { key: "version", kind: "changed", before: 1, after: 2 },
    ]);
  });

  it("marks keys present on one side only as added or removed", () => {
    expect(diffRecords({ a: 1, gone: "x" }, { a: 1, fresh: null })).toEqual([
      { key: "fresh", kind: "added", before: undefined, after: null },
      { key: "gone", kind: "removed", before: "x", after: undefined },
    ]);
  });

  it("treats a creation as every key added, and a deletion as every key removed", () => {
    expect(diffRecords(null, { name: "ci", prefix: "tgv_abc" }).map((change) => [change.key, change.kind])).toEqual([
      ["name", "added"],
      ["prefix", "added"],
    ]);
    expect(diffRecords({ name: "ci" }, undefined)).toEqual([{ key: "name", kind: "removed", before: "ci", after: undefined }]);
    expect(diffRecords(null, null)).toEqual([]);
  });

  it("compares nested values structurally, ignoring key order", () => {
    const before = { facts: { b: 2, a: [1, { x: true }] }, list: ["EU", "US"] };
    expect(diffRecords(before, { facts: { a: [1, { x: true }], b: 2 }, list: ["EU", "US"] })).toEqual([]);
    expect(diffRecords(before, { facts: { a: [1, { x: false }], b: 2 }, list: ["US", "EU"] }).map((change) => change.key)).toEqual([
      "facts",
      "list",
    ]);
  });

  it("distinguishes null, missing, 0, false and the empty string", () => {
    expect(jsonEqual(null, undefined)).toBe(false);
    expect(jsonEqual(0, false)).toBe(false);
    expect(jsonEqual("", null)).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(diffRecords({ a: null }, { a: 0 })).toEqual([{ key: "a", kind: "changed", before: null, after: 0 }]);
  });
});
