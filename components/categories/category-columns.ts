import type { ColumnOption } from "@/components/registers/columns";

/** The data-category register's columns, for the column choice and the table. */
export const CATEGORY_COLUMNS = [
  { id: "category", label: "Category", required: true, sort: "key" },
  { id: "description", label: "Description", hiddenByDefault: true },
  { id: "sensitive", label: "Sensitive under" },
  { id: "gdpr", label: "GDPR Art. 9" },
  { id: "ccpa", label: "CCPA category" },
  { id: "pipl", label: "PIPL sensitive" },
  { id: "doj", label: "DOJ category" },
  { id: "transfers", label: "Transfers", sort: "transfers", align: "right" },
] as const satisfies readonly (ColumnOption & { sort?: string; align?: "left" | "right" })[];

export type CategoryColumnId = (typeof CATEGORY_COLUMNS)[number]["id"];
