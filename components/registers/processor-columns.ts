import type { ColumnOption } from "./columns";

/** The processor register's columns, for the column choice and the table. */
export const PROCESSOR_COLUMNS = [
  { id: "name", label: "Name", required: true, sort: "name" },
  { id: "country", label: "Country", sort: "country" },
  { id: "service", label: "Service", sort: "service" },
  { id: "role", label: "Role" },
  { id: "status", label: "Status", sort: "status" },
  { id: "dpf", label: "EU-US DPF", hiddenByDefault: true },
  { id: "updatedAt", label: "Last changed", sort: "updatedAt", hiddenByDefault: true },
  { id: "transfers", label: "Transfers", align: "right" },
  { id: "flags", label: "Open flags", align: "right" },
] as const satisfies readonly (ColumnOption & { sort?: string; align?: "left" | "right" })[];

export type ProcessorColumnId = (typeof PROCESSOR_COLUMNS)[number]["id"];
