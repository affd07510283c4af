import { toIsoDate } from "@/lib/rules/iso-date";

/** A timestamp or an ISO date as YYYY-MM-DD (UTC); an em dash when there is none. */
export function formatDate(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  try {
    return toIsoDate(value);
  } catch {
    return String(value);
  }
}

// Acronyms the rules' fact keys use, spelled as a reader expects them.
const ACRONYMS: Readonly<Record<string, string>> = {
  id: "ID",
  ids: "IDs",
  cisa: "CISA",
  tia: "TIA",
  dpf: "DPF",
  doj: "DOJ",
  pipl: "PIPL",
  gdpr: "GDPR",
  scc: "SCC",
  sccs: "SCCs",
  eu: "EU",
  uk: "UK",
  eea: "EEA",
};

/** "sensitiveCategories" -> "Sensitive categories"; "count.biometric" -> "Count (biometric)"; "tiaDate" -> "TIA date". */
export function factLabel(key: string): string {
  const [head = key, ...rest] = key.split(".");
  const words = head
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase()
    .split(" ")
    .map((word) => ACRONYMS[word] ?? word);
  const first = words[0] ?? "";
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  const label = words.join(" ");
  return rest.length ? `${label} (${rest.join(".").replace(/_/g, " ")})` : label;
}

/** A fact value as text: numbers with en-US separators, booleans as yes/no, lists comma-separated. */
export function formatFactValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "number") return value.toLocaleString("en-US");
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.length ? value.map(formatFactValue).join(", ") : "none";
  return JSON.stringify(value);
}
