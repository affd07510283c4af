import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, it } from "vitest";
import { ADVISORY_LOCKS } from "@/db/advisory-locks";

/* One module holds every advisory-lock key (db/advisory-locks.ts): distinct keys, and no key written elsewhere. */

it("every advisory-lock key is distinct", () => {
  const keys = Object.values(ADVISORY_LOCKS);
  expect(new Set(keys).size).toBe(keys.length);
  for (const key of keys) expect(Number.isSafeInteger(key)).toBe(true);
});

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path);
    return /\.(ts|tsx|mjs|cjs)$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

it("advisory locks are taken only with a key of db/advisory-locks.ts", () => {
  const root = join(__dirname, "..");
  const offenders: string[] = [];
  for (const folder of ["app", "db", "lib", "scripts"]) {
    for (const file of sourceFiles(join(root, folder))) {
      const text = readFileSync(file, "utf8");
      // A call site must name its key through ADVISORY_LOCKS, never a number of its own.
      for (const match of text.matchAll(/pg_(?:try_)?advisory_(?:xact_)?(?:un)?lock(?:_shared)?\((?:\$\{)?\s*([^)}]*)/g)) {
        if (!/ADVISORY_LOCKS\.\w+|\$1/.test(match[1]!)) offenders.push(`${relative(root, file)}: ${match[0]}`);
      }
      for (const match of text.matchAll(/\b724_?310_?\d{3}\b/g)) {
        if (!file.endsWith(join("db", "advisory-locks.ts"))) offenders.push(`${relative(root, file)}: ${match[0]}`);
      }
    }
  }
  expect(offenders).toEqual([]);
});
