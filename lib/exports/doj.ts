import { z } from "zod";
import { iterateDojPairs, loadCategoryFacts, type DojPair, type DojTransferRecord } from "@/db/queries/export-doj";
import { FLAG_STATUSES, type DojExemption, type FlagStatus, type RecordStatus, type TransferStatus, type VolumeUnit } from "@/db/schema/enums";
import { DOJ_COUNTRIES_OF_CONCERN } from "@/lib/jurisdictions/countries-of-concern";
import { DOJ_EXEMPTION_FACTS, DOJ_EXEMPTIONS_SOURCE, dojExemptionHeading } from "@/lib/jurisdictions/doj-exemptions";
import { DOJ_BULK_THRESHOLDS, type DojCoveredCategory } from "@/lib/jurisdictions/doj-thresholds";
import { countryName, enumLabel } from "@/lib/labels";
import {
  assessDojBulk,
  countsTowardDojWindow,
  dojBrokerageProhibited,
  dojBulkRestricted,
  dojGovernmentRelated,
  isTransferActive,
  recipientOfConcern,
  RULE_IDS,
  twelveMonthsBefore,
  uniqueSorted,
  type CategoryFacts,
  type DojAggregateTransfer,
  type DojBulkAssessment,
  type DojLeftOutReason,
  type Finding,
  type RuleId,
  type TransferContext,
} from "@/lib/rules";
import type { ExportColumn, ExportContext, ReportDefinition, ReportLanguage } from "./report";
import { asOfMonth, colon, count, joined, period, words, yesNo } from "./words";

/*
 * The US DOJ data security report (28 CFR part 202; DOMAIN.md §5): per exporting entity and recipient in a
 * country of concern (or a covered person), the DOJ categories of the data, their 12-month counts of U.S.
 * persons against the bulk thresholds, government-related data (covered at any volume), whether the
 * transactions are restricted or prohibited, the CISA security requirements, and the transfers that claim a
 * subpart E exemption, each with its section and justification.
 *
 * Nothing is recounted here: each transfer of the pair goes through the rules engine's own assessDojBulk
 * (202.205: the count sums every transaction between the same U.S. person and the same foreign or covered
 * person; only U.S. persons' data and no exempt transaction adds to it) and its three DOJ rules, exactly as
 * the flags are computed; this module only gathers the results by pair and category. One row per pair and
 * DOJ category of its covered transactions, one row per exempt transfer, and for a pair with neither one row
 * saying so, so that every recipient of concern is listed. A person reads labels, never an enum code: codes
 * stay in the JSON export only, next to their labels.
 */

export type DojStatus = "prohibited" | "restricted-cisa-not-met" | "restricted-cisa-met" | "below-threshold" | "exempt" | "not-covered";

/** Why a row is prohibited, when it is: said in words by the report, in its language. */
export type DojProhibitedReason = "brokerage" | "brokerage-exempt" | "omic-bulk";

/** What is unapproved about a pair's rows: its recipient's status, and the statuses of the transfers counted. */
export interface DojPending {
  recipientStatus: RecordStatus | null;
  transferStatuses: TransferStatus[];
  transferCount: number;
}

/** Why the recipient is of concern (lib/rules recipientOfConcern), as facts the report words. */
export type DojConcernReason = { kind: "processor-country"; country: string } | { kind: "destination"; country: string } | { kind: "covered-person" };

export interface DojRow {
  exporterName: string;
  exporterCountry: string;
  recipientId: string;
  recipientName: string;
  recipientLegalName: string | null;
  recipientCountry: string;
  recipientStatus: RecordStatus;
  coveredPerson: boolean;
  /** Why the recipient is of concern: its country, a destination, or its designation as a covered person. */
  concernReasons: DojConcernReason[];
  /** The DOJ category of a covered row; null for an exempt or a not-covered row (see `categories`). */
  category: DojCoveredCategory | null;
  /** The DOJ categories the row is about (an exempt transfer may carry several). */
  categories: DojCoveredCategory[];
  /** people, or devices for precise geolocation (202.205(c)). */
  unit: VolumeUnit | null;
  /**
   * 12-month count summed over the pair (202.205) as the engine computes it: only transfers with U.S. persons
   * and no exemption. An exempt row shows its own transfer's estimate, which adds to no count.
   */
  count: number | null;
  /** The threshold applied: the category's own, or the lowest of a combined data set (202.205(g)); 0 for government-related data. */
  threshold: number | null;
  ownThreshold: number | null;
  combined: boolean;
  exceeds: boolean;
  transferIds: string[];
  destinations: string[];
  /** Transfers of the pair carrying the category but not counted, and why. */
  leftOut: { transferId: string; reason: DojLeftOutReason }[];
  /** Of the pair's counted transactions carrying the category. */
  cisa: DojCisaState;
  status: DojStatus;
  /** Why prohibited, when it is. */
  prohibitedBecause: DojProhibitedReason | null;
  /** The sections the row rests on; empty for a pair with no covered data (the report words that case). */
  citation: string;
  /** The subpart E exemption an exempt row's transfer claims, with its justification. */
  exemption: { code: DojExemption; section: string; heading: string; justification: string | null } | null;
  /** The rules engine raises one of its DOJ rules on one of the transfers. */
  engineFinding: boolean;
  /** DOJ flags stored on the transfers, not resolved: rule and lifecycle status. */
  storedFlags: { ruleId: RuleId; status: FlagStatus }[];
  windowStart: string;
  windowEnd: string;
  /** What is unapproved about the pair; null when all of it is of record. */
  pending: DojPending | null;
}

