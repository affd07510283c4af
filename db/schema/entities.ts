import { boolean, pgTable, text, uuid, varchar } from "drizzle-orm/pg-core";
import { timestamps, versionColumn } from "./columns";
import { entityRole } from "./enums";

/** The company's own legal entities that export data (the US parent, its affiliates). */
export const entities = pgTable("entities", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  legalName: text("legal_name"),
  /** ISO 3166-1 alpha-2. */
  country: varchar("country", { length: 2 }).notNull(),
  role: entityRole("role").notNull(),
  address: text("address"),
  phone: text("phone"),
  /** The data protection officer's name and contact (GDPR Art. 30(1)(a), 37(7)). */
  dpoContact: text("dpo_contact"),
  /** GDPR Art. 27 representative in the Union, where one is designated. */
  representativeContact: text("representative_contact"),
  /** UK GDPR Art. 27 representative in the United Kingdom, where one is designated. */
  ukRepresentativeContact: text("uk_representative_contact"),
  /** Critical information infrastructure operator (PIPL Art. 40): its exports need a CAC assessment at any volume. */
  ciio: boolean("ciio").notNull().default(false),
  version: versionColumn(),
  ...timestamps(),
});

export type Entity = typeof entities.$inferSelect;
export type NewEntity = typeof entities.$inferInsert;
