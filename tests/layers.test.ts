import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { expect, it } from "vitest";

/*
 * Layers (issue 12): db/ is the persistence layer, below the domain. It may import only a small kernel of
 * lib/, modules that hold no domain behaviour:
 *
 *   lib/rules/types               types: the facts, findings and snapshot the rules read (db builds them)
 *   lib/rules/iso-date            dates: calendar arithmetic on YYYY-MM-DD
 *   lib/errors                    errors: the typed error with stable codes
 *   lib/taxonomy/data-categories  reference data: the data-category taxonomy the reference seed writes
 *
 * Enums are db's own (db/schema/enums.ts), as are the advisory-lock keys (db/advisory-locks.ts). Anything
 * else (fingerprints, rule titles, packed-format parsers, caches, the audit chain, seeding with audit
 * events) lives in lib/ and calls db/, never the other way round. A kernel module imports only other kernel
 * modules and db/schema/enums, so that the kernel stays closed.
 */
const KERNEL = ["lib/rules/types", "lib/rules/iso-date", "lib/errors", "lib/taxonomy/data-categories"];

const ROOT = join(__dirname, "..");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports (static, dynamic, type-only), resolved to a path from the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g),
    ...text.matchAll(/(?:^|\n)\s*import\s+["']([^"']+)["']/g),
    ...text.matchAll(/\b(?:import|require)\(\s*["']([^"']+)["']\s*\)/g),
  ].map((match) => match[1]!);
  return specifiers.map((specifier) => {
    if (specifier.startsWith("@/")) return specifier.slice(2);
    if (specifier.startsWith(".")) return relative(ROOT, join(dirname(file), specifier));
    return specifier;
  });
}

const withoutExtension = (path: string) => path.replace(/\.(ts|tsx|mts|cts|js|mjs|cjs)$/, "");

it("db/ imports nothing from lib/ outside the kernel", () => {
  const offenders: string[] = [];
  for (const file of sourceFiles(join(ROOT, "db"))) {
    for (const target of importsOf(file)) {
      if (target.startsWith("lib/") && !KERNEL.includes(withoutExtension(target))) offenders.push(`${relative(ROOT, file)} -> ${target}`);
    }
  }
  expect(offenders).toEqual([]);
});

it("the kernel imports only the kernel and db's enums", () => {
  const offenders: string[] = [];
  for (const module of KERNEL) {
    const file = join(ROOT, `${module}.ts`);
    for (const target of importsOf(file)) {
      const allowed = KERNEL.includes(withoutExtension(target)) || target === "db/schema/enums" || !/^(lib|db|app|components)\//.test(target);
      if (!allowed) offenders.push(`${module} -> ${target}`);
    }
  }
  expect(offenders).toEqual([]);
});