export type DojCisaState = "all met" | "partly met" | "not met" | "n/a";

function contextOf(transfer: DojTransferRecord, pair: DojPair, today: string, categories: Map<string, CategoryFacts>, aggregate: DojAggregateTransfer[]): TransferContext {
  const categoryFacts = transfer.categoryIds.flatMap((key) => categories.get(key) ?? []);
  return {
    today,
    transfer,
    activity: transfer.activity,
    processor: pair.recipient,
    // Only the DOJ functions read these contexts: they look at the recipient itself, never its parents or agreements.
    processorChain: [],
    exporter: pair.exporter,
    agreements: [],
    categories: categoryFacts,
    dojAggregate: aggregate,
  };
}

interface Assessed {
  transfer: DojTransferRecord;
  context: TransferContext;
  assessment: DojBulkAssessment;
  bulkFinding: Finding | null;
  brokerageFinding: Finding | null;
  governmentFinding: Finding | null;
  storedFlags: DojRow["storedFlags"];
}

const isRuleId = (value: string): value is RuleId => (RULE_IDS as readonly string[]).includes(value);
const isFlagStatus = (value: string): value is FlagStatus => (FLAG_STATUSES as readonly string[]).includes(value);

/** The query's "rule id: status" strings, typed; anything unexpected is left out rather than shown raw. */
function parseStoredFlags(values: readonly string[]): DojRow["storedFlags"] {
  return values.flatMap((value) => {
    const [ruleId, status] = value.split(": ");
    return ruleId !== undefined && status !== undefined && isRuleId(ruleId) && isFlagStatus(status) ? [{ ruleId, status }] : [];
  });
}

function uniqueFlags(flags: readonly DojRow["storedFlags"][number][]): DojRow["storedFlags"] {
  const byKey = new Map(flags.map((flag) => [`${flag.ruleId}: ${flag.status}`, flag]));
  return [...byKey.keys()].sort().map((key) => byKey.get(key)!);
}

function pairPending(pair: DojPair): DojPending | null {
  const pending = pair.transfers.filter((t) => t.status !== "approved");
  const recipientStatus = pair.recipient.status !== "approved" ? pair.recipient.status : null;
  if (recipientStatus === null && pending.length === 0) return null;
  return { recipientStatus, transferStatuses: uniqueSorted(pending.map((t) => t.status)) as TransferStatus[], transferCount: pending.length };
}

/** recipientOfConcern's reasons (lib/rules/predicates.ts), as facts: the report words them in its language. */
function concernReasons(pair: DojPair): DojConcernReason[] {
  const reasons = new Map<string, DojConcernReason>();
  for (const transfer of pair.transfers) {
    for (const reason of recipientOfConcern(pair.recipient, transfer.destinationCountry).reasons) {
      const processorCountry = /^processor country (\S+)$/.exec(reason);
      const destination = /^destination (\S+)$/.exec(reason);
      const fact: DojConcernReason | null = processorCountry
        ? { kind: "processor-country", country: processorCountry[1]! }
        : destination
          ? { kind: "destination", country: destination[1]! }
          : reason === "covered person"
            ? { kind: "covered-person" }
            : null;
      if (fact) reasons.set(reason, fact);
    }
  }
  return [...reasons.keys()].sort().map((key) => reasons.get(key)!);
}

