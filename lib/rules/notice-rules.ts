import type {
  AccessType,
  DisclosureType,
  EncryptionAtRest,
  EncryptionInTransit,
  FlagSubjectType,
  Locale,
  NoticeStatementKind,
  ProcessorService,
  RecordStatus,
  Severity,
} from "@/db/schema/enum-values";
import { countryName, enumLabel } from "@/lib/labels";
import { DATA_CATEGORY_TAXONOMY } from "@/lib/taxonomy/data-categories";
import { categoryNameFr } from "@/lib/taxonomy/names-fr";
import { activeCoveringAgreements, isProcessingAgreementFor } from "./predicates";
import type { AgreementFacts, FactValue, IsoDate, NoticeActivityFacts, NoticeTransferFacts, ProcessorFacts, TransferFacts } from "./types";

// The register facts the notice rules read live in the kernel (./types), where db/queries/notices.ts builds them.
export type { NoticeActivityFacts, NoticeTransferFacts };

/*
 * Does the published privacy notice tell the truth (DOMAIN.md §7, issue 18)? Pure rules comparing what the notice
 * in force declares and promises (its statements, each with the words it quotes and their section) with what the
 * register shows. Like the register's rules, a rule never reads the clock or the database: lib/notices/evaluation.ts
 * loads the facts (a few aggregate queries, db/queries/notices.ts) and stores the findings as flags.
 *
 * Every finding is worded in English (`message`) and in French (`messageFr`); its remediation is the catalogue's
 * English (`ruleRemediation`), which the catalogue translates for a French reader (lib/labels flagRemediation).
 */

export const NOTICE_RULE_IDS = [
  "notice.undisclosed-recipient-category",
  "notice.undisclosed-data-category",
  "notice.undisclosed-destination",
  "notice.sale-against-promise",
  "notice.sharing-against-promise",
  "notice.storage-outside-declared",
  "notice.transfer-unencrypted-against-promise",
  "notice.transfer-without-contract-against-promise",
  "notice.pipl-recipient-not-named",
] as const;

export type NoticeRuleId = (typeof NOTICE_RULE_IDS)[number];

export function isNoticeRuleId(value: string): value is NoticeRuleId {
  return (NOTICE_RULE_IDS as readonly string[]).includes(value);
}

/** One statement of the notice: what it declares or promises, and its own words. */
export interface NoticeStatementFacts {
  id: string;
  kind: NoticeStatementKind;
  value: string | null;
  nonExhaustive: boolean;
  quote: string;
  section: string;
  language: Locale;
}

export interface NoticeFacts {
  id: string;
  title: string;
  versionLabel: string;
  effectiveDate: IsoDate;
  statements: readonly NoticeStatementFacts[];
}

/** The register's side: what db/queries/notices.ts loads (only what the notice's statements make necessary). */
export interface NoticeRegister {
  today: IsoDate;
  /** Active transfers (lib/rules/predicates.ts isTransferActive) to recipients that are not rejected or offboarded. */
  transfers: readonly NoticeTransferFacts[];
  /** Activities that sell or share (CCPA 1798.140(ad), (ah)): the others cannot break a "we do not sell" promise. */
  activities: readonly NoticeActivityFacts[];
  /** Agreements of the recipients and of their parents, for the overseas-agreements promise. */
  agreements: readonly AgreementFacts[];
  /** processor id -> the processor that engaged it (a parent's agreement covers a sub-processor only with flow-down). */
  parents: ReadonlyMap<string, string | null>;
}

export interface NoticeFinding {
  ruleId: NoticeRuleId;
  subjectType: FlagSubjectType;
  subjectId: string;
  /** The processor the finding concerns (flags.processor_id), null for an activity. */
  processorId: string | null;
  severity: Severity;
  message: string;
  messageFr: string;
  facts: Record<string, FactValue>;
  citation: string;
  remediation: string;
}

export interface NoticeRule {
  id: NoticeRuleId;
  subject: FlagSubjectType;
  /** Every severity the rule can emit, lowest first. */
  severities: readonly Severity[];
  citation: string;
  evaluate(notice: NoticeFacts, register: NoticeRegister): NoticeFinding[];
}

