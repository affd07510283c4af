/*
 * The key under which two spellings of one vendor collide ("Amazon Web Services, Inc." and
 * "amazon web services"): processors.normalized_name is unique, so the register cannot hold the same
 * recipient twice under slightly different names. Letters of every script are kept (a Chinese legal name
 * stays Chinese), only case, accents, punctuation and the legal-form suffix are folded away.
 */

/**
 * Legal-form words dropped from the end of a name, as separate words after punctuation is folded.
 * Only trailing words are dropped ("Limited Brands" keeps its first word), and repeatedly, so that
 * "Co., Ltd." and "Pty Ltd" go too. Dotted initials are joined first: "S.A." -> "sa", "S.A.R.L." -> "sarl".
 */
const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  // English-speaking jurisdictions, Hong Kong, Singapore
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "company",
  "ltd",
  "limited",
  "llc",
  "llp",
  "lp",
  "plc",
  "pty",
  "pte",
  "pc",
  // Europe
  "gmbh",
  "ag",
  "kg",
  "ug",
  "se",
  "sa",
  "sas",
  "sasu",
  "sarl",
  "eurl",
  "snc",
  "srl",
  "spa",
  "sl",
  "bv",
  "nv",
  "oy",
  "ab",
  "aps",
  "asa",
  // Asia
  "kk",
  "bhd",
  "sdn",
]);

/** Chinese legal forms, longest first: they are written without spaces, at the end of the name. */
const CJK_LEGAL_SUFFIXES: readonly string[] = ["股份有限公司", "有限责任公司", "有限責任公司", "有限公司"];

/** Single letters followed by dots, two or more times: "s.a.", "s.a.r.l.", "u.s.a.". */
const DOTTED_INITIALS = /(?<![\p{L}\p{N}])(?:[\p{L}]\.){2,}/gu;

/**
 * NFKD, accents stripped, lower-cased, "&" read as "and", punctuation and spaces collapsed to one space,
 * trailing legal forms removed. Never returns an empty string for a non-blank name: a name made only of
 * a legal form ("Limited") keeps it.
 */
export function normalizeProcessorName(name: string): string {
  // NFKD splits "é" into "e" + a combining accent and folds full-width forms ("（香港）" -> "(香港)").
  let text = name.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
  text = text.replace(/&/g, " and ");
  text = text.replace(DOTTED_INITIALS, (initials) => `${initials.replace(/\./g, "")} `);
  text = text.replace(/[^\p{L}\p{N}]+/gu, " ").trim();

  const words = text.split(" ").filter((word) => word !== "");
  for (;;) {
    const last = words[words.length - 1];
    if (last === undefined) break;
    if (words.length > 1 && (LEGAL_SUFFIXES.has(last) || CJK_LEGAL_SUFFIXES.includes(last))) {
      words.pop();
      // "& Co." is part of the legal form: "Beispiel GmbH & Co. KG" -> "beispiel".
      if (words.length > 1 && words[words.length - 1] === "and") words.pop();
      continue;
    }
    // Chinese names carry no space before the legal form: "深圳市恒通技术服务有限公司" -> "深圳市恒通技术服务".
    const cjkSuffix = CJK_LEGAL_SUFFIXES.find((suffix) => last.endsWith(suffix) && last.length > suffix.length);
    if (cjkSuffix === undefined) break;
    words[words.length - 1] = last.slice(0, -cjkSuffix.length);
  }
  return words.join(" ");
}
