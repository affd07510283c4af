import "server-only";
import { createHash } from "node:crypto";
import { PassThrough } from "node:stream";
import type { TransferDetail } from "@/db/queries/transfers";
import type { TiaAssessment } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { PdfWriter } from "@/lib/exports/pdf";
import { countryName, enumLabel, formatDate, formatDateTime } from "@/lib/labels";
import { countryProfile } from "./country-profiles";

/*
 * A transfer impact assessment as a document for the file (DOMAIN.md §8), through the exports' PDF machinery
 * (lib/exports/pdf.ts: pdfkit, tagged PDF/A-2a, fonts embedded, words never cut): a cover with the transfer and
 * the outcome, then the six steps of EDPB Recommendations 01/2020, the country profile's laws with their
 * citations and sources, the measures, and the sign-off. In English or French.
 */

const WORDS = {
  en: {
    title: "Transfer impact assessment",
    transfer: "Transfer",
    status: "Status",
    outcome: "Outcome",
    riskLevel: "Risk level",
    completedOn: "Completed on",
    author: "Author",
    reviewer: "Reviewer",
    notCompleted: "Not completed",
    none: "None",
    item: "Item",
    content: "Content",
    step1: "Step 1: know your transfer",
    step2: "Step 2: the transfer tool relied on",
    step3: "Step 3: law and practice of the destination",
    step4: "Step 4: supplementary measures",
    step5: "Step 5: procedural steps",
    step6: "Step 6: re-evaluation",
    conclusion: "Conclusion",
    profile: "Country profile",
    profileAsOf: "Profile as of",
    noProfile: "No country profile is kept for this destination yet: the assessment above relies on the assessor's own sources.",
    law: "Law",
    citation: "Citation",
    allows: "What it allows",
    source: "Source",
    practice: "Practice",
    assessment: "Assessment",
    kind: "Kind",
    description: "Description",
    interval: (months: number) => `Re-evaluate every ${months} months, and on any material change of the transfer (destination, data categories, access type, volume band, mechanism).`,
    reviewReason: "Review required because",
    route: (exporter: string, recipient: string, origin: string, destination: string) => `${exporter} → ${recipient} (${origin} → ${destination})`,
  },
  fr: {
    title: "Analyse d'impact des transferts",
    transfer: "Transfert",
    status: "Statut",
    outcome: "Conclusion retenue",
    riskLevel: "Niveau de risque",
    completedOn: "Terminée le",
    author: "Auteur",
    reviewer: "Relecteur",
    notCompleted: "Non terminée",
    none: "Aucune",
    item: "Élément",
    content: "Contenu",
    step1: "Étape 1 : connaître le transfert",
    step2: "Étape 2 : l'outil de transfert utilisé",
    step3: "Étape 3 : droit et pratiques du pays de destination",
    step4: "Étape 4 : mesures supplémentaires",
    step5: "Étape 5 : démarches procédurales",
    step6: "Étape 6 : réévaluation",
    conclusion: "Conclusion",
    profile: "Profil du pays",
    profileAsOf: "Profil à jour au",
    noProfile: "Aucun profil n'est encore tenu pour ce pays : l'analyse ci-dessus repose sur les sources de l'évaluateur.",
    law: "Loi",
    citation: "Référence",
    allows: "Ce qu'elle permet",
    source: "Source",
    practice: "Pratique",
    assessment: "Analyse",
    kind: "Type",
    description: "Description",
    interval: (months: number) => `Réévaluer tous les ${months} mois, et à chaque changement important du transfert (destination, catégories de données, type d'accès, tranche de volume, mécanisme).`,
    reviewReason: "Réexamen requis car",
    route: (exporter: string, recipient: string, origin: string, destination: string) => `${exporter} → ${recipient} (${origin} → ${destination})`,
  },
} as const;

export function tiaPdfTitle(language: Locale): string {
  return WORDS[language].title;
}

export function tiaPdfFileName(tia: TiaAssessment): string {
  return `tia-${tia.completedOn ?? "draft"}-${tia.id.slice(0, 8)}.pdf`;
}

