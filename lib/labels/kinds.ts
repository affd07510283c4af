import type { AgreementState, ActivityRecordState, CategoryClassification } from "@/db/list-sorts";
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
  FlagStatus,
  FlagWorkStatus,
  FlagSubjectType,
  Frequency,
  LegalBasis,
  Locale,
  NoticeStatementKind,
  PiplExemption,
  ProcessorRole,
  ProcessorService,
  RecordStatus,
  SccModule,
  SecurityMeasure,
  Severity,
  TransferMechanism,
  TransferStatus,
  UserRole,
  VolumeUnit,
} from "@/db/schema/enums";
import type { DeliveryStatus, NotificationChannel, NotificationEvent } from "@/db/schema/enums";
import type { DocumentKind } from "@/db/schema/enums";
import type { SupplementaryMeasureKind, TiaOutcome, TiaRiskLevel, TiaStatus } from "@/db/schema/enums";
import type { ExportFormat, ExportReport, PendingMode } from "@/lib/exports/catalog";
import type { RopaTemplate } from "@/lib/exports/ropa";
import type { ImportKind } from "@/lib/import/columns";
import type { DojLeftOutReason } from "@/lib/rules/doj";
import type { RuleId } from "@/lib/rules/types";
import type { NoticeRuleId } from "@/lib/rules/notice-rules";
import type { EN_FIELDS } from "./en";

/*
 * The kinds of value the catalogue names. Type-only imports: the catalogue is read by client components, and
 * importing the schema's tuples would ship drizzle to the browser. The order of each kind's values (for
 * enumOptions) is the order of the English catalogue, which lib/labels/catalogue.test.ts holds to the tuples.
 */

export type { Locale };

/** Where the DOJ report puts a pair or an exempt transfer (lib/exports/doj.ts, DojStatus). */
export type DojStatus = "prohibited" | "restricted-cisa-not-met" | "restricted-cisa-met" | "below-threshold" | "exempt" | "not-covered";
/** Where an exporter's PIPL counts of sensitive personal information since 1 January stand (lib/rules/pipl.ts). */
export type PiplSensitiveTier = "none" | "under_10000" | "10000_or_more";
/** Where an exporter's PIPL counts of other personal information since 1 January stand (lib/rules/pipl.ts). */
export type PiplNonSensitiveTier = "under_100000" | "100000_to_999999" | "1000000_or_more";
/** The review actions of the API's /processors/{id}/{action} (lib/api/contracts/processors.ts, REVIEW_ACTIONS). */
export type ReviewAction = "submit" | "approve" | "reject";
/** Why a registration looks like an existing vendor (lib/api/contracts/processors.ts, DUPLICATE_REASONS). */
export type DuplicateReason = "same_name" | "similar_name" | "same_domain";
/** The flags register's status filter (lib/api/contracts/flags.ts, FLAG_STATUS_FILTERS). */
export type FlagStatusFilter = FlagStatus | "all";
/** The transfers register's encryption filter (lib/api/contracts/transfers.ts, ENCRYPTION_FILTERS). */
export type EncryptionFilter = "none" | "any";
/**
 * The instrument transfer.no-contract asks of its recipient, which names the finding's remediation
 * (lib/rules/transfer-rules.ts, ContractDuty): a processor's Art. 28(3) agreement, the CCPA contract of an
 * independent controller receiving California consumers' data, a joint controller's Art. 26 arrangement.
 */
export type ContractDuty = "processor" | "california" | "joint_controller";
/** A user account's state in the users register. */
export type UserStatus = "active" | "disabled";
/** How a register is sorted. */
export type SortDirection = "asc" | "desc";

/**
 * Every enumeration a person reads, by kind: the camelCase names of the tuples of db/schema/enums.ts, the
 * product's own enumerations, `rule` (rule id -> rule title) and `ruleRemediation` (rule id -> what to do).
 */
