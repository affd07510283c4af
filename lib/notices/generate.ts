import { diffLines } from "diff";
import type { DisclosureRow } from "@/db/queries/notices";
import type { CcpaCategory, DisclosureType, Locale, ProcessorService } from "@/db/schema/enum-values";
import { dataCategoryName } from "@/lib/exports/category-names";
import { countryName, enumLabel } from "@/lib/labels";

/*
 * What the notice should say, generated from the register (DOMAIN.md §7): the recipients section and the
 * international-transfers section, in English or French, with the facts each law asks for:
 *   GDPR Art. 13(1)(e)-(f), 14(1)(e)-(f): the recipients or their categories; the third countries, the safeguard
 *     relied on and how to obtain a copy of it;
 *   CCPA 1798.130(a)(5)(B)-(C): the categories disclosed for a business purpose, sold and shared (or that none were);
 *   PIPL Art. 39: for an export from Mainland China, each foreign recipient's name and contact, the purposes, the
 *     methods, the categories, and how to exercise one's rights against it.
 * Then a line diff (the `diff` package) against the notice's own text: the sections its statements quote, or the
 * whole text when none can be found. Pure: the caller loads the rows (db/queries/notices.ts listDisclosureRows).
 */

export interface GeneratedSection {
  id: "recipients" | "ccpa" | "transfers" | "pipl";
  title: string;
  /** Markdown lines (paragraphs and list items). */
  lines: string[];
}

export interface DiffPart {
  kind: "added" | "removed" | "same";
  text: string;
}

export interface GeneratedDisclosure {
  language: Locale;
  generatedOn: string;
  notice: { id: string; title: string; versionLabel: string; sha256: string | null } | null;
  sections: GeneratedSection[];
  markdown: string;
  /** The notice's current words the generated sections are compared with, and the line diff. */
  compared: string;
  diff: DiffPart[];
  added: number;
  removed: number;
}

const W = {
  en: {
    recipients: "Recipients of your personal information",
    recipientsIntro: "We disclose personal information to the following categories of recipients:",
    ccpa: "Categories disclosed in the past 12 months (California)",
    businessPurpose: "Disclosed for a business purpose",
    sold: "Sold",
    shared: "Shared for cross-context behavioural advertising",
    none: "None",
    transfers: "International transfers",
    transfersIntro: "Your personal information is transferred to, or accessed from, the following countries:",
    copy: "You can obtain a copy of these safeguards by contacting us at the address given in this notice.",
    noTransfers: "We do not transfer personal information outside the country where it is collected.",
    pipl: "Recipients outside Mainland China (PIPL Art. 39)",
    piplIntro: "Personal information collected in Mainland China is provided to the following recipients outside it:",
    piplRights: "You can exercise your rights against these recipients (access, copy, correction, deletion, withdrawal of consent) by contacting us at the address given in this notice; we will pass on your request.",
    contact: "contact",
    noContact: "contact details to be added",
    purposes: "purposes",
    method: "method",
    categories: "categories",
    via: "safeguard",
    recipientsWord: "recipients",
  },
  fr: {
    recipients: "Destinataires de vos informations personnelles",
    recipientsIntro: "Nous communiquons des informations personnelles aux catégories de destinataires suivantes\u00a0:",
    ccpa: "Catégories communiquées au cours des 12 derniers mois (Californie)",
    businessPurpose: "Communiquées à des fins professionnelles",
    sold: "Vendues",
    shared: "Partagées à des fins de publicité comportementale",
    none: "Aucune",
    transfers: "Transferts internationaux",
    transfersIntro: "Vos informations personnelles sont transférées vers les pays suivants, ou consultées depuis ceux-ci\u00a0:",
    copy: "Vous pouvez obtenir une copie de ces garanties en nous écrivant à l'adresse indiquée dans la présente politique.",
    noTransfers: "Nous ne transférons pas d'informations personnelles hors du pays où elles sont collectées.",
    pipl: "Destinataires hors de Chine continentale (PIPL, art. 39)",
    piplIntro: "Les informations personnelles collectées en Chine continentale sont fournies aux destinataires suivants, situés hors de celle-ci\u00a0:",
    piplRights: "Vous pouvez exercer vos droits auprès de ces destinataires (accès, copie, rectification, effacement, retrait du consentement) en nous écrivant à l'adresse indiquée dans la présente politique\u00a0; nous leur transmettrons votre demande.",
    contact: "contact",
    noContact: "coordonnées à compléter",
    purposes: "finalités",
    method: "mode",
    categories: "catégories",
    via: "garantie",
    recipientsWord: "destinataires",
  },
} as const;

