import type { ColumnDefinition } from "@/components/registers/columns";

/** The transfer register's columns, for the column choice (`cols=` in the URL) and the table; labels: transfers.columns.<id>. */
export const TRANSFER_COLUMNS = [
  { id: "processor", required: true },
  { id: "exporter" },
  { id: "route" },
  { id: "categories" },
  { id: "volume" },
  { id: "mechanism" },
  { id: "encryption" },
  { id: "severity" },
] as const satisfies readonly ColumnDefinition[];

export type TransferColumnId = (typeof TRANSFER_COLUMNS)[number]["id"];