export interface EnumValues {
  entityRole: EntityRole;
  processorRole: ProcessorRole;
  processorService: ProcessorService;
  recordStatus: RecordStatus;
  ccpaCategory: CcpaCategory;
  dojCategory: DojCategory;
  dojIdentifierKind: DojIdentifierKind;
  dojExemption: DojExemption;
  piplExemption: PiplExemption;
  legalBasis: LegalBasis;
  art9Condition: Art9Condition;
  disclosureType: DisclosureType;
  accessType: AccessType;
  volumeUnit: VolumeUnit;
  frequency: Frequency;
  encryptionInTransit: EncryptionInTransit;
  encryptionAtRest: EncryptionAtRest;
  transferMechanism: TransferMechanism;
  transferStatus: TransferStatus;
  agreementType: AgreementType;
  documentKind: DocumentKind;
  sccModule: SccModule;
  severity: Severity;
  flagSubjectType: FlagSubjectType;
  noticeStatementKind: NoticeStatementKind;
  flagStatus: FlagStatus;
  flagWorkStatus: FlagWorkStatus;
  userRole: UserRole;
  notificationEvent: NotificationEvent;
  notificationChannel: NotificationChannel;
  deliveryStatus: DeliveryStatus;
  securityMeasure: SecurityMeasure;
  locale: Locale;
  // Transfer impact assessments (lib/tia).
  tiaStatus: TiaStatus;
  tiaOutcome: TiaOutcome;
  tiaRiskLevel: TiaRiskLevel;
  supplementaryMeasureKind: SupplementaryMeasureKind;
  // The product's enumerations.
  // The notice's consistency rules (lib/rules/notice-rules.ts, issue 18) are rules too: titled and remedied here.
  rule: RuleId | NoticeRuleId;
  ruleRemediation: RuleId | NoticeRuleId;
  contractRemediation: ContractDuty;
  exportReport: ExportReport;
  exportFormat: ExportFormat;
  ropaTemplate: RopaTemplate;
  pendingMode: PendingMode;
  importKind: ImportKind;
  reviewAction: ReviewAction;
  duplicateReason: DuplicateReason;
  agreementState: AgreementState;
  activityRecordState: ActivityRecordState;
  categoryClassification: CategoryClassification;
  flagStatusFilter: FlagStatusFilter;
  encryptionFilter: EncryptionFilter;
  userStatus: UserStatus;
  sortDirection: SortDirection;
  dojStatus: DojStatus;
  dojLeftOutReason: DojLeftOutReason;
  piplSensitiveTier: PiplSensitiveTier;
  piplNonSensitiveTier: PiplNonSensitiveTier;
  // The same values as a finding's sentence names them ("… relies on the Data Privacy Framework"): lower case,
  // with their article; lib/rules/labels.ts re-exports them for the rules' messages.
  transferMechanismInSentence: TransferMechanism;
  processorRoleInSentence: ProcessorRole;
  sccModuleInFull: SccModule;
  piplExemptionInSentence: PiplExemption;
}

export type EnumKind = keyof EnumValues;
export type EnumValue<K extends EnumKind> = EnumValues[K];

/** One language's labels: a label for every value of every kind, or the catalogue does not compile. */
export type EnumCatalogue = { readonly [K in EnumKind]: Readonly<Record<EnumValue<K>, string>> };

/** The resources whose fields a person or a regulator reads. */
export const FIELD_RESOURCES = ["processor", "transfer", "agreement", "activity", "dataCategory", "entity", "flag", "user", "token"] as const;
export type FieldResource = (typeof FIELD_RESOURCES)[number];

/** The fields of a resource that have a label (the English catalogue lists them). */
export type FieldName<R extends FieldResource> = keyof (typeof EN_FIELDS)[R] & string;

/** One language's field labels: the same fields as the English catalogue, or the catalogue does not compile. */
export type FieldCatalogue = { readonly [R in FieldResource]: Readonly<Record<FieldName<R>, string>> };
