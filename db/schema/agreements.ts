import { sql } from "drizzle-orm";
import { boolean, date, index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamps, versionColumn } from "./columns";
import { agreementType, sccModule } from "./enums";
import { processors } from "./processors";
import { transfers } from "./transfers";

/** A safeguard agreement with a processor: DPA, SCCs, China / Hong Kong contracts, confidentiality. */
export const safeguardAgreements = pgTable(
  "safeguard_agreements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    processorId: uuid("processor_id")
      .notNull()
      .references(() => processors.id, { onDelete: "restrict" }),
    type: agreementType("type").notNull(),
    sccModule: sccModule("scc_module"),
    signedDate: date("signed_date", { mode: "string" }),
    effectiveDate: date("effective_date", { mode: "string" }),
    expiryDate: date("expiry_date", { mode: "string" }),
    /** GDPR Art. 28(2), 28(4): sub-processing allowed, with the same obligations flowed down. */
    permitsSubprocessing: boolean("permits_subprocessing").notNull().default(false),
    flowDown: boolean("flow_down").notNull().default(false),
    documentRef: text("document_ref"),
    /** By default an agreement covers all of its processor's transfers; otherwise agreement_transfers lists them. */
    coversAllTransfers: boolean("covers_all_transfers").notNull().default(true),
    notes: text("notes"),
    externalId: text("external_id"),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    index("safeguard_agreements_processor_idx").on(t.processorId),
    index("safeguard_agreements_expiry_idx").on(t.expiryDate),
    uniqueIndex("safeguard_agreements_external_id_key").on(t.externalId).where(sql`${t.externalId} is not null`),
  ],
);

export const agreementTransfers = pgTable(
  "agreement_transfers",
  {
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => safeguardAgreements.id, { onDelete: "cascade" }),
    transferId: uuid("transfer_id")
      .notNull()
      .references(() => transfers.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.transferId] }), index("agreement_transfers_transfer_idx").on(t.transferId)],
);

export type SafeguardAgreement = typeof safeguardAgreements.$inferSelect;
export type NewSafeguardAgreement = typeof safeguardAgreements.$inferInsert;
