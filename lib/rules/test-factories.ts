import type {
  ActivityFacts,
  AgreementContext,
  AgreementFacts,
  CategoryFacts,
  DojAggregateTransfer,
  EntityFacts,
  PiplExportTotals,
  ProcessorContext,
  ProcessorFacts,
  ProcessorParentFacts,
  TransferContext,
  TransferFacts,
} from "./types";

/*
 * Test data for the rules. Every default is compliant: a context built with no overrides raises no finding
 * (asserted in evaluate.test.ts), so a test changes only the facts its rule is about.
 */

export const TODAY = "2026-11-15";

export function makeEntity(overrides: Partial<EntityFacts> = {}): EntityFacts {
  return { id: "ent-us", name: "GNCC Inc.", country: "US", role: "controller", ciio: false, ...overrides };
}

export function makeActivity(overrides: Partial<ActivityFacts> = {}): ActivityFacts {
  return {
    id: "act-1",
    name: "Cloud hosting",
    legalBasis: "contract",
    art9Condition: null,
    retentionPeriod: "24 months after account closure",
    disclosureType: "business_purpose",
    ...overrides,
  };
}

export function makeProcessor(overrides: Partial<ProcessorFacts> = {}): ProcessorFacts {
  return {
    id: "proc-1",
    name: "Acme Cloud",
    role: "processor",
    service: "hosting",
    country: "US",
    parentProcessorId: null,
    dpfCertified: true,
    dpfExpiry: "2027-06-30",
    dpfUkExtension: true,
    coveredPerson: false,
    ownerUserId: "user-dpo",
    status: "approved",
    ...overrides,
  };
}

export function makeAgreement(overrides: Partial<AgreementFacts> = {}): AgreementFacts {
  return {
    id: "agr-1",
    processorId: "proc-1",
    type: "dpa",
    sccModule: null,
    signedDate: "2025-01-01",
    effectiveDate: "2025-01-01",
    expiryDate: null,
    permitsSubprocessing: true,
    flowDown: true,
    coversAllTransfers: true,
    transferIds: [],
    ...overrides,
  };
}

export function makeCategory(overrides: Partial<CategoryFacts> & Pick<CategoryFacts, "key">): CategoryFacts {
  return {
    id: `cat-${overrides.key}`,
    gdprSpecial: false,
    ccpaCategory: null,
    ccpaSensitive: false,
    piplSensitive: false,
    dojCategory: "none",
    dojIdentifierKind: null,
    ...overrides,
  };
}

/** Categories from the demo company's privacy policy (DOMAIN.md §6), classified under each regime. */
export const CATEGORIES = {
  usage: makeCategory({ key: "user.behavior.usage", ccpaCategory: "F" }),
  email: makeCategory({
    key: "user.contact.email",
    ccpaCategory: "B",
    dojCategory: "covered_identifier",
    dojIdentifierKind: "demographic_contact",
  }),
  imei: makeCategory({
    key: "user.device.imei",
    ccpaCategory: "A",
    dojCategory: "covered_identifier",
    dojIdentifierKind: "device",
  }),
  mac: makeCategory({
    key: "user.device.mac_address",
    ccpaCategory: "A",
    dojCategory: "covered_identifier",
    dojIdentifierKind: "device",
  }),
  face: makeCategory({
    key: "user.biometric.face",
    gdprSpecial: true,
    ccpaCategory: "E",
    ccpaSensitive: true,
    piplSensitive: true,
    dojCategory: "biometric",
  }),
  preciseLocation: makeCategory({
    key: "user.location.precise",
    ccpaCategory: "G",
    ccpaSensitive: true,
    piplSensitive: true,
    dojCategory: "precise_geolocation",
  }),
  health: makeCategory({
    key: "user.health",
    gdprSpecial: true,
    ccpaSensitive: true,
    piplSensitive: true,
    dojCategory: "health",
  }),
  financial: makeCategory({
    key: "user.financial.account_number",
    ccpaCategory: "B",
    ccpaSensitive: true,
    piplSensitive: true,
    dojCategory: "financial",
  }),
  genome: makeCategory({
    key: "user.genetic",
    gdprSpecial: true,
    ccpaSensitive: true,
    piplSensitive: true,
    dojCategory: "omic",
  }),
} as const;

export function makeTransfer(overrides: Partial<TransferFacts> = {}): TransferFacts {
  return {
    id: "tr-1",
    activityId: "act-1",
    exporterEntityId: "ent-us",
    processorId: "proc-1",
    originCountry: "US",
    destinationCountry: "US",
    accessType: "storage",
    subjectRegions: ["EU", "US-CA"],
    estimatedSubjects: 5_000,
    volumeUnit: "people",
    frequency: "continuous",
    encryptionInTransit: "tls1_3",
    encryptionAtRest: "customer_keys",
    mechanism: "dpf",
    tiaDate: "2026-06-01",
    tiaReviewReason: null,
    cisaRequirementsMet: false,
    status: "approved",
    startDate: "2025-01-01",
    endDate: null,
    reExportOfForeignData: false,
    dojExemption: null,
    importantData: false,
    piplExemption: null,
    piplSeparateConsent: false,
    pipiaDate: null,
    ...overrides,
  };
}

