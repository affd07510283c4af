import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { apiTokens, users } from "./users";

/**
 * Append-only audit trail. Events form a SHA-256 hash chain in id order: each hash covers the event's
 * content and the previous hash, so an edited or deleted row breaks the chain at that point.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorTokenId: uuid("actor_token_id").references(() => apiTokens.id, { onDelete: "set null" }),
    /** Who acted, as text: survives the deletion of the user, and names the system for automatic changes. */
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    recordType: text("record_type").notNull(),
    recordId: text("record_id"),
    before: jsonb("before").$type<Record<string, unknown> | null>(),
    after: jsonb("after").$type<Record<string, unknown> | null>(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    /**
     * HMAC-SHA-256 of `hash` under the audit key, which lives outside the database: whoever can write the
     * table cannot re-hash an edited chain. Null for events written before the key existed.
     */
    mac: text("mac"),
  },
  (t) => [index("audit_events_record_idx").on(t.recordType, t.recordId), index("audit_events_occurred_idx").on(t.occurredAt)],
);

/**
 * Signed heads of the chain (count, last id and hash, HMAC under the audit key). A copy also goes to a file
 * outside the database and into every export manifest, so deleting the last events (and these rows) is
 * still detected by `npm run audit:verify`.
 */
export const auditCheckpoints = pgTable("audit_checkpoints", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  lastEventId: bigint("last_event_id", { mode: "number" }).notNull(),
  eventCount: bigint("event_count", { mode: "number" }).notNull(),
  headHash: text("head_hash").notNull(),
  signature: text("signature").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export type AuditCheckpoint = typeof auditCheckpoints.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
