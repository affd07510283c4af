import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { timestamps, versionColumn } from "./columns";
import { processorRole, processorService, recordStatus } from "./enums";
import { users } from "./users";

/** Any recipient of personal data: vendor, affiliate, independent third party. */
export const processors = pgTable(
  "processors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** lower-cased, accents and punctuation folded: two spellings of one vendor collide here. */
    normalizedName: text("normalized_name").notNull(),
    legalName: text("legal_name"),
    website: text("website"),
    role: processorRole("role").notNull(),
    service: processorService("service").notNull(),
    /** Country of establishment, ISO 3166-1 alpha-2. */
    country: varchar("country", { length: 2 }).notNull(),
    /** A sub-processor hangs under the processor that engaged it. */
    parentProcessorId: uuid("parent_processor_id").references((): AnyPgColumn => processors.id, {
      onDelete: "restrict",
    }),
    /** EU-US Data Privacy Framework certification (Decision (EU) 2023/1795). */
    dpfCertified: boolean("dpf_certified").notNull().default(false),
    dpfExpiry: date("dpf_expiry", { mode: "string" }),
    /**
     * The certification includes the UK Extension to the DPF: the only route for UK data to a US importer
     * under the Data Protection (Adequacy) (United States of America) Regulations 2023.
     */
    dpfUkExtension: boolean("dpf_uk_extension").notNull().default(false),
    /** 28 CFR 202.211: owned by, or principally based in, a country of concern. */
    coveredPerson: boolean("covered_person").notNull().default(false),
    ownerUserId: uuid("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    status: recordStatus("status").notNull().default("draft"),
    notes: text("notes"),
    /** Key of the record in the engineer's own tooling; makes imports idempotent. */
    externalId: text("external_id"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }),
    reviewedByUserId: uuid("reviewed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true, mode: "date" }),
    reviewComment: text("review_comment"),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("processors_normalized_name_key").on(t.normalizedName),
    uniqueIndex("processors_external_id_key").on(t.externalId).where(sql`${t.externalId} is not null`),
    index("processors_parent_idx").on(t.parentProcessorId),
    index("processors_status_idx").on(t.status),
    index("processors_country_idx").on(t.country),
    index("processors_name_idx").on(t.name),
  ],
);

export type Processor = typeof processors.$inferSelect;
export type NewProcessor = typeof processors.$inferInsert;