/** The rows of one exporter-recipient pair. Exported for the tests, which compare it with the flags. */
export function assessDojPair(pair: DojPair, today: string, categories: Map<string, CategoryFacts>): DojRow[] {
  const aggregate: DojAggregateTransfer[] = pair.transfers.map((t) => ({
    id: t.id,
    exporterEntityId: t.exporterEntityId,
    processorId: t.processorId,
    destinationCountry: t.destinationCountry,
    subjectRegions: t.subjectRegions,
    dojExemption: t.dojExemption,
    estimatedSubjects: t.estimatedSubjects,
    volumeUnit: t.volumeUnit,
    status: t.status,
    startDate: t.startDate,
    endDate: t.endDate,
    categories: t.categoryIds.flatMap((key) => categories.get(key) ?? []),
  }));
  const windowStart = twelveMonthsBefore(today);
  // The data transactions of concern: transfers of the pair to a country of concern or a covered person, in the window.
  const assessed: Assessed[] = pair.transfers
    .filter((t) => recipientOfConcern(pair.recipient, t.destinationCountry).concern && countsTowardDojWindow(t, windowStart))
    .map((t) => {
      const context = contextOf(t, pair, today, categories, aggregate);
      // The engine evaluates rules on active transfers only (lib/rules/evaluate.ts).
      const active = isTransferActive(t, today);
      return {
        transfer: t,
        context,
        assessment: assessDojBulk(context),
        bulkFinding: active ? dojBulkRestricted.evaluate(context) : null,
        brokerageFinding: active ? dojBrokerageProhibited.evaluate(context) : null,
        governmentFinding: active ? dojGovernmentRelated.evaluate(context) : null,
        storedFlags: parseStoredFlags(t.dojFlags),
      };
    });
  const base = {
    exporterName: pair.exporter.name,
    exporterCountry: pair.exporter.country,
    recipientId: pair.recipient.id,
    recipientName: pair.recipient.name,
    recipientLegalName: pair.recipient.legalName,
    recipientCountry: pair.recipient.country,
    recipientStatus: pair.recipient.status,
    coveredPerson: pair.recipient.coveredPerson,
    concernReasons: concernReasons(pair),
    windowStart,
    windowEnd: today,
    pending: pairPending(pair),
  };

  const covered = assessed.filter((a) => a.transfer.dojExemption === null);
  const exempt = assessed.filter((a) => a.transfer.dojExemption !== null);
  const categoryRows = (uniqueSorted(covered.flatMap((a) => a.assessment.categories)) as DojCoveredCategory[]).map((category) =>
    categoryRow(base, category, covered),
  );
  const exemptRows = exempt.map((a) => exemptRow(base, a));
  if (categoryRows.length + exemptRows.length > 0) return [...categoryRows, ...exemptRows];

  const brokerage = assessed.some((a) => a.brokerageFinding !== null);
  return [
    {
      ...base,
      category: null,
      categories: [],
      unit: null,
      count: null,
      threshold: null,
      ownThreshold: null,
      combined: false,
      exceeds: false,
      transferIds: uniqueSorted(assessed.map((a) => a.transfer.id)),
      destinations: uniqueSorted(assessed.map((a) => a.transfer.destinationCountry)),
      leftOut: [],
      cisa: "n/a",
      status: "not-covered",
      prohibitedBecause: brokerage ? "brokerage" : null,
      citation: "",
      exemption: null,
      engineFinding: brokerage,
      storedFlags: uniqueFlags(assessed.flatMap((a) => a.storedFlags)),
    },
  ];
}

type RowBase = Pick<
  DojRow,
  | "exporterName"
  | "exporterCountry"
  | "recipientId"
  | "recipientName"
  | "recipientLegalName"
  | "recipientCountry"
  | "recipientStatus"
  | "coveredPerson"
  | "concernReasons"
  | "windowStart"
  | "windowEnd"
  | "pending"
>;

/** One DOJ category of the pair's covered (not exempt) transactions, as their assessments count it. */
function categoryRow(base: RowBase, category: DojCoveredCategory, covered: readonly Assessed[]): DojRow {
  const carrying = covered.filter((a) => a.assessment.categories.includes(category));
  const counts = carrying.flatMap((a) => a.assessment.counts.filter((c) => c.category === category));
  const own = DOJ_BULK_THRESHOLDS[category];
  const count = Math.max(0, ...counts.map((c) => c.count));
  const threshold = Math.min(own.threshold, ...counts.map((c) => c.threshold));
  const exceeds = counts.some((c) => c.exceeds);
  const transferIds = uniqueSorted(counts.flatMap((c) => c.transferIds));
  // The CISA state of the transactions that count: an EU-only flow is no restricted transaction of U.S. persons' data.
  const counted = carrying.filter((a) => transferIds.includes(a.transfer.id));
  const met = counted.filter((a) => a.transfer.cisaRequirementsMet).length;
  const cisa: DojCisaState = counted.length === 0 ? "n/a" : met === counted.length ? "all met" : met === 0 ? "not met" : "partly met";
  const brokerage = carrying.some((a) => a.brokerageFinding !== null);
  // 202.303: bulk human 'omic data (genomic data included) is prohibited outright, whatever the security requirements.
  const omicBulk = (category === "genomic" || category === "omic") && exceeds;
  const prohibitedBecause: DojProhibitedReason | null = brokerage ? "brokerage" : omicBulk ? "omic-bulk" : null;
  const status: DojStatus = prohibitedBecause
    ? "prohibited"
    : exceeds
      ? cisa === "all met"
        ? "restricted-cisa-met"
        : "restricted-cisa-not-met"
      : "below-threshold";
  const restrictedCitation =
    category === "government_related" ? "28 CFR 202.222, 202.401, 202.248" : "28 CFR 202.205, 202.401, 202.248";
  const citation = {
    prohibited: brokerage ? "15 U.S.C. 9901; 28 CFR 202.301, 202.214" : "28 CFR 202.303",
    "restricted-cisa-not-met": restrictedCitation,
    "restricted-cisa-met": restrictedCitation,
    "below-threshold": own.citation,
    exempt: "",
    "not-covered": "",
  }[status];
  const leftOut = new Map(counts.flatMap((c) => c.leftOut).map((l) => [l.transferId, l]));
  const finding = (a: Assessed) =>
    a.brokerageFinding !== null ||
    (category === "government_related"
      ? a.governmentFinding !== null
      : a.bulkFinding !== null && (a.bulkFinding.facts.categories as string[] | undefined)?.includes(category) === true);
  return {
    ...base,
    category,
    categories: [category],
    unit: own.unit,
    count,
    threshold,
    ownThreshold: own.threshold,
    combined: threshold < own.threshold,
    exceeds,
    transferIds,
    destinations: uniqueSorted(counts.flatMap((c) => c.destinations)),
    leftOut: [...leftOut.keys()].sort().map((id) => leftOut.get(id)!),
    cisa,
    status,
    prohibitedBecause,
    citation,
    exemption: null,
    engineFinding: carrying.some(finding),
    storedFlags: uniqueFlags(carrying.flatMap((a) => a.storedFlags)),
  };
}

