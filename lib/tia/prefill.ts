import "server-only";
import type { Executor } from "@/db/client";
import type { TransferDetail } from "@/db/queries/transfers";
import type { SafeguardAgreement } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { countryName, enumLabel, formatDate, formatNumber } from "@/lib/labels";
import { categoryNameFr } from "@/lib/taxonomy/names-fr";
import { listCategoryNames } from "./queries";

/*
 * Steps 1 and 2 of a new draft, written from the register (EDPB Recommendations 01/2020 §8-§12: know your
 * transfer; §28-§31: identify the tool): the assessor starts from the facts the register already holds and
 * corrects or completes them, rather than typing them again.
 */

const WORDS = {
  en: {
    sends: (exporter: string, recipient: string, destination: string, access: string) => `${exporter} transfers personal data to ${recipient} in ${destination} (${access}).`,
    categories: "Data categories",
    volume: (count: string, unit: string, frequency: string) => `About ${count} ${unit} a year; ${frequency}.`,
    regions: "Data subjects' regions",
    purpose: "Purpose",
    encryption: (transit: string, rest: string) => `Encryption in transit: ${transit}; at rest: ${rest}.`,
    units: { people: "people", devices: "devices" },
    mechanism: (mechanism: string) => `Transfer tool relied on: ${mechanism}.`,
    agreement: (type: string, ref: string, signed: string, expiry: string) => `${type}${ref}, ${signed}${expiry}.`,
    signed: (date: string) => `signed ${date}`,
    unsigned: "not signed",
    expires: (date: string) => `, expires ${date}`,
    noAgreement: "No agreement in the register covers this transfer.",
    covered: "Covering agreements",
    none: "none recorded",
  },
  fr: {
    sends: (exporter: string, recipient: string, destination: string, access: string) => `${exporter} transfère des données personnelles à ${recipient} (${destination}, ${access}).`,
    categories: "Catégories de données",
    volume: (count: string, unit: string, frequency: string) => `Environ ${count} ${unit} par an ; ${frequency}.`,
    regions: "Régions des personnes concernées",
    purpose: "Finalité",
    encryption: (transit: string, rest: string) => `Chiffrement en transit : ${transit} ; au repos : ${rest}.`,
    units: { people: "personnes", devices: "appareils" },
    mechanism: (mechanism: string) => `Outil de transfert utilisé : ${mechanism}.`,
    agreement: (type: string, ref: string, signed: string, expiry: string) => `${type}${ref}, ${signed}${expiry}.`,
    signed: (date: string) => `signé le ${date}`,
    unsigned: "non signé",
    expires: (date: string) => `, expire le ${date}`,
    noAgreement: "Aucun contrat du registre ne couvre ce transfert.",
    covered: "Contrats qui le couvrent",
    none: "aucune",
  },
} as const;

export async function prefillSteps(
  db: Executor,
  {
    detail,
    categories,
    agreements,
    language,
  }: { detail: TransferDetail; categories: readonly string[]; agreements: readonly SafeguardAgreement[]; language: Locale; today: string },
): Promise<{ transferDescription: string; toolDescription: string }> {
  const words = WORDS[language];
  const { transfer, exporter, processor, activity } = detail;
  const names = await listCategoryNames({ db, keys: categories });
  const categoryNames = names.map((row) => (language === "fr" ? categoryNameFr(row) : row.name)).sort((a, b) => a.localeCompare(b, language));
  const transferDescription = [
    words.sends(exporter.name, processor.name, countryName(transfer.destinationCountry, language), enumLabel("accessType", transfer.accessType, language).toLowerCase()),
    `${words.categories}: ${categoryNames.length ? categoryNames.join(", ") : words.none}.`.replace(": ", language === "fr" ? "\u00a0: " : ": "),
    words.volume(formatNumber(transfer.estimatedSubjects, language), words.units[transfer.volumeUnit], enumLabel("frequency", transfer.frequency, language).toLowerCase()),
    `${words.regions}: ${transfer.subjectRegions.length ? transfer.subjectRegions.join(", ") : words.none}.`.replace(": ", language === "fr" ? "\u00a0: " : ": "),
    `${words.purpose}: ${activity.name} (${activity.purpose}).`.replace(": ", language === "fr" ? "\u00a0: " : ": "),
    words.encryption(enumLabel("encryptionInTransit", transfer.encryptionInTransit, language), enumLabel("encryptionAtRest", transfer.encryptionAtRest, language)),
  ].join("\n");
  const agreementLines = agreements.map((agreement) =>
    words.agreement(
      enumLabel("agreementType", agreement.type, language),
      agreement.documentRef ? ` (${agreement.documentRef})` : "",
      agreement.signedDate ? words.signed(formatDate(agreement.signedDate, language)) : words.unsigned,
      agreement.expiryDate ? words.expires(formatDate(agreement.expiryDate, language)) : "",
    ),
  );
  const toolDescription = [
    words.mechanism(enumLabel("transferMechanism", transfer.mechanism, language)),
    agreementLines.length ? `${words.covered}${language === "fr" ? "\u00a0:" : ":"}\n${agreementLines.map((line) => `- ${line}`).join("\n")}` : words.noAgreement,
  ].join("\n");
  return { transferDescription, toolDescription };
}
