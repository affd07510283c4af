import type {
  AccessType,
  AgreementType,
  Art9Condition,
  CcpaCategory,
  DisclosureType,
  DojCategory,
  DojExemption,
  DojIdentifierKind,
  EncryptionAtRest,
  EncryptionInTransit,
  EntityRole,
  FlagSubjectType,
  Frequency,
  LegalBasis,
  PiplExemption,
  ProcessorRole,
  ProcessorService,
  RecordStatus,
  SccModule,
  Severity,
  TransferMechanism,
  TransferStatus,
  VolumeUnit,
} from "@/db/schema/enums";
import type { IsoDate } from "./iso-date";

/*
 * What the rules see: plain data, built by the DB layer (or by `snapshot.ts` from whole tables).
 * Dates are ISO calendar dates ("YYYY-MM-DD"), never Date objects, and "today" is always passed in: a
 * rule never reads the clock, so the same register gives the same flags in a test, a job or a replay.
 * Field names follow DOMAIN.md §2 in camelCase.
 */

export type { IsoDate };

/** Subject regions as recorded on a transfer: "EU", "UK", "US-CA", "CN"... */
export type SubjectRegion = string;

export interface EntityFacts {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Controller or processor of the data it exports: with the recipient's role, it selects the SCC module. */
  role: EntityRole;
  /** PIPL Art. 40 critical information infrastructure operator: every export needs a CAC assessment. */
  ciio: boolean;
}

export interface ActivityFacts {
  id: string;
  name: string;
  legalBasis: LegalBasis | null;
  /** GDPR Art. 9(2) condition; required when special categories are processed. */
  art9Condition: Art9Condition | null;
  /** Free text ("24 months after account closure"); null or blank means not set. */
  retentionPeriod: string | null;
  disclosureType: DisclosureType;
}

export interface ProcessorFacts {
  id: string;
  name: string;
  role: ProcessorRole;
  service: ProcessorService;
  /** Country of establishment, ISO alpha-2. */
  country: string;
  parentProcessorId: string | null;
  dpfCertified: boolean;
  /** Next re-certification date on the DPF list; null with dpfCertified = true counts as valid. */
  dpfExpiry: IsoDate | null;
  /**
   * The certification includes the UK Extension: UK subjects' data to a US importer relies on it, never on
   * the EU-US certification alone (UK adequacy regulations of 2023).
   */
  dpfUkExtension: boolean;
  /** 28 CFR 202.211: owned by, controlled by or primarily resident in a country of concern. */
  coveredPerson: boolean;
  ownerUserId: string | null;
  status: RecordStatus;
}

export interface AgreementFacts {
  id: string;
  processorId: string;
  type: AgreementType;
  sccModule: SccModule | null;
  signedDate: IsoDate | null;
  effectiveDate: IsoDate | null;
  expiryDate: IsoDate | null;
  permitsSubprocessing: boolean;
  flowDown: boolean;
  /** Covers every transfer to its processor (the default); otherwise only `transferIds`. */
  coversAllTransfers: boolean;
  transferIds: readonly string[];
}

export interface CategoryFacts {
  id: string;
  /** Hierarchical key, fideslang where one exists ("user.biometric.face"). */
  key: string;
  /**
   * The name recorded on the category (English): French messages name a category the taxonomy does not know by
   * it rather than by its key (lib/rules/format.ts, formatCategory). Optional: a context built by hand may omit it.
   */
  name?: string;
  gdprSpecial: boolean;
  ccpaCategory: CcpaCategory | null;
  ccpaSensitive: boolean;
  piplSensitive: boolean;
  dojCategory: DojCategory;
  /**
   * 28 CFR 202.234 kind of listed identifier (IMEI, MAC, advertising id, IP address, email...), null when
   * the category is not one. A listed identifier counts as a covered personal identifier only when linked
   * to another listed identifier or to other sensitive personal data in the same transfer (202.212), and
   * the kinds decide the 202.212(b) exclusions; its own dojCategory is then ignored.
   */
  dojIdentifierKind: DojIdentifierKind | null;
}