/**
 * An exempt transfer (202.219): not restricted or prohibited under part 202 and counted nowhere, but listed with
 * the section relied on and why. Sold or brokered to a PADFA foreign adversary, it is still prohibited: subpart
 * E does not reach that statute (the engine's brokerage finding says so).
 */
function exemptRow(base: RowBase, a: Assessed): DojRow {
  const exemption = a.transfer.dojExemption!;
  const fact = DOJ_EXEMPTION_FACTS[exemption];
  const prohibited = a.brokerageFinding !== null;
  return {
    ...base,
    category: null,
    categories: a.assessment.categories,
    unit: a.transfer.volumeUnit,
    count: Math.max(0, a.transfer.estimatedSubjects),
    threshold: null,
    ownThreshold: null,
    combined: false,
    exceeds: false,
    transferIds: [a.transfer.id],
    destinations: [a.transfer.destinationCountry.toUpperCase()],
    leftOut: [],
    cisa: "n/a",
    status: prohibited ? "prohibited" : "exempt",
    prohibitedBecause: prohibited ? "brokerage-exempt" : null,
    citation: prohibited ? "15 U.S.C. 9901" : `28 CFR ${fact.section}, 202.219`,
    exemption: { code: exemption, section: fact.section, heading: dojExemptionHeading(exemption), justification: a.transfer.dojExemptionJustification },
    engineFinding: prohibited,
    storedFlags: uniqueFlags(a.storedFlags),
  };
}

async function* dojRows({ db, today, includePending }: ExportContext): AsyncGenerator<DojRow, void, undefined> {
  const categories = await loadCategoryFacts({ db });
  for await (const pair of iterateDojPairs({ db, countriesOfConcern: DOJ_COUNTRIES_OF_CONCERN.codes, includePending })) {
    yield* assessDojPair(pair, today, categories);
  }
}

