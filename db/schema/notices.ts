import { boolean, date, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { timestamps, versionColumn } from "./columns";
import { locale, noticeStatementKind } from "./enums";
import { users } from "./users";

/**
 * A version of the published privacy notice (DOMAIN.md §7). The version in force is the latest whose effective
 * date has come; its statements are what the register is checked against.
 */
export const notices = pgTable(
  "notices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    versionLabel: text("version_label").notNull(),
    effectiveDate: date("effective_date", { mode: "string" }).notNull(),
    languages: locale("languages").array().notNull().default([]),
    /** The published text, or a link to it when the text is kept elsewhere. */
    text: text("text"),
    url: text("url"),
    /** Hex SHA-256 of the text as published, so that a quoted notice can be proven to be the one in force. */
    sha256: text("sha256"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [index("notices_effective_idx").on(t.effectiveDate)],
);

/**
 * One disclosure or promise of a notice, tied to its words: a declared data category, recipient category or
 * named recipient, a country, the storage location, "we do not sell", a security promise.
 */
export const noticeStatements = pgTable(
  "notice_statements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    noticeId: uuid("notice_id")
      .notNull()
      .references(() => notices.id, { onDelete: "cascade" }),
    kind: noticeStatementKind("kind").notNull(),
    /**
     * What is declared: a data category key, a processor service (recipient category), a recipient's name, an
     * ISO 3166-1 alpha-2 country; empty for the promises (no sale, encryption, agreements).
     */
    value: text("value"),
    /** "including but not limited to": the list is not exhaustive. */
    nonExhaustive: boolean("non_exhaustive").notNull().default(false),
    /** The notice's own words, quoted, and where they stand. */
    quote: text("quote").notNull(),
    section: text("section").notNull(),
    language: locale("language").notNull().default("en"),
    version: versionColumn(),
    ...timestamps(),
  },
  (t) => [index("notice_statements_notice_idx").on(t.noticeId, t.kind)],
);

export type Notice = typeof notices.$inferSelect;
export type NewNotice = typeof notices.$inferInsert;
export type NoticeStatement = typeof noticeStatements.$inferSelect;
export type NewNoticeStatement = typeof noticeStatements.$inferInsert;
