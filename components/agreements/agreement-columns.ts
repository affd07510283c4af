import type { ColumnDefinition } from "@/components/registers/columns";

/** The agreement register's columns, for the page (column choice) and the table (cells); labels: agreements.columns.<id>. */
export const AGREEMENT_COLUMNS = [
  { id: "agreement", required: true, sort: "type" },
  { id: "processor", sort: "processor" },
  { id: "state", sort: "state" },
  { id: "signed", sort: "signed" },
  { id: "effective" },
  { id: "expiry", sort: "expiry" },
  { id: "covers", align: "right" },
  { id: "subprocessing" },
  { id: "document", hiddenByDefault: true },
  { id: "flags", align: "right" },
] as const satisfies readonly (ColumnDefinition & { sort?: string; align?: "left" | "right" })[];

export type AgreementColumnId = (typeof AGREEMENT_COLUMNS)[number]["id"];
