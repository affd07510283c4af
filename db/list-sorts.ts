/*
 * The columns each register can be sorted by: constants shared by the list queries (db/queries) and the list
 * contracts (lib/api/contracts), which the browser imports too, so this file holds data only.
 */
export const TRANSFER_SORTS = ["processor", "destination", "volume", "mechanism", "severity"] as const;
export type TransferSort = (typeof TRANSFER_SORTS)[number];

export const PROCESSOR_SORTS = ["name", "country", "service", "status", "updatedAt"] as const;
export type ProcessorSort = (typeof PROCESSOR_SORTS)[number];

export const AGREEMENT_SORTS = ["processor", "type", "signed", "expiry", "state"] as const;
export type AgreementSort = (typeof AGREEMENT_SORTS)[number];
/** An agreement's state on a day, as the register computes it in SQL (the rules' definition, lib/rules/predicates.ts). */
export const AGREEMENT_STATES = ["active", "expired", "unsigned", "not_yet_effective"] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

export const ACTIVITY_SORTS = ["name", "legalBasis", "transfers", "updatedAt"] as const;
export type ActivitySort = (typeof ACTIVITY_SORTS)[number];
/** Whether an activity's Art. 30 record has its retention period and security measures, as the register computes it. */
export const ACTIVITY_RECORD_STATES = ["complete", "incomplete"] as const;
export type ActivityRecordState = (typeof ACTIVITY_RECORD_STATES)[number];

export const CATEGORY_SORTS = ["key", "name", "transfers"] as const;
export type CategorySort = (typeof CATEGORY_SORTS)[number];
/** One regime's "sensitive" marker (DOMAIN.md §2), as the data-category register filters on it. */
export const CATEGORY_CLASSIFICATIONS = ["gdpr_special", "ccpa_sensitive", "pipl_sensitive", "doj_covered"] as const;
export type CategoryClassification = (typeof CATEGORY_CLASSIFICATIONS)[number];

export const ENTITY_SORTS = ["name", "country", "role", "updatedAt"] as const;
export type EntitySort = (typeof ENTITY_SORTS)[number];