const TEXT = {
  en: {
    title: "US DOJ data security report (28 CFR part 202)",
    sheet: "Covered data transactions",
    headers: {
      exporter: "Exporter (U.S. person)",
      exporterCountry: "Exporter country",
      recipient: "Recipient",
      recipientLegalName: "Recipient legal name",
      recipientCountry: "Recipient country",
      recipientStatus: "Recipient status",
      coveredPerson: "Covered person (202.211)",
      concern: "Of concern because",
      destinations: "Destinations",
      category: "DOJ category",
      count: "12-month count",
      unit: "Unit",
      threshold: "Threshold applied (more than)",
      ownThreshold: "Category threshold",
      combined: "Combined data set (202.205(g))",
      bulk: "Bulk",
      notCounted: "Not counted",
      cisa: "CISA security requirements",
      status: "Status",
      exemption: "Exemption (subpart E)",
      justification: "Exemption justification",
      citation: "Citation",
      engineFinding: "Rules engine finding",
      flags: "DOJ flags (not resolved)",
      transfers: "Transfers",
      window: "Window",
    },
    pdf: { exporter: "Exporter", category: "Category", count: "12-month count / threshold", cisa: "CISA", flags: "Flags" },
    units: { people: "U.S. persons", devices: "U.S. devices" },
    cisa: { "all met": "all met", "partly met": "partly met", "not met": "not met", "n/a": "n/a" },
    concern: {
      "processor-country": (country: string) => `processor country ${country}`,
      destination: (country: string) => `destination ${country}`,
      "covered-person": "covered person",
    },
    prohibited: {
      brokerage: "data brokerage to a country of concern or covered person (PADFA, 15 U.S.C. 9901; 28 CFR 202.301)",
      "brokerage-exempt":
        "data brokerage to a country of concern or covered person (PADFA, 15 U.S.C. 9901; 28 CFR 202.301); the exemption claimed does not reach PADFA",
      "omic-bulk": "bulk human 'omic data (28 CFR 202.303)",
    },
    notCoveredCitation: "28 CFR 202.249 (sensitive personal data), 202.222 (government-related data), 202.210 (covered data transaction)",
    notCountedBecause: (transferId: string, reason: string) => `${transferId} (${reason})`,
    notCountedNote: "(not counted)",
    combinedNote: " (combined)",
    recipient: (status: string) => `recipient ${status}`,
    transfersCounted: (count: number, statuses: string) => `${count} unapproved transfer(s) counted (${statuses})`,
    notes: {
      countries: "Countries of concern",
      countriesValue: (codes: string, source: string, asOf: string) => `${codes} (${source}; as of ${asOf})`,
      window: "Window",
      windowValue: (period: string) => `${period}: counts over the preceding 12 months, per exporter and recipient (28 CFR 202.205)`,
      usPersons: "U.S. persons",
      usPersonsValue:
        "Counts include only flows whose subject regions include the US or a US state, or record none (28 CFR 202.256); a flow is counted with its whole estimate, which the register does not split by region. Government-related data is covered whatever the subjects' regions (202.222)",
      exemptions: "Exemptions",
      exemptionsValue: (source: string, asOf: string) =>
        `A transfer claiming an exemption is listed on its own row with the section and justification, and adds to no count (${source}; as of ${asOf})`,
      encryption: "Encryption",
      encryptionValue: "Encrypted data stays in scope (202.206); encryption is one of the CISA security requirements (202.248)",
    },
  },
  fr: {
    title: "Rapport sur la sécurité des données du DOJ américain (28 CFR partie 202)",
    sheet: "Transactions de données visées",
    headers: {
      exporter: "Exportateur (personne américaine)",
      exporterCountry: "Pays de l'exportateur",
      recipient: "Destinataire",
      recipientLegalName: "Raison sociale du destinataire",
      recipientCountry: "Pays du destinataire",
      recipientStatus: "Statut du destinataire",
      coveredPerson: "Personne visée (202.211)",
      concern: "Préoccupant en raison de",
      destinations: "Destinations",
      category: "Catégorie DOJ",
      count: "Volume sur 12 mois",
      unit: "Unité",
      threshold: "Seuil appliqué (plus de)",
      ownThreshold: "Seuil de la catégorie",
      combined: "Ensemble de données combiné (202.205(g))",
      bulk: "En masse",
      notCounted: "Non comptés",
      cisa: "Exigences de sécurité de la CISA",
      status: "Statut",
      exemption: "Exemption (sous-partie E)",
      justification: "Justification de l'exemption",
      citation: "Référence",
      engineFinding: "Constat du moteur de règles",
      flags: "Alertes DOJ (non résolues)",
      transfers: "Transferts",
      window: "Période",
    },
    pdf: { exporter: "Exportateur", category: "Catégorie", count: "Volume sur 12 mois / seuil", cisa: "CISA", flags: "Alertes" },
    units: { people: "personnes américaines", devices: "appareils américains" },
    cisa: { "all met": "toutes respectées", "partly met": "partiellement respectées", "not met": "non respectées", "n/a": "sans objet" },
    concern: {
      "processor-country": (country: string) => `pays du sous-traitant ${country}`,
      destination: (country: string) => `destination ${country}`,
      "covered-person": "personne visée",
    },
    prohibited: {
      brokerage: "courtage de données vers un pays préoccupant ou une personne visée (PADFA, 15 U.S.C. 9901 ; 28 CFR 202.301)",
      "brokerage-exempt":
        "courtage de données vers un pays préoccupant ou une personne visée (PADFA, 15 U.S.C. 9901 ; 28 CFR 202.301) ; l'exemption invoquée ne s'étend pas au PADFA",
      "omic-bulk": "données « omiques » humaines en masse (28 CFR 202.303)",
    },
    notCoveredCitation:
      "28 CFR 202.249 (données personnelles sensibles), 202.222 (données liées au gouvernement), 202.210 (transaction de données visée)",
    notCountedBecause: (transferId: string, reason: string) => `${transferId} (${reason})`,
    notCountedNote: "(non compté)",
    combinedNote: " (combiné)",
    recipient: (status: string) => `destinataire ${status}`,
    transfersCounted: (count: number, statuses: string) => `${count} transfert(s) non validé(s) compté(s) (${statuses})`,
    notes: {
      countries: "Pays préoccupants",
      countriesValue: (codes: string, source: string, asOf: string) => `${codes} (${source} ; situation en ${asOf})`,
      window: "Période",
      windowValue: (period: string) => `${period} : volumes sur les 12 mois précédents, par exportateur et destinataire (28 CFR 202.205)`,
      usPersons: "Personnes américaines",
      usPersonsValue:
        "Seuls sont comptés les flux dont les régions des personnes concernées comprennent les États-Unis ou un État américain, ou n'en indiquent aucune (28 CFR 202.256) ; un flux est compté pour toute son estimation, que le registre ne répartit pas par région. Les données liées au gouvernement sont visées quelles que soient les régions des personnes (202.222)",
      exemptions: "Exemptions",
      exemptionsValue: (source: string, asOf: string) =>
        `Un transfert invoquant une exemption figure sur sa propre ligne, avec la section et la justification, et ne s'ajoute à aucun volume (${source} ; situation en ${asOf})`,
      encryption: "Chiffrement",
      encryptionValue:
        "Les données chiffrées restent dans le champ (202.206) ; le chiffrement est l'une des exigences de sécurité de la CISA (202.248)",
    },
  },
} as const satisfies Record<ReportLanguage, unknown>;

