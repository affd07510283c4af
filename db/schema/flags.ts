import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { versionColumn } from "./columns";
import { flagStatus, flagSubjectType, flagWorkStatus, severity } from "./enums";
import { processors } from "./processors";
import { users } from "./users";

/**
 * A finding of a rule on one subject. One row per (rule, subject) for ever: when the cause comes back
 * the row reopens, so a flag is never duplicated and its history stays in one place.
 */
export const flags = pgTable(
  "flags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ruleId: text("rule_id").notNull(),
    subjectType: flagSubjectType("subject_type").notNull(),
    /** Id of the transfer, processor or agreement; not a foreign key, the flag outlives a deleted subject. */
    subjectId: uuid("subject_id").notNull(),
    /** The processor the finding concerns, for the processor page and filters. */
    processorId: uuid("processor_id").references(() => processors.id, { onDelete: "set null" }),
    severity: severity("severity").notNull(),
    message: text("message").notNull(),
    /** The same finding in French: the engine words both, so a French page never shows an English sentence. */
    messageFr: text("message_fr").notNull().default(""),
    /** Why it fired: the facts the rule used. */
    facts: jsonb("facts").$type<Record<string, unknown>>().notNull().default({}),
    /** SHA-1 of severity, message and facts: a full re-evaluation compares this, not the facts themselves. */
    fingerprint: text("fingerprint").notNull().default(""),
    citation: text("citation").notNull(),
    remediation: text("remediation").notNull(),
    status: flagStatus("status").notNull().default("open"),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "date" }),
    acceptedByUserId: uuid("accepted_by_user_id").references(() => users.id, { onDelete: "set null" }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
    acceptanceJustification: text("acceptance_justification"),
    acceptedUntil: date("accepted_until", { mode: "string" }),
    /** Severity and facts when the risk was accepted: worse facts reopen the flag. */
    acceptedSeverity: severity("accepted_severity"),
    acceptedFacts: jsonb("accepted_facts").$type<Record<string, unknown>>(),
    /** Remediation (issue 17): who works on the open flag, by when, and where the work stands. */
    assigneeUserId: uuid("assignee_user_id").references(() => users.id, { onDelete: "set null" }),
    dueDate: date("due_date", { mode: "string" }),
    workStatus: flagWorkStatus("work_status").notNull().default("to_do"),
    version: versionColumn(),
  },
  (t) => [
    uniqueIndex("flags_rule_subject_key").on(t.ruleId, t.subjectType, t.subjectId),
    index("flags_subject_idx").on(t.subjectType, t.subjectId),
    index("flags_processor_idx").on(t.processorId),
    index("flags_status_severity_idx").on(t.status, t.severity),
    index("flags_assignee_idx").on(t.assigneeUserId, t.status),
    index("flags_due_idx").on(t.dueDate),
  ],
);

/** The remediation conversation on a flag: the DPO, the engineer and the vendor's answers, in order. */
export const flagComments = pgTable(
  "flag_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    flagId: uuid("flag_id")
      .notNull()
      .references(() => flags.id, { onDelete: "cascade" }),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("flag_comments_flag_idx").on(t.flagId, t.createdAt)],
);

export type Flag = typeof flags.$inferSelect;
export type NewFlag = typeof flags.$inferInsert;
export type FlagComment = typeof flagComments.$inferSelect;