/** Another transfer from ent-us to proc-1 (the DOJ aggregate); override to vary recipient or dates. */
export function makeAggregateTransfer(overrides: Partial<DojAggregateTransfer> = {}): DojAggregateTransfer {
  return {
    id: "tr-2",
    exporterEntityId: "ent-us",
    processorId: "proc-1",
    destinationCountry: "US",
    subjectRegions: ["EU", "US-CA"],
    dojExemption: null,
    estimatedSubjects: 1_000,
    volumeUnit: "people",
    status: "approved",
    startDate: "2025-01-01",
    endDate: null,
    categories: [CATEGORIES.usage],
    ...overrides,
  };
}

export interface TransferContextOverrides {
  today?: string;
  transfer?: Partial<TransferFacts>;
  activity?: Partial<ActivityFacts>;
  processor?: Partial<ProcessorFacts>;
  processorChain?: readonly ProcessorFacts[];
  exporter?: Partial<EntityFacts>;
  agreements?: readonly AgreementFacts[];
  categories?: readonly CategoryFacts[];
  dojAggregate?: readonly DojAggregateTransfer[];
  /** The exporter's PIPL counts; by default absent, so that only the transfer itself counts. */
  piplAggregate?: PiplExportTotals;
}

/** Compliant default: EU and California users' usage data and email to a DPF-certified US host under a DPA. */
export function makeTransferContext(overrides: TransferContextOverrides = {}): TransferContext {
  return {
    today: overrides.today ?? TODAY,
    transfer: makeTransfer(overrides.transfer),
    activity: makeActivity(overrides.activity),
    processor: makeProcessor(overrides.processor),
    processorChain: overrides.processorChain ?? [],
    exporter: makeEntity(overrides.exporter),
    agreements: overrides.agreements ?? [makeAgreement()],
    categories: overrides.categories ?? [CATEGORIES.usage, CATEGORIES.email],
    dojAggregate: overrides.dojAggregate ?? [],
    ...(overrides.piplAggregate === undefined ? {} : { piplAggregate: overrides.piplAggregate }),
  };
}

export interface ProcessorContextOverrides {
  today?: string;
  processor?: Partial<ProcessorFacts>;
  parent?: ProcessorParentFacts | null;
  agreements?: readonly AgreementFacts[];
  hasActiveTransfers?: boolean;
  transfersRelyOnDpf?: boolean;
  ukTransfersRelyOnDpf?: boolean;
}

export function makeProcessorContext(overrides: ProcessorContextOverrides = {}): ProcessorContext {
  return {
    today: overrides.today ?? TODAY,
    processor: makeProcessor(overrides.processor),
    parent: overrides.parent ?? null,
    agreements: overrides.agreements ?? [makeAgreement()],
    hasActiveTransfers: overrides.hasActiveTransfers ?? true,
    transfersRelyOnDpf: overrides.transfersRelyOnDpf ?? true,
    ukTransfersRelyOnDpf: overrides.ukTransfersRelyOnDpf ?? false,
  };
}

export interface AgreementContextOverrides {
  today?: string;
  agreement?: Partial<AgreementFacts>;
  processorName?: string;
  coversActiveTransfer?: boolean;
}

export function makeAgreementContext(overrides: AgreementContextOverrides = {}): AgreementContext {
  return {
    today: overrides.today ?? TODAY,
    agreement: makeAgreement(overrides.agreement),
    processorName: overrides.processorName ?? "Acme Cloud",
    coversActiveTransfer: overrides.coversActiveTransfer ?? true,
  };
}

/**
 * More categories for the 28 CFR part 202 cases (issue #15), classified as the taxonomy does: each listed
 * identifier with its 202.234 kind, human genomic data apart from the other 'omic data, government-related data.
 */
export const DOJ_TEST_CATEGORIES = {
  phone: makeCategory({
    key: "user.contact.phone_number",
    ccpaCategory: "B",
    dojCategory: "covered_identifier",
    dojIdentifierKind: "demographic_contact",
  }),
  name: makeCategory({
    key: "user.name",
    ccpaCategory: "A",
    dojCategory: "covered_identifier",
    dojIdentifierKind: "demographic_contact",
  }),
  advertisingId: makeCategory({
    key: "user.device.advertising_id",
    ccpaCategory: "A",
    dojCategory: "covered_identifier",
    dojIdentifierKind: "advertising_id",
  }),
  ipAddress: makeCategory({
    key: "user.device.ip_address",
    ccpaCategory: "A",
    dojCategory: "covered_identifier",
    dojIdentifierKind: "network",
  }),
  username: makeCategory({
    key: "user.account.username",
    ccpaCategory: "A",
    dojCategory: "covered_identifier",
    dojIdentifierKind: "account_authentication",
  }),
  genomic: makeCategory({
    key: "user.genetic.genome",
    gdprSpecial: true,
    ccpaSensitive: true,
    piplSensitive: true,
    dojCategory: "genomic",
  }),
  proteomic: makeCategory({
    key: "user.genetic.proteome",
    gdprSpecial: true,
    ccpaSensitive: true,
    piplSensitive: true,
    dojCategory: "omic",
  }),
  governmentLocation: makeCategory({
    key: "user.location.government_site",
    ccpaCategory: "G",
    ccpaSensitive: true,
    piplSensitive: true,
    dojCategory: "government_related",
  }),
} as const;
