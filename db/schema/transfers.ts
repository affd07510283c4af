import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid, varchar, check } from "drizzle-orm/pg-core";
import { processingActivities } from "./activities";
import { timestamps, versionColumn } from "./columns";
import { dataCategories } from "./data-categories";
import { entities } from "./entities";
import {
  accessType,
  dojExemption,
  encryptionAtRest,
  encryptionInTransit,
  frequency,
  piplExemption,
  transferMechanism,
  transferStatus,
  volumeUnit,
} from "./enums";
import { processors } from "./processors";
import { users } from "./users";

/** One flow of data to one recipient in one place. Staff abroad reading data stored at home is a transfer too. */
export const transfers = pgTable(
  "transfers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => processingActivities.id, { onDelete: "restrict" }),
    exporterEntityId: uuid("exporter_entity_id")
      .notNull()
      .references(() => entities.id, { onDelete: "restrict" }),
    processorId: uuid("processor_id")
      .notNull()
      .references(() => processors.id, { onDelete: "restrict" }),
    /** Where the data sits (ISO 3166-1 alpha-2), usually US. */
    originCountry: varchar("origin_country", { length: 2 }).notNull(),
    destinationCountry: varchar("destination_country", { length: 2 }).notNull(),
    accessType: accessType("access_type").notNull().default("storage"),
    /** Where the data subjects are: EU, UK, US-CA, CN, ... */
    subjectRegions: text("subject_regions").array().notNull().default([]),
    /** People (or devices, see volumeUnit) per 12 months; 28 CFR 202.205 counts over 12 months. */
    estimatedSubjects: integer("estimated_subjects").notNull().default(0),
    volumeUnit: volumeUnit("volume_unit").notNull().default("people"),
    frequency: frequency("frequency").notNull().default("continuous"),
    encryptionInTransit: encryptionInTransit("encryption_in_transit").notNull().default("none"),
    encryptionAtRest: encryptionAtRest("encryption_at_rest").notNull().default("none"),
    mechanism: transferMechanism("mechanism").notNull().default("none"),
    /** The completion date of the transfer's latest completed TIA (tia_assessments), or a date entered by hand. */
    tiaDate: date("tia_date", { mode: "string" }),
    /** Set when a material change (destination, categories, access type, volume band) calls the TIA into review. */
    tiaReviewReason: text("tia_review_reason"),
    /** CISA security requirements for restricted transactions (28 CFR 202.248) are met. */
    cisaRequirementsMet: boolean("cisa_requirements_met").notNull().default(false),
    /** PIPL: data collected abroad, processed in China and sent back is exempt (2024 Provisions, Art. 4). */
    reExportOfForeignData: boolean("re_export_of_foreign_data").notNull().default(false),
    /** 28 CFR 202.501-202.511: the exemption relied on, reported (not flagged) in the DOJ report. */
    dojExemption: dojExemption("doj_exemption"),
    dojExemptionJustification: text("doj_exemption_justification"),
    /** PIPL Art. 40, 2024 Provisions Art. 7(1): important data needs a CAC security assessment at any volume. */
    importantData: boolean("important_data").notNull().default(false),
    /** 2024 Provisions Art. 5: an exemption claimed takes the flow out of the PIPL counts and routes. */
    piplExemption: piplExemption("pipl_exemption"),
    /** PIPL Art. 39: separate consent of the individuals to the export. */
    piplSeparateConsent: boolean("pipl_separate_consent").notNull().default(false),
    /** PIPL Art. 55-56: date of the personal-information protection impact assessment. */
    pipiaDate: date("pipia_date", { mode: "string" }),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    status: transferStatus("status").notNull().default("draft"),
    notes: text("notes"),
    externalId: text("external_id"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    index("transfers_processor_idx").on(t.processorId),
    index("transfers_activity_idx").on(t.activityId),
    index("transfers_exporter_processor_idx").on(t.exporterEntityId, t.processorId),
    index("transfers_destination_idx").on(t.destinationCountry),
    index("transfers_status_idx").on(t.status),
    uniqueIndex("transfers_external_id_key").on(t.externalId).where(sql`${t.externalId} is not null`),
    check("transfers_estimated_subjects_nonnegative", sql`${t.estimatedSubjects} >= 0`),
    check(
      "transfers_doj_exemption_justified",
      sql`${t.dojExemption} is null or length(trim(coalesce(${t.dojExemptionJustification}, ''))) > 0`,
    ),
  ],
);

export const transferDataCategories = pgTable(
  "transfer_data_categories",
  {
    transferId: uuid("transfer_id")
      .notNull()
      .references(() => transfers.id, { onDelete: "cascade" }),
    categoryKey: text("category_key")
      .notNull()
      .references(() => dataCategories.key, { onDelete: "restrict", onUpdate: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.transferId, t.categoryKey] }), index("transfer_data_categories_category_idx").on(t.categoryKey)],
);

export type Transfer = typeof transfers.$inferSelect;
export type NewTransfer = typeof transfers.$inferInsert;
export type TransferDataCategory = typeof transferDataCategories.$inferSelect;
