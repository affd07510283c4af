import type { ColumnOption } from "@/components/registers/columns";

/** The agreement register's columns, for the page (column choice) and the table (cells). */
export const AGREEMENT_COLUMNS = [
  { id: "agreement", label: "Agreement", required: true, sort: "type" },
  { id: "processor", label: "Processor", sort: "processor" },
  { id: "state", label: "State", sort: "state" },
  { id: "signed", label: "Signed", sort: "signed" },
  { id: "effective", label: "Effective" },
  { id: "expiry", label: "Expiry", sort: "expiry" },
  { id: "covers", label: "Transfers covered", align: "right" },
  { id: "subprocessing", label: "Sub-processing / flow-down" },
  { id: "document", label: "Document", hiddenByDefault: true },
  { id: "flags", label: "Open flags", align: "right" },
] as const satisfies readonly (ColumnOption & { sort?: string; align?: "left" | "right" })[];

export type AgreementColumnId = (typeof AGREEMENT_COLUMNS)[number]["id"];
