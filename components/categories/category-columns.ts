import type { ColumnDefinition } from "@/components/registers/columns";

/** The data-category register's columns, for the column choice and the table; labels: categories.columns.<id>. */
export const CATEGORY_COLUMNS = [
  { id: "category", required: true, sort: "key" },
  { id: "description", hiddenByDefault: true },
  { id: "sensitive" },
  { id: "gdpr" },
  { id: "ccpa" },
  { id: "pipl" },
  { id: "doj" },
  { id: "transfers", sort: "transfers", align: "right" },
] as const satisfies readonly (ColumnDefinition & { sort?: string; align?: "left" | "right" })[];

export type CategoryColumnId = (typeof CATEGORY_COLUMNS)[number]["id"];
