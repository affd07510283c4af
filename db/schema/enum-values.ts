/*
 * The value lists of the governance model's enumerations (../shared/domain/DOMAIN.md §2), as plain tuples:
 * zod schemas, the rule engine, the label catalogue and the UI share them with the database enums
 * (./enums.ts). Kept free of drizzle so that browser code importing them (the label catalogue, the
 * language switch) does not ship the database layer.
 */

export const ENTITY_ROLES = ["controller", "processor"] as const;
export const PROCESSOR_ROLES = ["processor", "sub_processor", "controller", "joint_controller", "affiliate"] as const;
export const PROCESSOR_SERVICES = [
  "hosting",
  "technical_support",
  "advertising",
  "push_messaging",
  "analytics",
  "ecommerce_platform",
  "payments",
  "customer_support",
  "other",
] as const;
/** Lifecycle of a record an engineer registers and the DPO reviews. */
export const RECORD_STATUSES = ["draft", "submitted", "approved", "rejected", "offboarded"] as const;
export const CCPA_CATEGORIES = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"] as const;
/**
 * 28 CFR 202.249 kinds of sensitive personal data: human genomic data (202.224, bulk above 100) apart from
 * the other human 'omic data (202.233a, above 1,000); government-related data (202.222) at any volume.
 */
export const DOJ_CATEGORIES = [
  "genomic",
  "omic",
  "biometric",
  "precise_geolocation",
  "covered_identifier",
  "health",
  "financial",
  "government_related",
  "none",
] as const;
/**
 * 28 CFR 202.234 kinds of listed identifier. The kind decides the 202.212(b) exclusions: demographic or
 * contact data linked only to demographic or contact data, and network-based identifiers, account-authentication
 * or call-detail data linked only to each other, are not covered personal identifiers.
 */
export const DOJ_IDENTIFIER_KINDS = [
  "government_id",
  "financial_account",
  "device",
  "demographic_contact",
  "advertising_id",
  "account_authentication",
  "network",
  "call_detail",
] as const;
/** 28 CFR part 202 subpart E: exempt transactions (202.501-202.511), named by what they exempt. */
export const DOJ_EXEMPTIONS = [
  "personal_communications",
  "information_materials",
  "travel",
  "official_government_business",
  "financial_services",
  "corporate_group",
  "required_by_federal_law",
  "cfius_mitigated_investment",
  "telecommunications",
  "regulatory_approval",
  "clinical_investigation",
] as const;
/**
 * Provisions on Promoting and Regulating Cross-Border Data Flows (2024) Art. 5: exports that need no CAC
 * assessment, standard contract or certification, and do not count toward the thresholds.
 */
export const PIPL_EXEMPTIONS = ["contract_with_individual", "cross_border_hr", "emergency"] as const;
export const LEGAL_BASES = [
  "consent",
  "contract",
  "legal_obligation",
  "vital_interests",
  "public_task",
  "legitimate_interests",
] as const;
/** GDPR Art. 9(2)(a)-(j). */
export const ART9_CONDITIONS = [
  "explicit_consent",
  "employment_social_security",
  "vital_interests",
  "not_for_profit_body",
  "manifestly_made_public",
  "legal_claims",
  "substantial_public_interest",
  "health_or_social_care",
  "public_health",
  "archiving_research_statistics",
] as const;
/**
 * How the activity discloses data: CCPA distinguishes a business purpose from a sale or a sharing
 * (1798.140(ad), (ah)); 28 CFR 202.214 defines data brokerage.
 */
export const DISCLOSURE_TYPES = ["business_purpose", "sale", "sharing", "data_brokerage"] as const;
export const ACCESS_TYPES = ["storage", "remote_access"] as const;
export const VOLUME_UNITS = ["people", "devices"] as const;
export const FREQUENCIES = ["continuous", "periodic", "one_off"] as const;
export const ENCRYPTION_IN_TRANSIT = ["none", "tls1_2", "tls1_3", "end_to_end"] as const;
export const ENCRYPTION_AT_REST = ["none", "provider_keys", "customer_keys"] as const;
export const TRANSFER_MECHANISMS = [
  "adequacy",
  "dpf",
  "scc",
  "bcr",
  "art49_consent",
  "art49_contract",
  "art49_other",
  "pipl_standard_contract",
  "pipl_certification",
  "cac_assessment",
  "hk_model_clauses",
  "gba_standard_contract",
  "none",
] as const;
/** A transfer is a record under review like a processor, and can end. */
export const TRANSFER_STATUSES = ["draft", "submitted", "approved", "rejected", "ended"] as const;
export const AGREEMENT_TYPES = [
  "dpa",
  "scc",
  "pipl_standard_contract",
  "hk_model_clauses",
  "gba_standard_contract",
  "confidentiality",
  "ccpa_service_provider",
  "joint_controller_arrangement",
  "bcr",
  "other",
] as const;
/** EU SCCs 2021/914 modules: 1 C2C, 2 C2P, 3 P2P, 4 P2C. */
export const SCC_MODULES = ["module_1", "module_2", "module_3", "module_4"] as const;
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
/** Notice findings (issue 18) concern an activity (a sale against "we do not sell") or the notice itself. */
export const FLAG_SUBJECT_TYPES = ["transfer", "processor", "agreement", "activity", "notice"] as const;
export const FLAG_STATUSES = ["open", "accepted", "resolved"] as const;
export const USER_ROLES = ["dpo", "engineer", "auditor"] as const;
/**
 * The security measures of the CNIL's model register (its checklist): access control, traceability, software
 * protection, backups, encryption, control of processors, and anything else the free text describes.
 */