/** The assessment as PDF bytes with their SHA-256 (recorded in the download's audit event). */
export async function renderTiaPdf({
  tia,
  detail,
  people,
  language,
  generatedBy,
  now,
  today,
}: {
  tia: TiaAssessment;
  detail: TransferDetail;
  /** Names of the author and reviewer, by user id. */
  people: ReadonlyMap<string, string>;
  language: Locale;
  generatedBy: string;
  now: Date;
  today: string;
}): Promise<{ bytes: Buffer; sha256: string }> {
  const words = WORDS[language];
  const { transfer, exporter, processor } = detail;
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const route = words.route(exporter.name, processor.name, countryName(transfer.originCountry, language), countryName(transfer.destinationCountry, language));
  const person = (id: string | null) => (id ? (people.get(id) ?? id) : words.none);
  const notes: [string, string][] = [
    [words.transfer, route],
    [words.status, enumLabel("tiaStatus", tia.status, language)],
    [words.outcome, tia.outcome ? enumLabel("tiaOutcome", tia.outcome, language) : words.notCompleted],
    [words.riskLevel, tia.riskLevel ? enumLabel("tiaRiskLevel", tia.riskLevel, language) : words.none],
    [words.completedOn, tia.completedOn ? formatDate(tia.completedOn, language) : words.notCompleted],
    [words.author, person(tia.authorUserId)],
    [words.reviewer, person(tia.reviewerUserId)],
  ];
  if (tia.reviewReason) notes.push([words.reviewReason, tia.reviewReason]);
  const writer = new PdfWriter({
    out,
    title: words.title,
    subtitle: route,
    language,
    meta: { generatedAt: now, asOf: tia.completedOn ?? today, includePending: false, generatedBy, notes },
  });
  const { rows } = await writer.cover({ hasScope: false });
  const sections = [
    { key: "step1", title: words.step1 },
    { key: "step2", title: words.step2 },
    { key: "step3", title: words.step3 },
    { key: "profile", title: words.profile },
    { key: "step4", title: words.step4 },
    { key: "step5", title: words.step5 },
    { key: "step6", title: words.step6 },
    { key: "conclusion", title: words.conclusion },
  ];
  writer.contents(sections);
  const text = (value: string | null) => (value?.trim() ? value : words.none);

  writer.startSection(sections[0]!);
  writer.paragraph(text(tia.transferDescription));
  writer.startSection(sections[1]!);
  writer.paragraph(text(tia.toolDescription));
  writer.startSection(sections[2]!);
  const profile = countryProfile(tia.profileCountry);
  const facts = writer.table([{ header: words.item, width: 3 }, { header: words.content, width: 8 }], { boldFirstColumn: true });
  await facts.addRow([words.riskLevel, tia.riskLevel ? enumLabel("tiaRiskLevel", tia.riskLevel, language) : words.none]);
  await facts.addRow([words.assessment, text(tia.lawAssessment)]);
  writer.startSection(sections[3]!);
  if (profile) {
    writer.paragraph(`${countryName(profile.country, language)}. ${words.profileAsOf} ${formatDate(tia.profileAsOf ?? profile.asOf, language)}. ${profile.summary[language]}`);
    const laws = writer.table([
      { header: words.law, width: 3 },
      { header: words.citation, width: 2 },
      { header: words.allows, width: 6 },
      { header: words.source, width: 3 },
    ]);
    for (const law of profile.laws) await laws.addRow([law.name[language], law.citation, law.allows[language], law.sourceUrl]);
    const practice = writer.table([{ header: words.practice, width: 1 }]);
    for (const note of profile.practice) await practice.addRow([note[language]]);
  } else {
    writer.paragraph(words.noProfile);
  }
  writer.startSection(sections[4]!);
  if (tia.measures.length) {
    const measures = writer.table([{ header: words.kind, width: 2 }, { header: words.description, width: 9 }]);
    for (const measure of tia.measures) await measures.addRow([enumLabel("supplementaryMeasureKind", measure.kind, language), measure.description]);
  } else {
    writer.paragraph(words.none);
  }
  writer.startSection(sections[5]!);
  writer.paragraph(text(tia.proceduralSteps));
  writer.startSection(sections[6]!);
  writer.paragraph(words.interval(tia.reviewIntervalMonths));
  writer.startSection(sections[7]!);
  writer.paragraph(text(tia.conclusion));
  writer.paragraph(`${words.completedOn} ${tia.completedOn ? formatDate(tia.completedOn, language) : words.notCompleted} — ${formatDateTime(now, language)}`);
  rows.fill(String(sections.length));
  await writer.finish();
  const bytes = Buffer.concat(chunks);
  return { bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}