const lower = (text: string, language: ReportLanguage) => text.toLocaleLowerCase(language);

/**
 * The categories by the names 28 CFR 202.205 and 202.222 give them ("Biometric identifiers"), which the report
 * reads better with than the catalogue's short classification labels: the thresholds' own in English.
 */
const CATEGORY_NAMES: Readonly<Record<ReportLanguage, Readonly<Record<DojCoveredCategory, string>>>> = {
  en: Object.fromEntries(Object.entries(DOJ_BULK_THRESHOLDS).map(([category, fact]) => [category, fact.label])) as Record<DojCoveredCategory, string>,
  fr: {
    genomic: "Données génomiques humaines",
    omic: "Autres données « omiques » humaines",
    biometric: "Identifiants biométriques",
    precise_geolocation: "Données de géolocalisation précise",
    health: "Données de santé personnelles",
    financial: "Données financières personnelles",
    covered_identifier: "Identifiants personnels visés",
    government_related: "Données liées au gouvernement",
  },
};

function statusText(row: DojRow, language: ReportLanguage): string {
  return enumLabel("dojStatus", row.status, language) + (row.prohibitedBecause ? `${colon(language)}${TEXT[language].prohibited[row.prohibitedBecause]}` : "");
}

function categoryLabel(row: DojRow, language: ReportLanguage): string {
  return row.categories.length ? row.categories.map((category) => CATEGORY_NAMES[language][category]).join("; ") : words(language).none;
}

function concernText(reason: DojConcernReason, language: ReportLanguage): string {
  const concern = TEXT[language].concern;
  return reason.kind === "covered-person" ? concern["covered-person"] : concern[reason.kind](countryName(reason.country, language));
}

function exemptionHeading(row: DojRow, language: ReportLanguage): string | null {
  if (!row.exemption) return null;
  // The English heading is the CFR's own; the French one, the catalogue's label with its section.
  return language === "en" ? row.exemption.heading : enumLabel("dojExemption", row.exemption.code, language);
}

function citationText(row: DojRow, language: ReportLanguage): string {
  return row.status === "not-covered" ? TEXT[language].notCoveredCitation : row.citation;
}

function pendingText(row: DojRow, language: ReportLanguage): string | null {
  if (!row.pending) return null;
  const text = TEXT[language];
  const parts: string[] = [];
  if (row.pending.recipientStatus) parts.push(text.recipient(lower(enumLabel("recordStatus", row.pending.recipientStatus, language), language)));
  if (row.pending.transferCount > 0) {
    const statuses = row.pending.transferStatuses.map((status) => lower(enumLabel("transferStatus", status, language), language)).join(", ");
    parts.push(text.transfersCounted(row.pending.transferCount, statuses));
  }
  return parts.join("; ");
}

/*
 * The count's unit as 28 CFR 202.205 counts it, "U.S. persons" / "U.S. devices": the report's own words, not the
 * catalogue's volumeUnit labels ("People", "Devices"), which name the register's field without the U.S. that the
 * threshold is about. Statuses, reasons, flag statuses and record statuses come from the catalogue.
 */
const unitText = (r: DojRow, language: ReportLanguage) => (r.unit === null ? null : TEXT[language].units[r.unit]);
const flagsText = (r: DojRow, language: ReportLanguage) =>
  joined(r.storedFlags.map((f) => `${enumLabel("rule", f.ruleId, language)}${colon(language)}${lower(enumLabel("flagStatus", f.status, language), language)}`));
const leftOutText = (r: DojRow, language: ReportLanguage) =>
  joined(r.leftOut.map((l) => TEXT[language].notCountedBecause(l.transferId, enumLabel("dojLeftOutReason", l.reason, language))));

