import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Small key/value state of the application (e.g. the date the date-driven rules last ran). */
export const appState = pgTable("app_state", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
