import type { ColumnDefinition } from "./columns";

/** The processor register's columns, for the column choice and the table; labels: processors.columns.<id>. */
export const PROCESSOR_COLUMNS = [
  { id: "name", required: true, sort: "name" },
  { id: "country", sort: "country" },
  { id: "service", sort: "service" },
  { id: "role" },
  { id: "status", sort: "status" },
  { id: "dpf", hiddenByDefault: true },
  { id: "updatedAt", sort: "updatedAt", hiddenByDefault: true },
  { id: "transfers", align: "right" },
  { id: "flags", align: "right" },
] as const satisfies readonly (ColumnDefinition & { sort?: string; align?: "left" | "right" })[];

export type ProcessorColumnId = (typeof PROCESSOR_COLUMNS)[number]["id"];