export interface TransferFacts {
  id: string;
  activityId: string;
  exporterEntityId: string;
  processorId: string;
  /** Where the data sits (usually US). */
  originCountry: string;
  destinationCountry: string;
  accessType: AccessType;
  subjectRegions: readonly SubjectRegion[];
  /** People (or devices, see volumeUnit) per 12 months. */
  estimatedSubjects: number;
  volumeUnit: VolumeUnit;
  frequency: Frequency;
  encryptionInTransit: EncryptionInTransit;
  encryptionAtRest: EncryptionAtRest;
  mechanism: TransferMechanism;
  /** Date of the transfer impact assessment. */
  tiaDate: IsoDate | null;
  /**
   * Why the completed TIA is under review, null when it is not: set by the TIA service (lib/tia) when a material
   * change of the transfer (destination, categories, access type, volume band, mechanism) calls it into review
   * (EDPB Recommendations 01/2020, step 6), in English words; cleared when a TIA is completed again.
   */
  tiaReviewReason: string | null;
  /** 28 CFR 202.248: CISA security requirements for restricted transactions are met. */
  cisaRequirementsMet: boolean;
  status: TransferStatus;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  /**
   * 2024 PRC Provisions Art. 4: personal information collected abroad, processed in China and sent back is
   * exempt from the PIPL export routes.
   */
  reExportOfForeignData: boolean;
  /** 28 CFR 202.501-202.511 exemption claimed (with a justification kept on the record), or null. */
  dojExemption: DojExemption | null;
  /** PIPL Art. 40, 2024 Provisions Art. 7(1): the export contains important data. */
  importantData: boolean;
  /** 2024 Provisions Art. 5 exemption claimed, or null. */
  piplExemption: PiplExemption | null;
  /** PIPL Art. 39: separate consent obtained. */
  piplSeparateConsent: boolean;
  /** PIPL Art. 55-56: date of the personal-information protection impact assessment. */
  pipiaDate: IsoDate | null;
}

/** Another transfer from the same exporter to the same recipient, for the DOJ 12-month sum (202.205). */
export interface DojAggregateTransfer {
  id: string;
  exporterEntityId: string;
  processorId: string;
  destinationCountry: string;
  /** Only U.S. persons' data counts (202.256); no regions recorded counts, conservatively. */
  subjectRegions: readonly SubjectRegion[];
  /** An exempt transaction (subpart E) is not a covered transaction and does not add to the count. */
  dojExemption: DojExemption | null;
  estimatedSubjects: number;
  volumeUnit: VolumeUnit;
  status: TransferStatus;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  categories: readonly CategoryFacts[];
}

/**
 * What one exporting entity (the PIPL "data handler") has sent abroad from mainland China since 1 January,
 * over all its recipients (2024 Provisions Art. 7-8): see lib/rules/pipl.ts for which transfers count.
 */
export interface PiplExportTotals {
  /** 1 January of today's year: the counts run from it. */
  since: IsoDate;
  /** People whose sensitive personal information was sent abroad (PIPL Art. 28). */
  sensitiveCount: number;
  /** People whose other personal information was sent abroad; a flow carrying both counts in both. */
  nonSensitiveCount: number;
  /** Transfers counted, and the distinct recipients they go to. */
  transferCount: number;
  recipientCount: number;
}

export interface TransferContext {
  today: IsoDate;
  transfer: TransferFacts;
  activity: ActivityFacts;
  /** The recipient. */
  processor: ProcessorFacts;
  /** The recipient's parents, nearest first (the processor that engaged it, then its parent...). */
  processorChain: readonly ProcessorFacts[];
  exporter: EntityFacts;
  /**
   * Agreements of the recipient and of every processor in `processorChain`. The rules decide which cover
   * this transfer (own agreements: coversAllTransfers or transferIds; a parent's: only with flow-down).
   */
  agreements: readonly AgreementFacts[];
  categories: readonly CategoryFacts[];
  /** Other transfers (any status) from `exporter` to `processor`; the DOJ rule filters and sums them. */
  dojAggregate: readonly DojAggregateTransfer[];
  /**
   * The exporter's PIPL counts since 1 January, this transfer included when it counts: built once per
   * exporter by the snapshot (snapshot.ts). Absent from a context built for one transfer alone (a test, the
   * DOJ report): then only this transfer counts (pipl.ts, piplTotalsOf).
   */
  piplAggregate?: PiplExportTotals;
}

export interface ProcessorParentFacts {
  processor: ProcessorFacts;
  agreements: readonly AgreementFacts[];
}