function sortedUnique(items: Iterable<string>, locale: Locale): string[] {
  return [...new Set(items)].sort((a, b) => a.localeCompare(b, locale));
}

function join(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items);
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const crossBorder = (row: DisclosureRow) => row.originCountry.toUpperCase() !== row.destinationCountry.toUpperCase();

function recipientsSection(rows: readonly DisclosureRow[], locale: Locale): GeneratedSection {
  const w = W[locale];
  const lines: string[] = [w.recipientsIntro, ""];
  const byService = groupBy(rows, (row) => row.processorService);
  const services = [...byService.keys()].sort((a, b) => enumLabel("processorService", a, locale).localeCompare(enumLabel("processorService", b, locale), locale));
  for (const service of services as ProcessorService[]) {
    const group = byService.get(service)!;
    const names = sortedUnique(group.map((row) => row.processorName), locale);
    const categories = sortedUnique(group.flatMap((row) => row.categoryKeys.map((key) => dataCategoryName(key, locale))), locale);
    lines.push(`- **${enumLabel("processorService", service, locale)}** (${join(names, locale)}): ${categories.join(", ")}`);
  }
  return { id: "recipients", title: w.recipients, lines };
}

function ccpaSection(rows: readonly DisclosureRow[], locale: Locale): GeneratedSection {
  const w = W[locale];
  const of = (types: readonly DisclosureType[]) =>
    sortedUnique(rows.filter((row) => types.includes(row.disclosureType)).flatMap((row) => row.ccpaCategories), locale).map((letter) => enumLabel("ccpaCategory", letter as CcpaCategory, locale));
  const line = (title: string, labels: string[]) => `- **${title}**: ${labels.length ? labels.join("; ") : w.none}`;
  return {
    id: "ccpa",
    title: w.ccpa,
    lines: [line(w.businessPurpose, of(["business_purpose"])), line(w.sold, of(["sale", "data_brokerage"])), line(w.shared, of(["sharing"]))],
  };
}

function transfersSection(rows: readonly DisclosureRow[], locale: Locale): GeneratedSection {
  const w = W[locale];
  const abroad = rows.filter(crossBorder);
  if (abroad.length === 0) return { id: "transfers", title: w.transfers, lines: [w.noTransfers] };
  const lines: string[] = [w.transfersIntro, ""];
  const byCountry = groupBy(abroad, (row) => row.destinationCountry.toUpperCase());
  const countries = [...byCountry.keys()].sort((a, b) => countryName(a, locale).localeCompare(countryName(b, locale), locale));
  for (const country of countries) {
    const group = byCountry.get(country)!;
    const recipients = sortedUnique(group.map((row) => row.processorName), locale);
    const safeguards = sortedUnique(group.map((row) => enumLabel("transferMechanism", row.mechanism, locale)), locale);
    lines.push(`- **${countryName(country, locale)}**: ${w.recipientsWord} ${join(recipients, locale)}; ${w.via}: ${safeguards.join("; ")}`);
  }
  lines.push("", w.copy);
  return { id: "transfers", title: w.transfers, lines };
}

