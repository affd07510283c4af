import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { MESSAGE_NAMESPACES } from "@/lib/i18n/namespaces";

/*
 * Issue 16: the UI's messages (lib/i18n/messages/<locale>/<namespace>.json) in English and French. Every key of
 * every namespace exists in both languages; every message is valid ICU (next-intl formats them with
 * intl-messageformat, and a stray brace or an apostrophe before a brace breaks a page at run time); the two
 * languages take the same placeholders; a French message is not the English one left untranslated, unless it is
 * a proper noun, a code or on the allow-list below. The code of the register areas only asks for keys that exist.
 */

const ROOT = join(__dirname, "..");
const MESSAGES = join(ROOT, "lib/i18n/messages");

type Tree = { [key: string]: string | Tree };

function load(locale: string, namespace: string): Tree {
  return JSON.parse(readFileSync(join(MESSAGES, locale, `${namespace}.json`), "utf8")) as Tree;
}

/** "a.b.c" -> message, for every leaf of a namespace's tree. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") leaves.set(path, value);
    else for (const [leaf, message] of flatten(value, path)) leaves.set(leaf, message);
  }
  return leaves;
}

/** The keys one language has and the other lacks. */
function missingKeys(from: Map<string, string>, to: Map<string, string>): string[] {
  return [...from.keys()].filter((key) => !to.has(key));
}

/** The arguments ({count}, {noun, select, …}) and rich-text tags (<link>) a message takes, nested branches included. */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      if (element.type === TYPE.tag) {
        found.add(`<${element.value}>`);
        walk(element.children);
        continue;
      }
      found.add(element.value);
      if (element.type === TYPE.select || element.type === TYPE.plural) for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(parse(message));
  return [...found].sort();
}

/**
 * French that may equal the English: names, codes, and the words both languages spell alike. A value made only
 * of placeholders, digits and punctuation ("{origin} → {destination}") needs no entry.
 */
const SAME_IN_BOTH = new Set([
  // Names and codes.
  "Hong Kong",
  "DPO",
  "API",
  "CSV",
  "XLSX",
  "PDF",
  "JSON",
  "CNIL",
  "ICO",
  "PIPL",
  "CCPA",
  "TLS 1.2",
  "TLS 1.3",
  // French words spelled as the English ones.
  "Actions",
  "Code",
  "Contact",
  "Date",
  "Description",
  "Destination",
  "Document",
  "Format",
  "Justification",
  "Notes",
  "Organisation",
  "Page",
  "Service",
  "Source",
  "Total",
  "Type",
  "Version",
]);

function untranslated(english: string, french: string): boolean {
  if (english !== french) return false;
  const words = english.replace(/\{[^{}]*\}/g, "").trim();
  if (!/\p{L}/u.test(words)) return false;
  return !SAME_IN_BOTH.has(words);
}

describe("the checks themselves", () => {
  it("find a key one language lacks, and none when both have it", () => {
    const en = flatten({ pager: { next: "Next", previous: "Previous" } });
    expect(missingKeys(en, flatten({ pager: { next: "Suivant" } }))).toEqual(["pager.previous"]);
    expect(missingKeys(en, flatten({ pager: { next: "Suivant", previous: "Précédent" } }))).toEqual([]);
  });

  it("read placeholders inside plural and select branches and tags, and refuse broken ICU", () => {
    expect(placeholders("{count, plural, one {{number} day} other {{number} days}}")).toEqual(["count", "number"]);
    expect(placeholders("Page {page} of {count}")).toEqual(["count", "page"]);
    expect(placeholders("See <link>the {name} page</link>")).toEqual(["<link>", "name"]);
    expect(placeholders("Nothing to fill")).toEqual([]);
    expect(() => placeholders("Page {page of {count}")).toThrow();
  });

  it("call English left in the French file untranslated, but not a name, a code or punctuation", () => {
    expect(untranslated("Open flags", "Open flags")).toBe(true);
    expect(untranslated("Open flags", "Alertes ouvertes")).toBe(false);
    expect(untranslated("{origin} → {destination}", "{origin} → {destination}")).toBe(false);
    expect(untranslated("Hong Kong", "Hong Kong")).toBe(false);
  });
});

describe.each(MESSAGE_NAMESPACES)("the %s messages", (namespace) => {
  const [en, fr] = LOCALES.includes("en") && LOCALES.includes("fr") ? [flatten(load("en", namespace)), flatten(load("fr", namespace))] : [new Map(), new Map()];

  it("have the same keys in English and French", () => {
    expect(missingKeys(en, fr), `in en/${namespace}.json, not in fr/${namespace}.json`).toEqual([]);
    expect(missingKeys(fr, en), `in fr/${namespace}.json, not in en/${namespace}.json`).toEqual([]);
  });

  it("are valid ICU and take the same placeholders in both languages", () => {
    const mismatched: string[] = [];
    for (const [key, english] of en) {
      const french = fr.get(key);
      if (french === undefined) continue;
      const [a, b] = [placeholders(english), placeholders(french)];
      if (a.join("|") !== b.join("|")) mismatched.push(`${key}: en {${a.join(", ")}} fr {${b.join(", ")}}`);
    }
    for (const [key, french] of fr) if (!en.has(key)) placeholders(french);
    expect(mismatched).toEqual([]);
  });

  it("are translated: no French message is the English one", () => {
    const same = [...en].filter(([key, english]) => fr.has(key) && untranslated(english, fr.get(key)!)).map(([key, english]) => `${key}: "${english}"`);
    expect(same).toEqual([]);
  });
});