export const SECURITY_MEASURES = [
  "access_control",
  "traceability",
  "software_protection",
  "backup",
  "encryption",
  "subprocessor_control",
  "physical_security",
  "staff_awareness",
] as const;
/** The languages the product speaks: its UI, its labels and the regulator documents. */
export const LOCALES = ["en", "fr"] as const;

/* Issue 17: transfer impact assessments (DOMAIN.md §8), documents, remediation, reminders. */

/** A TIA is drafted, completed (its date is the transfer's TIA date), then marked for review by a material change. */
export const TIA_STATUSES = ["draft", "completed", "review_required"] as const;
/** EDPB Recommendations 01/2020, step 6 outcome: go ahead, go ahead with supplementary measures, or suspend. */
export const TIA_OUTCOMES = ["proceed", "proceed_with_measures", "suspend"] as const;
/** EDPB Recommendations 01/2020, step 3: how far the destination's law or practice impinges on the tool. */
export const TIA_RISK_LEVELS = ["low", "medium", "high"] as const;
/** EDPB Recommendations 01/2020, step 4 and Annex 2: the three kinds of supplementary measure. */
export const SUPPLEMENTARY_MEASURE_KINDS = ["technical", "contractual", "organisational"] as const;
/** What a stored document is: the signed agreements, the assessments, anything else filed with a record. */
export const DOCUMENT_KINDS = [
  "dpa",
  "scc",
  "pipl_standard_contract",
  "hk_model_clauses",
  "tia",
  "dpia",
  "pipia",
  "other",
] as const;
/** Where an open flag's remediation stands (the flag's own status stays open until the cause is gone). */
export const FLAG_WORK_STATUSES = ["to_do", "in_progress", "waiting_for_vendor"] as const;
/** What a reminder is about: the immediate notices and the daily digest. */
export const NOTIFICATION_EVENTS = [
  "critical_flag",
  "agreement_expiring",
  "vendor_submitted",
  "flag_assigned",
  "flag_overdue",
  "daily_digest",
] as const;
export const NOTIFICATION_CHANNELS = ["email", "webhook"] as const;
/** A delivery is retried with backoff until delivered or out of attempts. */
export const DELIVERY_STATUSES = ["pending", "delivered", "retrying", "failed"] as const;

/* Issue 18: the published privacy notice and its statements (DOMAIN.md §7). */

/** What a statement of the notice declares or promises. */
export const NOTICE_STATEMENT_KINDS = [
  "data_category",
  "recipient_category",
  "named_recipient",
  "country",
  "storage_location",
  "no_sale",
  "no_sharing",
  "encryption_in_transit",
  "encryption_at_rest",
  "overseas_agreements",
] as const;

export type EntityRole = (typeof ENTITY_ROLES)[number];
export type ProcessorRole = (typeof PROCESSOR_ROLES)[number];
export type ProcessorService = (typeof PROCESSOR_SERVICES)[number];
export type RecordStatus = (typeof RECORD_STATUSES)[number];
export type CcpaCategory = (typeof CCPA_CATEGORIES)[number];
export type DojCategory = (typeof DOJ_CATEGORIES)[number];
export type DojIdentifierKind = (typeof DOJ_IDENTIFIER_KINDS)[number];
export type DojExemption = (typeof DOJ_EXEMPTIONS)[number];
export type PiplExemption = (typeof PIPL_EXEMPTIONS)[number];
export type LegalBasis = (typeof LEGAL_BASES)[number];
export type Art9Condition = (typeof ART9_CONDITIONS)[number];
export type DisclosureType = (typeof DISCLOSURE_TYPES)[number];
export type AccessType = (typeof ACCESS_TYPES)[number];
export type VolumeUnit = (typeof VOLUME_UNITS)[number];
export type Frequency = (typeof FREQUENCIES)[number];
export type EncryptionInTransit = (typeof ENCRYPTION_IN_TRANSIT)[number];
export type EncryptionAtRest = (typeof ENCRYPTION_AT_REST)[number];
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export type AgreementType = (typeof AGREEMENT_TYPES)[number];
export type SccModule = (typeof SCC_MODULES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type FlagSubjectType = (typeof FLAG_SUBJECT_TYPES)[number];
export type FlagStatus = (typeof FLAG_STATUSES)[number];
export type UserRole = (typeof USER_ROLES)[number];
export type SecurityMeasure = (typeof SECURITY_MEASURES)[number];
export type Locale = (typeof LOCALES)[number];
export type TiaStatus = (typeof TIA_STATUSES)[number];
export type TiaOutcome = (typeof TIA_OUTCOMES)[number];
export type TiaRiskLevel = (typeof TIA_RISK_LEVELS)[number];
export type SupplementaryMeasureKind = (typeof SUPPLEMENTARY_MEASURE_KINDS)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type FlagWorkStatus = (typeof FLAG_WORK_STATUSES)[number];
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export type NoticeStatementKind = (typeof NOTICE_STATEMENT_KINDS)[number];