function piplSection(rows: readonly DisclosureRow[], locale: Locale): GeneratedSection | null {
  const w = W[locale];
  const exports = rows.filter((row) => (row.originCountry.toUpperCase() === "CN" || row.exporterCountry.toUpperCase() === "CN") && row.destinationCountry.toUpperCase() !== "CN");
  if (exports.length === 0) return null;
  const lines: string[] = [w.piplIntro, ""];
  for (const [, group] of groupBy(exports, (row) => row.processorId)) {
    const first = group[0]!;
    const name = first.processorLegalName && first.processorLegalName !== first.processorName ? `${first.processorName} (${first.processorLegalName})` : first.processorName;
    const purposes = sortedUnique(group.map((row) => row.activityPurpose || row.activityName), locale);
    const methods = sortedUnique(group.map((row) => enumLabel("accessType", row.accessType, locale)), locale);
    const categories = sortedUnique(group.flatMap((row) => row.categoryKeys.map((key) => dataCategoryName(key, locale))), locale);
    lines.push(
      `- **${name}**, ${countryName(first.processorCountry, locale)}; ${w.contact}: ${first.processorWebsite ?? w.noContact}; ${w.purposes}: ${purposes.join("; ")}; ${w.method}: ${methods.join("; ")}; ${w.categories}: ${categories.join(", ")}`,
    );
  }
  lines.push("", w.piplRights);
  return { id: "pipl", title: w.pipl, lines };
}

export function sectionsMarkdown(sections: readonly GeneratedSection[]): string {
  return sections.map((section) => [`## ${section.title}`, "", ...section.lines].join("\n")).join("\n\n") + "\n";
}

/**
 * The part of the notice's text that the generated sections replace: from each heading the statements cite (a
 * line equal to the section's name) to the next heading-like line (a short line without final punctuation after a
 * blank line). The whole text when no cited heading is found.
 */
export function citedSectionsOf(text: string, sectionNames: readonly string[]): string {
  const lines = text.split(/\r?\n/);
  const wanted = new Set(sectionNames.map((name) => name.trim().toLocaleLowerCase()).filter(Boolean));
  const isHeading = (i: number) => {
    const line = lines[i]!.trim();
    return line.length > 0 && line.length < 100 && !/^[•\-*\d]/.test(line) && !/[.;:,]$/.test(line) && (i === 0 || lines[i - 1]!.trim() === "");
  };
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!wanted.has(lines[i]!.trim().toLocaleLowerCase())) continue;
    let end = i + 1;
    while (end < lines.length && !isHeading(end)) end++;
    parts.push(lines.slice(i, end).join("\n").trim());
  }
  return parts.length ? parts.join("\n\n") + "\n" : text;
}

export function generateDisclosure({
  rows,
  notice,
  sectionNames,
  language,
  today,
}: {
  rows: readonly DisclosureRow[];
  notice: { id: string; title: string; versionLabel: string; sha256: string | null; text: string | null } | null;
  /** The sections the notice's statements cite (in the requested language first). */
  sectionNames: readonly string[];
  language: Locale;
  today: string;
}): GeneratedDisclosure {
  const sections = [recipientsSection(rows, language), ccpaSection(rows, language), transfersSection(rows, language), piplSection(rows, language)].filter(
    (section): section is GeneratedSection => section !== null,
  );
  const markdown = sectionsMarkdown(sections);
  const compared = notice?.text ? citedSectionsOf(notice.text, sectionNames) : "";
  const diff: DiffPart[] = diffLines(compared, markdown).map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value,
  }));
  const count = (kind: DiffPart["kind"]) => diff.filter((part) => part.kind === kind).reduce((n, part) => n + part.text.split("\n").filter(Boolean).length, 0);
  return {
    language,
    generatedOn: today,
    notice: notice ? { id: notice.id, title: notice.title, versionLabel: notice.versionLabel, sha256: notice.sha256 } : null,
    sections,
    markdown,
    compared,
    diff,
    added: count("added"),
    removed: count("removed"),
  };
}

/** The Markdown download: the generated sections, then the diff as a unified-style listing. */
export function disclosureMarkdownDocument(disclosure: GeneratedDisclosure): string {
  const heading = disclosure.language === "fr" ? "Écarts avec la politique actuelle" : "Differences from the current notice";
  const diffLines = disclosure.diff.flatMap((part) =>
    part.text
      .split("\n")
      .filter((line, index, all) => line !== "" || index < all.length - 1)
      .map((line) => `${part.kind === "added" ? "+" : part.kind === "removed" ? "-" : " "} ${line}`),
  );
  return `${disclosure.markdown}\n## ${heading}\n\n\`\`\`diff\n${diffLines.join("\n")}\n\`\`\`\n`;
}
