import type { ColumnOption } from "@/components/registers/columns";

/** The transfer register's columns, for the column choice (`cols=` in the URL) and the table. */
export const TRANSFER_COLUMNS = [
  { id: "processor", label: "Processor / activity", required: true },
  { id: "exporter", label: "Exporter" },
  { id: "route", label: "Route / access" },
  { id: "categories", label: "Categories" },
  { id: "volume", label: "Volume / 12 months" },
  { id: "mechanism", label: "Mechanism" },
  { id: "encryption", label: "Encryption in transit" },
  { id: "severity", label: "Worst open flag" },
] as const satisfies readonly ColumnOption[];

export type TransferColumnId = (typeof TRANSFER_COLUMNS)[number]["id"];
