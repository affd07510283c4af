import { pgTable, text, uuid, varchar } from "drizzle-orm/pg-core";
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
  dpoContact: text("dpo_contact"),
  /** GDPR Art. 27 representative in the Union, where one is designated. */
  representativeContact: text("representative_contact"),
  version: versionColumn(),
  ...timestamps(),
});

export type Entity = typeof entities.$inferSelect;
export type NewEntity = typeof entities.$inferInsert;
