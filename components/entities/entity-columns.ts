import type { ColumnOption } from "@/components/registers/columns";

/** The columns of the organisation's entity list, for the table (cells) and its sort links. */
export const ENTITY_COLUMNS = [
  { id: "name", label: "Entity", required: true, sort: "name" },
  { id: "country", label: "Country", sort: "country" },
  { id: "role", label: "Role", sort: "role" },
  { id: "dpo", label: "DPO contact" },
  { id: "representatives", label: "Representatives (Art. 27)" },
  { id: "ciio", label: "CIIO (PIPL)" },
  { id: "activities", label: "Activities", align: "right" },
  { id: "transfers", label: "Transfers", align: "right" },
] as const satisfies readonly (ColumnOption & { sort?: string; align?: "left" | "right" })[];

export type EntityColumnId = (typeof ENTITY_COLUMNS)[number]["id"];