export interface ProcessorContext {
  today: IsoDate;
  processor: ProcessorFacts;
  /** The processor that engaged this one, with its agreements; null for a top-level processor or if unknown. */
  parent: ProcessorParentFacts | null;
  agreements: readonly AgreementFacts[];
  /** At least one active transfer (see isTransferActive) goes to this processor. */
  hasActiveTransfers: boolean;
  /** At least one active transfer to this processor uses mechanism "dpf". */
  transfersRelyOnDpf: boolean;
  /**
   * At least one of those carries UK subjects' data: it relies on the certification's UK Extension, never on
   * the EU-US certification alone (The Data Protection (Adequacy) (United States of America) Regulations 2023).
   */
  ukTransfersRelyOnDpf: boolean;
}

export interface AgreementContext {
  today: IsoDate;
  agreement: AgreementFacts;
  /** For messages; optional. */
  processorName?: string;
  /**
   * At least one active transfer (see isTransferActive) of the agreement's own processor is covered by it
   * (coversAllTransfers or listed in transferIds). Sub-processors' transfers are not counted here.
   */
  coversActiveTransfer: boolean;
}

export type FactValue = string | number | boolean | string[];

export interface Finding {
  ruleId: RuleId;
  subjectType: FlagSubjectType;
  subjectId: string;
  severity: Severity;
  /** One readable sentence, in English. */
  message: string;
  /** The same sentence in French (legal terms as lib/labels/fr.ts words them): French pages and exports show it. */
  messageFr: string;
  /** Why it fired: the facts the rule used. */
  facts: Record<string, FactValue>;
  citation: string;
  remediation: string;
}

export const RULE_IDS = [
  "transfer.no-encryption-in-transit",
  "transfer.no-encryption-at-rest",
  "transfer.no-contract",
  "transfer.no-mechanism",
  "transfer.mechanism-undocumented",
  "transfer.tia-missing",
  "transfer.art49-systematic",
  "transfer.doj-bulk-restricted",
  "transfer.doj-brokerage-prohibited",
  "transfer.doj-government-related",
  "transfer.pipl-export",
  "transfer.pipl-consent-or-pipia-missing",
  "transfer.scc-module-mismatch",
  "transfer.special-category-no-condition",
  "transfer.retention-missing",
  "agreement.expired",
  "agreement.expiring-soon",
  "processor.dpf-lapsed",
  "processor.onward-uncovered",
  "processor.no-owner",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

interface RuleBase<S extends FlagSubjectType, C> {
  id: RuleId;
  title: string;
  subject: S;
  /** Every severity the rule can emit, lowest first (the UI shows "medium; high if sensitive"). */
  severities: readonly Severity[];
  citation: string;
  remediation: string;
  evaluate(ctx: C): Finding | null;
}

export type TransferRule = RuleBase<"transfer", TransferContext>;
export type ProcessorRule = RuleBase<"processor", ProcessorContext>;
export type AgreementRule = RuleBase<"agreement", AgreementContext>;
export type Rule = TransferRule | ProcessorRule | AgreementRule;

/** A transfer as the snapshot holds it: its facts and the categories it carries. */
export interface TransferRecord extends TransferFacts {
  /** Ids of the data categories the transfer carries (the transfer <-> category join). */
  categoryIds: readonly string[];
}

/** The register the rules evaluate, as plain facts: what db/queries/register.ts loads. */
export interface RegisterSnapshot {
  today: IsoDate;
  entities: readonly EntityFacts[];
  activities: readonly ActivityFacts[];
  processors: readonly ProcessorFacts[];
  agreements: readonly AgreementFacts[];
  categories: readonly CategoryFacts[];
  transfers: readonly TransferRecord[];
}

/* The register as the privacy-notice rules read it (lib/rules/notice-rules.ts; built by db/queries/notices.ts). */

/** An active transfer as the notice rules read it: its route, its recipient, its safeguards and its categories. */
export interface NoticeTransferFacts {
  id: string;
  processorId: string;
  processorName: string;
  processorLegalName: string | null;
  processorService: ProcessorService;
  exporterName: string;
  exporterCountry: string;
  originCountry: string;
  destinationCountry: string;
  accessType: AccessType;
  encryptionInTransit: EncryptionInTransit;
  encryptionAtRest: EncryptionAtRest;
  categoryKeys: readonly string[];
}

export interface NoticeActivityFacts {
  id: string;
  name: string;
  disclosureType: DisclosureType;
  status: RecordStatus;
}
