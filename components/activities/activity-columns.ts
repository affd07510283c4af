import type { ColumnDefinition } from "@/components/registers/columns";

/** The processing-activity register's columns, for the page (column choice) and the table (cells); labels: activities.columns.<id>. */
export const ACTIVITY_COLUMNS = [
  { id: "name", required: true, sort: "name" },
  { id: "purpose" },
  { id: "controller", hiddenByDefault: true },
  { id: "legalBasis", sort: "legalBasis" },
  { id: "retention" },
  { id: "record" },
  { id: "status" },
  { id: "transfers", sort: "transfers", align: "right" },
  { id: "flags", align: "right" },
  { id: "updatedAt", sort: "updatedAt", hiddenByDefault: true },
] as const satisfies readonly (ColumnDefinition & { sort?: string; align?: "left" | "right" })[];

export type ActivityColumnId = (typeof ACTIVITY_COLUMNS)[number]["id"];
