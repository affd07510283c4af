import { integer, timestamp } from "drizzle-orm/pg-core";

/** Optimistic-concurrency version, bumped on every update; a stale version means HTTP 409. */
export const versionColumn = () => integer("version").notNull().default(1);

export const timestamps = () => ({
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
