import type { ColumnDefinition } from "@/components/registers/columns";

/** The columns of the organisation's entity list, for the table (cells) and its sort links; labels: entities.columns.<id>. */
export const ENTITY_COLUMNS = [
  { id: "name", required: true, sort: "name" },
  { id: "country", sort: "country" },
  { id: "role", sort: "role" },
  { id: "dpo" },
  { id: "representatives" },
  { id: "ciio" },
  { id: "activities", align: "right" },
  { id: "transfers", align: "right" },
] as const satisfies readonly (ColumnDefinition & { sort?: string; align?: "left" | "right" })[];

export type EntityColumnId = (typeof ENTITY_COLUMNS)[number]["id"];
