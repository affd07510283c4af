import type { Severity } from "@/db/schema/enums";

/** Cell colours by worst open flag; the severity is also written as text, so colour is never the only cue. */
export const SEVERITY_CELL_CLASS: Readonly<Record<Severity | "none", string>> = {
  critical: "bg-red-100 text-red-900 border-red-300",
  high: "bg-orange-100 text-orange-900 border-orange-300",
  medium: "bg-amber-50 text-amber-900 border-amber-300",
  low: "bg-blue-50 text-blue-900 border-blue-200",
  none: "bg-green-50 text-green-900 border-green-200",
};

export const SEVERITY_STROKE: Readonly<Record<Severity | "none", string>> = {
  critical: "#dc2626",
  high: "#ea580c",
  medium: "#d97706",
  low: "#2563eb",
  none: "#16a34a",
};