function dojColumns(language: ReportLanguage) {
  const text = TEXT[language];
  const h = text.headers;
  const columns: ExportColumn<DojRow>[] = [
    { header: h.exporter, width: 26, value: (r) => r.exporterName },
    { header: h.exporterCountry, width: 10, value: (r) => countryName(r.exporterCountry, language) },
    { header: h.recipient, width: 30, value: (r) => r.recipientName },
    { header: h.recipientLegalName, width: 30, value: (r) => r.recipientLegalName },
    { header: h.recipientCountry, width: 10, value: (r) => countryName(r.recipientCountry, language) },
    { header: h.recipientStatus, width: 11, value: (r) => enumLabel("recordStatus", r.recipientStatus, language) },
    { header: h.coveredPerson, width: 12, value: (r) => yesNo(r.coveredPerson, language) },
    { header: h.concern, width: 30, value: (r) => joined(r.concernReasons.map((reason) => concernText(reason, language))) },
    { header: h.destinations, width: 14, value: (r) => joined(r.destinations.map((code) => countryName(code, language))) },
    { header: h.category, width: 26, value: (r) => categoryLabel(r, language) },
    { header: h.count, width: 12, value: (r) => r.count },
    { header: h.unit, width: 12, value: (r) => unitText(r, language) },
    { header: h.threshold, width: 12, value: (r) => r.threshold },
    { header: h.ownThreshold, width: 12, value: (r) => r.ownThreshold },
    { header: h.combined, width: 12, value: (r) => yesNo(r.combined, language) },
    { header: h.bulk, width: 8, value: (r) => yesNo(r.exceeds, language) },
    { header: h.notCounted, width: 30, value: (r) => leftOutText(r, language) },
    { header: h.cisa, width: 14, value: (r) => text.cisa[r.cisa] },
    { header: h.status, width: 40, value: (r) => statusText(r, language) },
    { header: h.exemption, width: 34, value: (r) => exemptionHeading(r, language) },
    { header: h.justification, width: 40, value: (r) => r.exemption?.justification ?? null },
    { header: h.citation, width: 24, value: (r) => citationText(r, language) },
    { header: h.engineFinding, width: 10, value: (r) => yesNo(r.engineFinding, language) },
    { header: h.flags, width: 30, value: (r) => flagsText(r, language) },
    { header: h.transfers, width: 40, value: (r) => joined(r.transferIds) },
    { header: h.window, width: 24, value: (r) => period(r.windowStart, r.windowEnd, language) },
  ];
  const p = text.pdf;
  const pdfColumns: ExportColumn<DojRow>[] = [
    { header: p.exporter, width: 9, value: (r) => `${r.exporterName} (${countryName(r.exporterCountry, language)})` },
    { header: h.recipient, width: 14, value: (r) => (r.recipientLegalName && r.recipientLegalName !== r.recipientName ? `${r.recipientName} — ${r.recipientLegalName}` : r.recipientName) },
    { header: h.concern, width: 10, value: (r) => joined(r.concernReasons.map((reason) => concernText(reason, language))) },
    { header: p.category, width: 10, value: (r) => categoryLabel(r, language) },
    {
      header: p.count,
      width: 10,
      value: (r) =>
        r.count === null
          ? "—"
          : r.threshold === null
            ? `${count(r.count, language)} ${unitText(r, language)} ${text.notCountedNote}`
            : `${count(r.count, language)} ${unitText(r, language)} / > ${count(r.threshold, language)}${r.combined ? text.combinedNote : ""}`,
    },
    { header: p.cisa, width: 6, value: (r) => text.cisa[r.cisa] },
    {
      header: h.status,
      width: 15,
      value: (r) =>
        statusText(r, language) +
        (r.exemption ? `${colon(language)}${exemptionHeading(r, language)}${r.exemption.justification ? ` — ${r.exemption.justification}` : ""}` : ""),
    },
    { header: p.flags, width: 10, value: (r) => flagsText(r, language) ?? words(language).noneLower },
  ];
  return { columns, pdfColumns };
}

export const dojRecordSchema = z
  .object({
    exporter: z.object({ name: z.string(), country: z.string() }),
    recipient: z.object({
      id: z.string(),
      name: z.string(),
      legalName: z.string().nullable(),
      country: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      coveredPerson: z.boolean(),
      concernReasons: z.array(z.string()).describe("Why the recipient is of concern, in the export's language"),
    }),
    category: z
      .string()
      .nullable()
      .describe("genomic | omic | biometric | precise_geolocation | health | financial | covered_identifier | government_related; null: an exempt transfer's row, or none"),
    categories: z.array(z.string()).describe("The DOJ categories the row is about (an exempt transfer may carry several)"),
    categoryLabel: z.string(),
    count: z.number().int().nullable().describe("12-month count over the pair's transactions with U.S. persons and no exemption (28 CFR 202.205, 202.256); an exempt row: its own transfer's estimate, counted nowhere"),
    unit: z.string().nullable().describe("people | devices (U.S. persons or U.S. devices)"),
    unitLabel: z.string().nullable(),
    threshold: z.number().int().nullable().describe("Bulk when the count is MORE than this; 0 for government-related data (any volume, 202.222)"),
    ownThreshold: z.number().int().nullable(),
    combined: z.boolean(),
    bulk: z.boolean(),
    notCounted: z
      .array(z.object({ transferId: z.string(), reason: z.enum(["no-us-persons", "exempt"]), label: z.string() }))
      .describe("Transfers of the pair carrying the category that add nothing to its count, and why"),
    cisa: z.enum(["all met", "partly met", "not met", "n/a"]),
    cisaLabel: z.string(),
    status: z.enum(["prohibited", "restricted-cisa-not-met", "restricted-cisa-met", "below-threshold", "exempt", "not-covered"]),
    statusLabel: z.string(),
    prohibitedBecause: z.string().nullable(),
    citation: z.string(),
    exemption: z
      .object({ code: z.string(), section: z.string(), heading: z.string(), justification: z.string().nullable() })
      .nullable()
      .describe("The 28 CFR part 202 subpart E exemption an exempt row's transfer claims"),
    engineFinding: z.boolean(),
    storedFlags: z.array(z.string()).describe("\"rule id: status\" of the DOJ flags stored on the transfers, not resolved"),
    storedFlagLabels: z.array(z.string()).describe("The same flags as \"rule title: status\", in the export's language"),
    destinations: z.array(z.string()),
    transferIds: z.array(z.string()),
    window: z.object({ from: z.string(), to: z.string() }),
    pending: z.string().nullable(),
  })
  .describe("One exporter-recipient pair and DOJ category, or one exempt transfer, of the US DOJ data security report");

