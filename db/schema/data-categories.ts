import { boolean, index, pgTable, text, type AnyPgColumn } from "drizzle-orm/pg-core";
import { timestamps, versionColumn } from "./columns";
import { ccpaCategory, dojCategory, dojIdentifierKind } from "./enums";

/**
 * The data-category taxonomy. Keys follow fideslang (`user.contact.email`) where fideslang has the
 * category, so records interoperate; the key is the primary key because API clients and imports use it.
 */
export const dataCategories = pgTable(
  "data_categories",
  {
    key: text("key").primaryKey(),
    parentKey: text("parent_key").references((): AnyPgColumn => dataCategories.key, { onDelete: "restrict" }),
    name: text("name").notNull(),
    description: text("description"),
    /** GDPR Art. 9(1) special category. */
    gdprSpecial: boolean("gdpr_special").notNull().default(false),
    /** Cal. Civ. Code 1798.140(v)(1) category letter A-L. */
    ccpaCategory: ccpaCategory("ccpa_category"),
    /** Cal. Civ. Code 1798.140(ae) sensitive personal information. */
    ccpaSensitive: boolean("ccpa_sensitive").notNull().default(false),
    /** PIPL Art. 28 sensitive personal information. */
    piplSensitive: boolean("pipl_sensitive").notNull().default(false),
    /** 28 CFR 202.249 sensitive personal data kind. */
    dojCategory: dojCategory("doj_category").notNull().default("none"),
    /**
     * 28 CFR 202.234 kind of listed identifier (IMEI, MAC, advertising id, IP...), null when the category is
     * not one: covered only when linked to another, and not at all in the 202.212(b) exclusions.
     */
    dojIdentifierKind: dojIdentifierKind("doj_identifier_kind"),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [index("data_categories_parent_idx").on(t.parentKey)],
);

export type DataCategory = typeof dataCategories.$inferSelect;
export type NewDataCategory = typeof dataCategories.$inferInsert;
