import { pgEnum } from "drizzle-orm/pg-core";
import {
  ENTITY_ROLES,
  PROCESSOR_ROLES,
  PROCESSOR_SERVICES,
  RECORD_STATUSES,
  CCPA_CATEGORIES,
  DOJ_CATEGORIES,
  DOJ_IDENTIFIER_KINDS,
  DOJ_EXEMPTIONS,
  PIPL_EXEMPTIONS,
  LEGAL_BASES,
  ART9_CONDITIONS,
  DISCLOSURE_TYPES,
  ACCESS_TYPES,
  VOLUME_UNITS,
  FREQUENCIES,
  ENCRYPTION_IN_TRANSIT,
  ENCRYPTION_AT_REST,
  TRANSFER_MECHANISMS,
  TRANSFER_STATUSES,
  AGREEMENT_TYPES,
  SCC_MODULES,
  SEVERITIES,
  FLAG_SUBJECT_TYPES,
  FLAG_STATUSES,
  USER_ROLES,
  SECURITY_MEASURES,
  LOCALES,
  TIA_STATUSES,
  TIA_OUTCOMES,
  TIA_RISK_LEVELS,
  DOCUMENT_KINDS,
  FLAG_WORK_STATUSES,
  NOTIFICATION_EVENTS,
  NOTIFICATION_CHANNELS,
  DELIVERY_STATUSES,
  NOTICE_STATEMENT_KINDS,
} from "./enum-values";

/*
 * The database enums of the governance model, one per value list of ./enum-values.ts (re-exported here, so
 * that server code keeps one import for both).
 */
export * from "./enum-values";

export const entityRole = pgEnum("entity_role", ENTITY_ROLES);
export const processorRole = pgEnum("processor_role", PROCESSOR_ROLES);
export const processorService = pgEnum("processor_service", PROCESSOR_SERVICES);
export const recordStatus = pgEnum("record_status", RECORD_STATUSES);
export const ccpaCategory = pgEnum("ccpa_category", CCPA_CATEGORIES);
export const dojCategory = pgEnum("doj_category", DOJ_CATEGORIES);
export const dojIdentifierKind = pgEnum("doj_identifier_kind", DOJ_IDENTIFIER_KINDS);
export const dojExemption = pgEnum("doj_exemption", DOJ_EXEMPTIONS);
export const piplExemption = pgEnum("pipl_exemption", PIPL_EXEMPTIONS);
export const legalBasis = pgEnum("legal_basis", LEGAL_BASES);
export const art9Condition = pgEnum("art9_condition", ART9_CONDITIONS);
export const disclosureType = pgEnum("disclosure_type", DISCLOSURE_TYPES);
export const accessType = pgEnum("access_type", ACCESS_TYPES);
export const volumeUnit = pgEnum("volume_unit", VOLUME_UNITS);
export const frequency = pgEnum("frequency", FREQUENCIES);
export const encryptionInTransit = pgEnum("encryption_in_transit", ENCRYPTION_IN_TRANSIT);
export const encryptionAtRest = pgEnum("encryption_at_rest", ENCRYPTION_AT_REST);
export const transferMechanism = pgEnum("transfer_mechanism", TRANSFER_MECHANISMS);
export const transferStatus = pgEnum("transfer_status", TRANSFER_STATUSES);
export const agreementType = pgEnum("agreement_type", AGREEMENT_TYPES);
export const sccModule = pgEnum("scc_module", SCC_MODULES);
export const severity = pgEnum("severity", SEVERITIES);
export const flagSubjectType = pgEnum("flag_subject_type", FLAG_SUBJECT_TYPES);
export const flagStatus = pgEnum("flag_status", FLAG_STATUSES);
export const userRole = pgEnum("user_role", USER_ROLES);
export const securityMeasure = pgEnum("security_measure", SECURITY_MEASURES);
export const locale = pgEnum("locale", LOCALES);
export const tiaStatus = pgEnum("tia_status", TIA_STATUSES);
export const tiaOutcome = pgEnum("tia_outcome", TIA_OUTCOMES);
export const tiaRiskLevel = pgEnum("tia_risk_level", TIA_RISK_LEVELS);
export const documentKind = pgEnum("document_kind", DOCUMENT_KINDS);
export const flagWorkStatus = pgEnum("flag_work_status", FLAG_WORK_STATUSES);
export const notificationEvent = pgEnum("notification_event", NOTIFICATION_EVENTS);
export const notificationChannel = pgEnum("notification_channel", NOTIFICATION_CHANNELS);
export const deliveryStatus = pgEnum("delivery_status", DELIVERY_STATUSES);
export const noticeStatementKind = pgEnum("notice_statement_kind", NOTICE_STATEMENT_KINDS);
