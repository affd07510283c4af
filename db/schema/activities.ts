import { boolean, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { timestamps, versionColumn } from "./columns";
import { entities } from "./entities";
import { art9Condition, disclosureType, legalBasis, recordStatus, securityMeasure } from "./enums";
import { users } from "./users";

/** A processing activity: one purpose, the unit of a GDPR Art. 30(1) record. */
export const processingActivities = pgTable("processing_activities", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  /** The controller entity answering for the activity (Art. 30(1)(a)). */
  controllerEntityId: uuid("controller_entity_id")
    .notNull()
    .references(() => entities.id, { onDelete: "restrict" }),
  jointController: text("joint_controller"),
  businessFunction: text("business_function"),
  purpose: text("purpose").notNull(),
  legalBasis: legalBasis("legal_basis").notNull(),
  legitimateInterest: text("legitimate_interest"),
  /** Required when special categories are processed: GDPR Art. 9(2). */
  art9Condition: art9Condition("art9_condition"),
  disclosureType: disclosureType("disclosure_type").notNull().default("business_purpose"),
  dataSubjectCategories: text("data_subject_categories").array().notNull().default([]),
  /** Art. 30(1)(f), "where possible": null is reported as missing, never silently blank. */
  retentionPeriod: text("retention_period"),
  /** Art. 30(1)(g), "where possible". */
  securityMeasures: text("security_measures"),
  /** The CNIL model register's checklist of security measures; the free text above adds what it does not name. */
  securityChecklist: securityMeasure("security_checklist").array().notNull().default([]),
  /** The software or applications used for the activity (CNIL model register). */
  applications: text("applications"),
  source: text("source"),
  automatedDecisionMaking: boolean("automated_decision_making").notNull().default(false),
  dpiaRequired: boolean("dpia_required").notNull().default(false),
  dpiaReference: text("dpia_reference"),
  /*
   * The UK ICO controller template's remaining columns. "Links" are URLs or document references, as the
   * organisation files them.
   */
  /** Link to the record of the legitimate interests assessment (Art. 6(1)(f)). */
  liaReference: text("lia_reference"),
  /** Link to the record of consent (Art. 7(1)). */
  consentRecordReference: text("consent_record_reference"),
  /** Whether the activity's personal data has been breached (Art. 33(5) record). */
  breachOccurred: boolean("breach_occurred").notNull().default(false),
  breachRecordReference: text("breach_record_reference"),
  /** DPA 2018 Schedule 1 condition for special category or criminal offence data, with its policy document. */
  schedule1Condition: text("schedule1_condition"),
  policyDocumentReference: text("policy_document_reference"),
  /** Whether the data is retained and erased as the policy document says; null: not assessed. */
  retainedPerPolicy: boolean("retained_per_policy"),
  policyDeviationReason: text("policy_deviation_reason"),
  /**
   * The DPO's review, as for a vendor: an engineer proposes an activity (submitted), only the DPO approves it,
   * and exports of approved records hold approved activities only. Activities recorded before reviews existed
   * were the DPO's own: approved.
   */
  status: recordStatus("status").notNull().default("approved"),
  createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
  submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }),
  reviewedByUserId: uuid("reviewed_by_user_id").references(() => users.id, { onDelete: "set null" }),
  reviewedAt: timestamp("reviewed_at", { withTimezone: true, mode: "date" }),
  reviewComment: text("review_comment"),
  version: versionColumn(),
  ...timestamps(),
});

export type ProcessingActivity = typeof processingActivities.$inferSelect;
export type NewProcessingActivity = typeof processingActivities.$inferInsert;
