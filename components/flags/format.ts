import type { Locale } from "@/lib/i18n/locales";
import { enumLabel, formatDate as formatCatalogueDate, formatNumber, isEnumValue, type EnumKind } from "@/lib/labels";

// Acronyms the rules' fact keys use, spelled as a reader expects them.
const ACRONYMS: Readonly<Record<string, string>> = {
  id: "ID",
  ids: "IDs",
  cisa: "CISA",
  tia: "TIA",
  dpf: "DPF",
  doj: "DOJ",
  pipl: "PIPL",
  gdpr: "GDPR",
  scc: "SCC",
  sccs: "SCCs",
  eu: "EU",
  uk: "UK",
  eea: "EEA",
};

/** "sensitiveCategories" -> "Sensitive categories"; "count.biometric" -> "Count (biometric)"; "tiaDate" -> "TIA date". */
export function factLabel(key: string): string {
  const [head = key, ...rest] = key.split(".");
  const words = head
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase()
    .split(" ")
    .map((word) => ACRONYMS[word] ?? word);
  const first = words[0] ?? "";
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  const label = words.join(" ");
  return rest.length ? `${label} (${rest.join(".").replace(/_/g, " ")})` : label;
}

/*
 * The facts as a reader of the flag sees them, in their language. The rules write codes into the facts (the
 * data they judged: `mechanism: "scc"`, `categories: ["covered_identifier"]`); a fact whose key names a kind of
 * the label catalogue shows the labels, an identifier (a record id, a data category's key) shows as code, and
 * everything else as text, numbers and dates in the reader's format.
 */

/** Fact keys (before any ".<category>" suffix) whose values are values of a label kind. */
const FACT_KINDS: Readonly<Record<string, EnumKind>> = {
  type: "agreementType",
  agreementTypesConsidered: "agreementType",
  acceptedAgreementTypes: "agreementType",
  unit: "volumeUnit",
  recordedUnits: "volumeUnit",
  encryptionInTransit: "encryptionInTransit",
  encryptionAtRest: "encryptionAtRest",
  accessType: "accessType",
  mechanism: "transferMechanism",
  acceptedMechanisms: "transferMechanism",
  requirement: "transferMechanism",
  frequency: "frequency",
  recipientRole: "processorRole",
  exporterRole: "entityRole",
  expectedModule: "sccModule",
  fittingModules: "sccModule",
  recordedModules: "sccModule",
  status: "recordStatus",
  categories: "dojCategory",
  dojCategories: "dojCategory",
  disclosureType: "disclosureType",
  dojExemption: "dojExemption",
  piplExemption: "piplExemption",
  exporterSensitiveTier: "piplSensitiveTier",
  exporterNonSensitiveTier: "piplNonSensitiveTier",
};

/** A fact key's suffix names a DOJ category ("count.biometric"). */
const SUFFIX_KIND: EnumKind = "dojCategory";

/** An identifier rather than a word: a UUID, a data category's key, a code with underscores or dots. */
const IDENTIFIER = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z][a-z0-9]*(?:[._][a-z0-9]+)+|[a-z]+(?:-[a-z0-9]+)*-[0-9a-f]{4,})$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One piece of a fact's value: text to read, or an identifier to show as code. */
export interface FactPart {
  text: string;
  code?: boolean;
}

/** The words of the "flags" namespace this module needs (flags.facts.*). */
export interface FactWords {
  yes: string;
  no: string;
  none: string;
  /** A PIPL tier of a kind of information the transfer does not carry (lib/rules/transfer-rules.ts). */
  notCarried: string;
}

function factKindOf(key: string): EnumKind | undefined {
  return FACT_KINDS[key.split(".")[0]!];
}

function scalarParts(value: unknown, kind: EnumKind | undefined, locale: Locale, words: FactWords): FactPart[] {
  if (value === null || value === undefined || value === "") return [{ text: "—" }];
  if (typeof value === "number") return [{ text: formatNumber(value, locale) }];
  if (typeof value === "boolean") return [{ text: value ? words.yes : words.no }];
  if (typeof value !== "string") return [{ text: JSON.stringify(value), code: true }];
  if (kind && isEnumValue(kind, value)) return [{ text: enumLabel(kind, value, locale) }];
  if (value === "not_carried") return [{ text: words.notCarried }];
  if (ISO_DATE.test(value)) return [{ text: formatLocalDate(value, locale) }];
  // "<transfer id>: no-us-persons", as the DOJ rule lists the transfers it left out of a count.
  const leftOut = /^([^:]+): ([a-z-]+)$/.exec(value);
  if (leftOut && isEnumValue("dojLeftOutReason", leftOut[2])) {
    return [{ text: leftOut[1]!, code: true }, { text: `: ${enumLabel("dojLeftOutReason", leftOut[2], locale)}` }];
  }
  if (IDENTIFIER.test(value)) return [{ text: value, code: true }];
  return [{ text: value }];
}

/** A fact's value as pieces, lists separated by commas; an empty list is "none". */
export function factParts(key: string, value: unknown, locale: Locale, words: FactWords): FactPart[] {
  const kind = factKindOf(key);
  if (!Array.isArray(value)) return scalarParts(value, kind, locale, words);
  if (value.length === 0) return [{ text: words.none }];
  return value.flatMap((item, index) => [...(index > 0 ? [{ text: ", " }] : []), ...scalarParts(item, kind, locale, words)]);
}

/**
 * A fact's key as a label: `labels` holds the namespace's names of the keys the rules write (flags.facts.<key>),
 * in the reader's language; a key it lacks reads as its words ("daysUntilExpiry" -> "Days until expiry"). A
 * ".<category>" suffix names the DOJ category in parentheses.
 */
export function localFactLabel(key: string, locale: Locale, labels: (head: string) => string | undefined): string {
  const [head = key, ...rest] = key.split(".");
  const label = labels(head) ?? factLabel(head);
  if (rest.length === 0) return label;
  const suffix = rest.join(".");
  return `${label} (${isEnumValue(SUFFIX_KIND, suffix) ? enumLabel(SUFFIX_KIND, suffix, locale) : suffix.replace(/_/g, " ")})`;
}

/** A timestamp or an ISO date in the reader's format ("17 Mar 2026", "17 mars 2026"); an em dash when there is none. */
export function formatLocalDate(value: Date | string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === "") return "—";
  return formatCatalogueDate(value, locale);
}

/**
 * A rule's message with the identifiers it quotes (data category keys, "user.location.government_site") marked as
 * code, so that they read as the identifiers they are rather than as words.
 */
export function messageParts(message: string): FactPart[] {
  const parts: FactPart[] = [];
  let last = 0;
  // Every key of the taxonomy starts with "user" (lib/taxonomy/data-categories.ts).
  for (const match of message.matchAll(/\buser(?:\.[a-z0-9_]+)+\b/g)) {
    const start = match.index;
    if (start > last) parts.push({ text: message.slice(last, start) });
    parts.push({ text: match[0], code: true });
    last = start + match[0].length;
  }
  if (last < message.length) parts.push({ text: message.slice(last) });
  return parts;
}
