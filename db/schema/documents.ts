import { sql } from "drizzle-orm";
import { check, customType, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { processingActivities } from "./activities";
import { safeguardAgreements } from "./agreements";
import { timestamps, versionColumn } from "./columns";
import { documentKind } from "./enums";
import { tiaAssessments } from "./tia";
import { transfers } from "./transfers";
import { users } from "./users";

/** The file's bytes, in the database itself: PGlite and PostgreSQL keep documents alike, backed up with the rest. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * A signed agreement, an assessment or another document filed with exactly one record: an agreement, a transfer,
 * an activity or a TIA. Its content lives in its versions; the newest version is the document's current file.
 */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: documentKind("kind").notNull(),
    title: text("title").notNull(),
    agreementId: uuid("agreement_id").references(() => safeguardAgreements.id, { onDelete: "cascade" }),
    transferId: uuid("transfer_id").references(() => transfers.id, { onDelete: "cascade" }),
    activityId: uuid("activity_id").references(() => processingActivities.id, { onDelete: "cascade" }),
    tiaId: uuid("tia_id").references(() => tiaAssessments.id, { onDelete: "cascade" }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [
    index("documents_agreement_idx").on(t.agreementId),
    index("documents_transfer_idx").on(t.transferId),
    index("documents_activity_idx").on(t.activityId),
    index("documents_tia_idx").on(t.tiaId),
    check(
      "documents_one_owner",
      sql`num_nonnulls(${t.agreementId}, ${t.transferId}, ${t.activityId}, ${t.tiaId}) = 1`,
    ),
  ],
);

/** One uploaded file of a document. Versions are never replaced: a new upload adds the next number. */
export const documentVersions = pgTable(
  "document_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    versionNumber: integer("version_number").notNull(),
    fileName: text("file_name").notNull(),
    /** The type read from the content (magic bytes), not the one the browser claimed. */
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    /** Hex SHA-256 of the content, shown to the user and listed in export manifests. */
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedByUserId: uuid("uploaded_by_user_id").references(() => users.id, { onDelete: "set null" }),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("document_versions_number_key").on(t.documentId, t.versionNumber),
    index("document_versions_sha256_idx").on(t.sha256),
    check("document_versions_size_positive", sql`${t.sizeBytes} > 0`),
  ],
);

export type Document = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;
export type DocumentVersion = typeof documentVersions.$inferSelect;
export type NewDocumentVersion = typeof documentVersions.$inferInsert;
