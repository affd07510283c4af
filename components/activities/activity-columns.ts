import type { ColumnOption } from "@/components/registers/columns";

/** The processing-activity register's columns, for the page (column choice) and the table (cells). */
export const ACTIVITY_COLUMNS = [
  { id: "name", label: "Activity", required: true, sort: "name" },
  { id: "purpose", label: "Purpose" },
  { id: "controller", label: "Controller", hiddenByDefault: true },
  { id: "legalBasis", label: "Legal basis", sort: "legalBasis" },
  { id: "retention", label: "Retention" },
  { id: "record", label: "Art. 30 record" },
  { id: "status", label: "Review status" },
  { id: "transfers", label: "Transfers", sort: "transfers", align: "right" },
  { id: "flags", label: "Open flags", align: "right" },
  { id: "updatedAt", label: "Last changed", sort: "updatedAt", hiddenByDefault: true },
] as const satisfies readonly (ColumnOption & { sort?: string; align?: "left" | "right" })[];

export type ActivityColumnId = (typeof ACTIVITY_COLUMNS)[number]["id"];