export function dojJsonRecord(row: DojRow, language: ReportLanguage = "en"): z.input<typeof dojRecordSchema> {
  const lowerStatus = (status: FlagStatus) => lower(enumLabel("flagStatus", status, language), language);
  return {
    exporter: { name: row.exporterName, country: row.exporterCountry },
    recipient: {
      id: row.recipientId,
      name: row.recipientName,
      legalName: row.recipientLegalName,
      country: row.recipientCountry,
      status: row.recipientStatus,
      statusLabel: enumLabel("recordStatus", row.recipientStatus, language),
      coveredPerson: row.coveredPerson,
      concernReasons: row.concernReasons.map((reason) => concernText(reason, language)),
    },
    category: row.category,
    categories: row.categories,
    categoryLabel: categoryLabel(row, language),
    count: row.count,
    unit: row.unit,
    unitLabel: unitText(row, language),
    threshold: row.threshold,
    ownThreshold: row.ownThreshold,
    combined: row.combined,
    bulk: row.exceeds,
    notCounted: row.leftOut.map((l) => ({ ...l, label: enumLabel("dojLeftOutReason", l.reason, language) })),
    cisa: row.cisa,
    cisaLabel: TEXT[language].cisa[row.cisa],
    status: row.status,
    statusLabel: enumLabel("dojStatus", row.status, language),
    prohibitedBecause: row.prohibitedBecause ? TEXT[language].prohibited[row.prohibitedBecause] : null,
    citation: citationText(row, language),
    exemption: row.exemption ? { ...row.exemption, heading: exemptionHeading(row, language)! } : null,
    engineFinding: row.engineFinding,
    storedFlags: row.storedFlags.map((f) => `${f.ruleId}: ${f.status}`),
    storedFlagLabels: row.storedFlags.map((f) => `${enumLabel("rule", f.ruleId, language)}${colon(language)}${lowerStatus(f.status)}`),
    destinations: row.destinations,
    transferIds: row.transferIds,
    window: { from: row.windowStart, to: row.windowEnd },
    pending: pendingText(row, language),
  };
}

function dojDefinition(language: ReportLanguage): ReportDefinition<DojRow> {
  const text = TEXT[language];
  const { columns, pdfColumns } = dojColumns(language);
  return {
    report: "doj",
    template: "28-cfr-202",
    title: text.title,
    language,
    sheetName: text.sheet,
    fileName: "doj-data-security",
    columns,
    pdfColumns,
    rows: dojRows,
    pendingMark: (row) => pendingText(row, language),
    jsonRecord: (row) => dojJsonRecord(row, language),
    jsonSchema: dojRecordSchema,
    async notes({ today }) {
      const n = text.notes;
      return [
        [n.countries, n.countriesValue(DOJ_COUNTRIES_OF_CONCERN.codes.join(", "), DOJ_COUNTRIES_OF_CONCERN.source, asOfMonth(DOJ_COUNTRIES_OF_CONCERN.asOf, language))],
        [n.window, n.windowValue(period(twelveMonthsBefore(today), today, language))],
        [n.usPersons, n.usPersonsValue],
        [n.exemptions, n.exemptionsValue(DOJ_EXEMPTIONS_SOURCE.source, asOfMonth(DOJ_EXEMPTIONS_SOURCE.asOf, language))],
        [n.encryption, n.encryptionValue],
      ];
    },
  };
}

const DEFINITIONS: Readonly<Record<ReportLanguage, ReportDefinition<DojRow>>> = {
  en: dojDefinition("en"),
  fr: dojDefinition("fr"),
};

export function dojReport(language: ReportLanguage = "en"): ReportDefinition<DojRow> {
  return DEFINITIONS[language];
}

export const DOJ_REPORT = DEFINITIONS.en;
export const DOJ_COLUMNS: readonly ExportColumn<DojRow>[] = DEFINITIONS.en.columns;