/*
 * The areas whose components and pages this file guards: every literal key they pass to a translator exists in
 * one of the namespaces the file loads (a typo would print the key itself in front of the reader).
 */
const GUARDED = [
  "app/(dashboard)/processors",
  "app/(dashboard)/transfers",
  "app/(dashboard)/agreements",
  "app/(dashboard)/register",
  "app/(dashboard)/review",
  "app/(dashboard)/data-categories",
  "app/(dashboard)/organisation",
  "app/(dashboard)/import",
  "app/(dashboard)/audit",
  "app/(dashboard)/api-reference",
  "components/processors",
  "components/transfers",
  "components/agreements",
  "components/forms",
  "components/registration",
  "components/review",
  "components/registers",
  "components/ui",
  "components/categories",
  "components/entities",
  "components/import",
  "components/audit",
  "components/api-reference",
  "app/(dashboard)/activities",
  "app/(dashboard)/flags",
  "app/(dashboard)/exports",
  "app/(dashboard)/users",
  "app/(dashboard)/settings",
  "app/(auth)",
  "app/setup",
  "components/activities",
  "components/flags",
  "components/dashboard",
  "components/layout",
  "components/auth",
  "components/users",
  "components/tokens",
  "components/exports",
  "lib/audit",
];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.startsWith("activity-form") ? [path] : [];
  });
}

/** A translation a file asks for: the literal key, and the values it passes (null when not an object literal). */
interface Asked {
  key: string;
  values: string[] | null;
}

/**
 * The namespaces (and sub-trees: "registers.pager") a file loads, and each call of a translator (`t`, `tr`,
 * `tf`…) with a literal key, read from the syntax tree: `t("detail.transfers", { count })`. A module that is
 * handed its caller's translator says which namespace with a marker comment: `// i18n-namespace: flags`.
 */
function keysAsked(source: string): { scopes: string[]; asked: Asked[] } {
  const scopes = [
    ...source.matchAll(/(?:useTranslations|getTranslations)\(\s*"([^"]+)"\s*\)/g),
    ...source.matchAll(/i18n-namespace: ([\w.]+)/g),
  ].map((match) => match[1]!);
  const asked: Asked[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && /^t[a-z]?$/.test(node.expression.text)) {
      const [key, values] = node.arguments;
      if (key && ts.isStringLiteral(key)) {
        const names =
          values === undefined
            ? []
            : ts.isObjectLiteralExpression(values)
              ? values.properties.flatMap((property) => (property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? [property.name.text] : []))
              : null;
        asked.push({ key: key.text, values: names });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile("source.tsx", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX));
  return { scopes, asked };
}

describe("the register areas' code", () => {
  const english = new Map(MESSAGE_NAMESPACES.map((namespace) => [namespace, flatten(load("en", namespace))]));
  const message = (scope: string, key: string): string | undefined => {
    const [namespace, ...sub] = scope.split(".");
    return english.get(namespace as (typeof MESSAGE_NAMESPACES)[number])?.get([...sub, key].join("."));
  };
  /** What is wrong with one call: a key no loaded namespace holds, or a placeholder it leaves without a value. */
  const problem = (scopes: string[], { key, values }: Asked): string | undefined => {
    const found = scopes.map((scope) => message(scope, key)).find((text) => text !== undefined);
    if (found === undefined) return `"${key}" is in none of ${scopes.join(", ") || "(no namespace)"}`;
    const missing = values === null ? [] : placeholders(found).filter((name) => !name.startsWith("<") && !values.includes(name));
    return missing.length > 0 ? `"${key}" without {${missing.join(", ")}}` : undefined;
  };

  it("finds a key missing from every namespace a file loads or a value left out, and accepts a complete call", () => {
    const { scopes, asked } = keysAsked('const t = useTranslations("registers.pager"); t("next"); t("page", { page: 2 }); tf("nxet"); t(`dynamic.${id}`)');
    expect(scopes).toEqual(["registers.pager"]);
    expect(asked).toEqual([
      { key: "next", values: [] },
      { key: "page", values: ["page"] },
      { key: "nxet", values: [] },
    ]);
    expect(asked.map((call) => problem(scopes, call))).toEqual([undefined, '"page" without {count}', '"nxet" is in none of registers.pager']);
    expect(problem(["registers"], { key: "pager.page", values: ["page", "count"] })).toBeUndefined();
  });

  it("asks only for keys the English messages hold, with every value they take", () => {
    const problems: string[] = [];
    for (const file of GUARDED.flatMap((directory) => sourceFiles(join(ROOT, directory)))) {
      const { scopes, asked } = keysAsked(readFileSync(file, "utf8"));
      for (const call of asked) {
        const found = problem(scopes, call);
        if (found) problems.push(`${relative(ROOT, file)}: ${found}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