// ---------------------------------------------------------------------------------------------------------
// What the notice declares

const norm = (value: string) => value.trim().toLocaleLowerCase();

function statementsOf(notice: NoticeFacts, kind: NoticeStatementKind): NoticeStatementFacts[] {
  return notice.statements.filter((statement) => statement.kind === kind);
}

function declaredValues(notice: NoticeFacts, kind: NoticeStatementKind): Set<string> {
  return new Set(statementsOf(notice, kind).flatMap((statement) => (statement.value ? [statement.value] : [])));
}

/**
 * The notice's own words for a finding: the statements' quotes with their sections, in the statement's language
 * where the notice has one (a French reader sees the French words of a bilingual notice), else the others.
 */
function quoted(statements: readonly NoticeStatementFacts[], locale: Locale): { quote: string; section: string } {
  if (statements.length === 0) return { quote: "", section: "" };
  const preferred = statements.filter((statement) => statement.language === locale);
  const chosen = uniqueBy(preferred.length ? preferred : statements, (statement) => statement.quote);
  return {
    quote: chosen.map((statement) => `“${statement.quote}”`).join(" … "),
    section: [...new Set(chosen.map((statement) => statement.section))].join("; "),
  };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The facts every finding carries: which notice, and its words in both languages (the words a finding relies on). */
function noticeFacts(notice: NoticeFacts, statements: readonly NoticeStatementFacts[]): Record<string, FactValue> {
  const en = quoted(statements, "en");
  const fr = quoted(statements, "fr");
  return {
    notice: `${notice.title} (${notice.versionLabel})`,
    noticeEffectiveDate: notice.effectiveDate,
    noticeQuote: en.quote,
    noticeSection: en.section,
    noticeQuoteFr: fr.quote,
    noticeSectionFr: fr.section,
    noticeStatementIds: statements.map((statement) => statement.id),
  };
}

/** "“…” (section)" for a message, or what the notice is silent on. */
function citeWords(statements: readonly NoticeStatementFacts[], locale: Locale): string {
  const { quote, section } = quoted(statements, locale);
  if (!quote) return locale === "fr" ? "la politique ne dit rien à ce sujet" : "the notice says nothing about it";
  return locale === "fr" ? `la politique dit ${quote} (section « ${section} »)` : `the notice says ${quote} (section “${section}”)`;
}

/** A declared data category covers itself and every category below it in the hierarchy. */
function categoryDeclared(key: string, declared: ReadonlySet<string>): boolean {
  for (const value of declared) if (key === value || key.startsWith(`${value}.`)) return true;
  return false;
}

function label(kind: "processorService", value: string, locale: Locale): string {
  return enumLabel(kind, value, locale);
}

function countries(codes: readonly string[], locale: Locale): string {
  return list(codes.map((code) => countryName(code, locale)), locale);
}

function list(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(items);
}

const isCrossBorder = (transfer: NoticeTransferFacts) => transfer.originCountry.toUpperCase() !== transfer.destinationCountry.toUpperCase();

function route(transfer: NoticeTransferFacts, locale: Locale): string {
  if (!isCrossBorder(transfer)) return `${transfer.processorName} (${countryName(transfer.destinationCountry, locale)})`;
  return `${transfer.processorName} (${countryName(transfer.originCountry, locale)} → ${countryName(transfer.destinationCountry, locale)})`;
}

const CATEGORY_NAMES: ReadonlyMap<string, string> = new Map(DATA_CATEGORY_TAXONOMY.map((category) => [category.key, category.name]));

/** A category as a person reads it (the taxonomy's name, in French the French one); a key it does not know stays a key. */
function categoryNames(keys: readonly string[], locale: Locale): string {
  const names = keys.map((key) => {
    const name = CATEGORY_NAMES.get(key);
    if (name === undefined) return key;
    return locale === "fr" ? categoryNameFr({ key, name }) : name;
  });
  return names.join(locale === "fr" ? " ; " : "; ");
}

function transferFacts(transfer: NoticeTransferFacts): Record<string, FactValue> {
  return {
    processor: transfer.processorName,
    exporter: transfer.exporterName,
    origin: transfer.originCountry,
    destination: transfer.destinationCountry,
  };
}

function finding(
  rule: Pick<NoticeRule, "id" | "citation">,
  subject: { subjectType: FlagSubjectType; subjectId: string; processorId: string | null },
  hit: { severity: Severity; message: string; messageFr: string; facts: Record<string, FactValue> },
): NoticeFinding {
  return {
    ruleId: rule.id,
    ...subject,
    ...hit,
    citation: rule.citation,
    remediation: enumLabel("ruleRemediation", rule.id, "en"),
  };
}

// ---------------------------------------------------------------------------------------------------------
// The rules

const undisclosedRecipientCategory: NoticeRule = {
  id: "notice.undisclosed-recipient-category",
  subject: "processor",
  severities: ["medium"],
  citation: "GDPR Art. 13(1)(e), 14(1)(e); Cal. Civ. Code 1798.130(a)(5)(B)",
  evaluate(notice, register) {
    const statements = statementsOf(notice, "recipient_category");
    const declared = declaredValues(notice, "recipient_category");
    // GDPR 13(1)(e) allows "the recipients or categories of recipients": a recipient named in the notice is disclosed.
    const named = new Set([...declaredValues(notice, "named_recipient")].map(norm));
    const recipients = new Map<string, NoticeTransferFacts>();
    for (const transfer of register.transfers) if (!recipients.has(transfer.processorId)) recipients.set(transfer.processorId, transfer);
    const findings: NoticeFinding[] = [];
    for (const recipient of recipients.values()) {
      if (declared.has(recipient.processorService)) continue;
      if (named.has(norm(recipient.processorName)) || (recipient.processorLegalName && named.has(norm(recipient.processorLegalName)))) continue;
      const declaredLabels = (locale: Locale) => [...declared].map((value) => label("processorService", value, locale));
      findings.push(
        finding(this, { subjectType: "processor", subjectId: recipient.processorId, processorId: recipient.processorId }, {
          severity: "medium",
          message: `${recipient.processorName} receives personal data as a ${label("processorService", recipient.processorService, "en").toLocaleLowerCase()} provider, a kind of recipient the privacy notice does not name: ${citeWords(statements, "en")}.`,
          messageFr: `${recipient.processorName} reçoit des données personnelles en tant que prestataire « ${label("processorService", recipient.processorService, "fr")} », une catégorie de destinataires que la politique de confidentialité ne mentionne pas : ${citeWords(statements, "fr")}.`,
          facts: {
            ...noticeFacts(notice, statements),
            processor: recipient.processorName,
            service: recipient.processorService,
            declaredRecipientCategories: declaredLabels("en"),
          },
        }),
      );
    }
    return findings;
  },
};

const undisclosedDataCategory: NoticeRule = {
  id: "notice.undisclosed-data-category",
  subject: "transfer",
  severities: ["medium"],
  citation: "GDPR Art. 13(1)(e), 14(1)(d); Cal. Civ. Code 1798.100(a)(1), 1798.130(a)(5)(B)",
  evaluate(notice, register) {
    const statements = statementsOf(notice, "data_category");
    const declared = declaredValues(notice, "data_category");
    const findings: NoticeFinding[] = [];
    for (const transfer of register.transfers) {
      const undisclosed = [...new Set(transfer.categoryKeys.filter((key) => !categoryDeclared(key, declared)))].sort();
      if (undisclosed.length === 0) continue;
      findings.push(
        finding(this, { subjectType: "transfer", subjectId: transfer.id, processorId: transfer.processorId }, {
          // CCPA 1798.100(a)(1) asks for the categories themselves: "including but not limited to" does not excuse one missing.
          severity: "medium",
          message: `The transfer to ${route(transfer, "en")} carries data categories the privacy notice does not declare (${categoryNames(undisclosed, "en")}): ${citeWords(statements, "en")}.`,
          messageFr: `Le transfert vers ${route(transfer, "fr")} porte sur des catégories de données que la politique de confidentialité ne déclare pas (${categoryNames(undisclosed, "fr")}) : ${citeWords(statements, "fr")}.`,
          facts: { ...noticeFacts(notice, statements), ...transferFacts(transfer), undisclosedCategories: undisclosed },
        }),
      );
    }
    return findings;
  },
};

const undisclosedDestination: NoticeRule = {
  id: "notice.undisclosed-destination",
  subject: "transfer",
  severities: ["low", "medium"],
  citation: "GDPR Art. 13(1)(f), 14(1)(f); PIPL Art. 39",
  evaluate(notice, register) {
    const statements = statementsOf(notice, "country");
    const declared = new Set([...declaredValues(notice, "country"), ...declaredValues(notice, "storage_location")].map((code) => code.toUpperCase()));
    // "These jurisdictions include, but are not limited to…": the reader was warned that the list is open, so the
    // finding is low rather than medium; it is still reported, because Art. 13(1)(f) asks for the intention to
    // transfer to this third country, and an open list does not name it.
    const openList = statements.some((statement) => statement.nonExhaustive);
    const findings: NoticeFinding[] = [];
    for (const transfer of register.transfers) {
      if (!isCrossBorder(transfer) || declared.has(transfer.destinationCountry.toUpperCase())) continue;
      findings.push(
        finding(this, { subjectType: "transfer", subjectId: transfer.id, processorId: transfer.processorId }, {
          severity: openList ? "low" : "medium",
          message: `Data goes to ${countryName(transfer.destinationCountry, "en")} (${route(transfer, "en")}), a country the privacy notice does not name${openList ? " (its list is “not limited to” the countries it names)" : ""}: ${citeWords(statements, "en")}.`,
          messageFr: `Des données partent vers ${countryName(transfer.destinationCountry, "fr")} (${route(transfer, "fr")}), un pays que la politique de confidentialité ne nomme pas${openList ? " (sa liste n'est pas limitative)" : ""} : ${citeWords(statements, "fr")}.`,
          facts: {
            ...noticeFacts(notice, statements),
            ...transferFacts(transfer),
            declaredDestinations: [...declared].sort(),
            nonExhaustive: openList,
          },
        }),
      );
    }
    return findings;
  },
};

function disclosureAgainstPromise(
  id: "notice.sale-against-promise" | "notice.sharing-against-promise",
  promise: "no_sale" | "no_sharing",
  disclosures: readonly DisclosureType[],
  citation: string,
): NoticeRule {
  return {
    id,
    subject: "activity",
    severities: ["high"],
    citation,
    evaluate(notice, register) {
      const statements = statementsOf(notice, promise);
      if (statements.length === 0) return [];
      return register.activities
        .filter((activity) => disclosures.includes(activity.disclosureType) && activity.status !== "rejected" && activity.status !== "offboarded")
        .map((activity) => {
          const disclosure = (locale: Locale) => enumLabel("disclosureType", activity.disclosureType, locale).toLocaleLowerCase(locale);
          return finding({ id, citation }, { subjectType: "activity", subjectId: activity.id, processorId: null }, {
            severity: "high",
            message: `The processing activity “${activity.name}” discloses personal data as a ${disclosure("en")}, while ${citeWords(statements, "en")}.`,
            messageFr: `L'activité de traitement « ${activity.name} » communique des données personnelles sous la forme ${disclosure("fr")}, alors que ${citeWords(statements, "fr")}.`,
            facts: { ...noticeFacts(notice, statements), activity: activity.name, disclosureType: activity.disclosureType },
          });
        });
    },
  };
}

const saleAgainstPromise = disclosureAgainstPromise(
  "notice.sale-against-promise",
  "no_sale",
  // Data brokerage (28 CFR 202.214) is a sale of personal data for the CCPA as well (1798.140(ad)).
  ["sale", "data_brokerage"],
  "Cal. Civ. Code 1798.120, 1798.135, 1798.140(ad)",
);

const sharingAgainstPromise = disclosureAgainstPromise(
  "notice.sharing-against-promise",
  "no_sharing",
  ["sharing"],
  "Cal. Civ. Code 1798.120, 1798.135, 1798.140(ah)",
);

const storageOutsideDeclared: NoticeRule = {
  id: "notice.storage-outside-declared",
  subject: "transfer",
  severities: ["medium"],
  citation: "GDPR Art. 5(1)(a), 13(1)(f); FTC Act s.5 (deceptive statements)",
  evaluate(notice, register) {
    const statements = statementsOf(notice, "storage_location");
    const declared = new Set([...declaredValues(notice, "storage_location")].map((code) => code.toUpperCase()));
    if (declared.size === 0) return [];
    const findings: NoticeFinding[] = [];
    for (const transfer of register.transfers) {
      if (transfer.accessType !== "storage" || declared.has(transfer.destinationCountry.toUpperCase())) continue;
      findings.push(
        finding(this, { subjectType: "transfer", subjectId: transfer.id, processorId: transfer.processorId }, {
          severity: "medium",
          message: `${transfer.processorName} stores the data in ${countryName(transfer.destinationCountry, "en")}, outside ${countries([...declared], "en")}, where ${citeWords(statements, "en")}.`,
          messageFr: `${transfer.processorName} stocke les données en dehors de ${countries([...declared], "fr")}, à savoir ${countryName(transfer.destinationCountry, "fr")}, alors que ${citeWords(statements, "fr")}.`,
          facts: { ...noticeFacts(notice, statements), ...transferFacts(transfer), declaredStorage: [...declared].sort() },
        }),
      );
    }
    return findings;
  },
};

const transferUnencryptedAgainstPromise: NoticeRule = {
  id: "notice.transfer-unencrypted-against-promise",
  subject: "transfer",
  severities: ["high"],
  citation: "GDPR Art. 5(1)(a), 13(1)(f), 32(1)(a); FTC Act s.5 (deceptive statements)",
  evaluate(notice, register) {
    const inTransit = statementsOf(notice, "encryption_in_transit");
    const atRest = statementsOf(notice, "encryption_at_rest");
    if (inTransit.length === 0 && atRest.length === 0) return [];
    const findings: NoticeFinding[] = [];
    for (const transfer of register.transfers) {
      const gaps: ("in_transit" | "at_rest")[] = [];
      if (inTransit.length && transfer.encryptionInTransit === "none") gaps.push("in_transit");
      // Encryption at rest concerns the data the recipient stores; remote access leaves it where it was.
      if (atRest.length && transfer.accessType === "storage" && transfer.encryptionAtRest === "none") gaps.push("at_rest");
      if (gaps.length === 0) continue;
      const promises = [...(gaps.includes("in_transit") ? inTransit : []), ...(gaps.includes("at_rest") ? atRest : [])];
      const gapWords = (locale: Locale) =>
        list(gaps.map((gap) => (locale === "fr" ? (gap === "in_transit" ? "en transit" : "au repos") : gap === "in_transit" ? "in transit" : "at rest")), locale === "fr" ? "fr" : "en");
      findings.push(
        finding(this, { subjectType: "transfer", subjectId: transfer.id, processorId: transfer.processorId }, {
          severity: "high",
          message: `The transfer to ${route(transfer, "en")} is not encrypted ${gapWords("en")}, while ${citeWords(promises, "en")}.`,
          messageFr: `Le transfert vers ${route(transfer, "fr")} n'est pas chiffré ${gapWords("fr")}, alors que ${citeWords(promises, "fr")}.`,
          facts: {
            ...noticeFacts(notice, promises),
            ...transferFacts(transfer),
            unencrypted: gaps,
            encryptionInTransit: transfer.encryptionInTransit,
            encryptionAtRest: transfer.encryptionAtRest,
          },
        }),
      );
    }
    return findings;
  },
};

/** The predicates' view of a transfer and its recipient's chain: only the fields they read are known here. */
function coverageContext(transfer: NoticeTransferFacts, register: NoticeRegister) {
  const chain: ProcessorFacts[] = [];
  const seen = new Set<string>([transfer.processorId]);
  let parent = register.parents.get(transfer.processorId) ?? null;
  while (parent !== null && !seen.has(parent)) {
    seen.add(parent);
    chain.push({ id: parent } as ProcessorFacts);
    parent = register.parents.get(parent) ?? null;
  }
  const facts = {
    id: transfer.id,
    processorId: transfer.processorId,
    originCountry: transfer.originCountry,
    destinationCountry: transfer.destinationCountry,
  } as TransferFacts;
  return { today: register.today, transfer: facts, processorChain: chain, agreements: register.agreements };
}

const transferWithoutContractAgainstPromise: NoticeRule = {
  id: "notice.transfer-without-contract-against-promise",
  subject: "transfer",
  severities: ["high"],
  citation: "GDPR Art. 5(1)(a), 13(1)(f), 46; PIPL Art. 38; FTC Act s.5 (deceptive statements)",
  evaluate(notice, register) {
    const statements = statementsOf(notice, "overseas_agreements");
    if (statements.length === 0) return [];
    const findings: NoticeFinding[] = [];
    for (const transfer of register.transfers) {
      if (!isCrossBorder(transfer)) continue;
      const context = coverageContext(transfer, register);
      const covering = activeCoveringAgreements(context).filter((agreement) => isProcessingAgreementFor(agreement, context.transfer));
      if (covering.length) continue;
      findings.push(
        finding(this, { subjectType: "transfer", subjectId: transfer.id, processorId: transfer.processorId }, {
          severity: "high",
          message: `No signed agreement in force covers the transfer to ${route(transfer, "en")}, while ${citeWords(statements, "en")}.`,
          messageFr: `Aucun contrat signé en vigueur ne couvre le transfert vers ${route(transfer, "fr")}, alors que ${citeWords(statements, "fr")}.`,
          facts: { ...noticeFacts(notice, statements), ...transferFacts(transfer) },
        }),
      );
    }
    return findings;
  },
};

const piplRecipientNotNamed: NoticeRule = {
  id: "notice.pipl-recipient-not-named",
  subject: "transfer",
  severities: ["medium"],
  citation: "PIPL Art. 39",
  evaluate(notice, register) {
    const statements = statementsOf(notice, "named_recipient");
    const named = new Set([...declaredValues(notice, "named_recipient")].map(norm));
    const findings: NoticeFinding[] = [];
    for (const transfer of register.transfers) {
      const fromMainland = transfer.originCountry.toUpperCase() === "CN" || transfer.exporterCountry.toUpperCase() === "CN";
      if (!fromMainland || transfer.destinationCountry.toUpperCase() === "CN") continue;
      if (named.has(norm(transfer.processorName)) || (transfer.processorLegalName && named.has(norm(transfer.processorLegalName)))) continue;
      findings.push(
        finding(this, { subjectType: "transfer", subjectId: transfer.id, processorId: transfer.processorId }, {
          severity: "medium",
          message: `${transfer.exporterName} exports personal information from Mainland China to ${route(transfer, "en")}, a foreign recipient the privacy notice does not name with its contact details: ${citeWords(statements, "en")}.`,
          messageFr: `${transfer.exporterName} exporte des informations personnelles de Chine continentale vers ${route(transfer, "fr")}, un destinataire étranger que la politique de confidentialité ne nomme pas avec ses coordonnées : ${citeWords(statements, "fr")}.`,
          facts: { ...noticeFacts(notice, statements), ...transferFacts(transfer), namedRecipients: [...declaredValues(notice, "named_recipient")].sort() },
        }),
      );
    }
    return findings;
  },
};

export const NOTICE_RULES: readonly NoticeRule[] = [
  undisclosedRecipientCategory,
  undisclosedDataCategory,
  undisclosedDestination,
  saleAgainstPromise,
  sharingAgainstPromise,
  storageOutsideDeclared,
  transferUnencryptedAgainstPromise,
  transferWithoutContractAgainstPromise,
  piplRecipientNotNamed,
];

/** Every finding of the notice in force against the register. */
export function evaluateNotice(notice: NoticeFacts, register: NoticeRegister): NoticeFinding[] {
  return NOTICE_RULES.flatMap((rule) => rule.evaluate(notice, register));
}

/** Which statement kinds make a rule need the agreements (the only costly part of the register's side). */
export function noticeNeedsAgreements(notice: NoticeFacts): boolean {
  return notice.statements.some((statement) => statement.kind === "overseas_agreements");
}
