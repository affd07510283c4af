/** A timestamp as "YYYY-MM-DD HH:MM UTC": the server renders it, so it reads the same for every viewer. */
export function formatTimestamp(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "change_role" -> "Change role"; "api_token" -> "API token". */
export function auditLabel(value: string): string {
  const words = value.split("_").map((word) => (word === "api" ? "API" : word));
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A before/after value in a diff: absent and null are told apart, objects shown as JSON. */
export function formatAuditValue(value: unknown): string {
  if (value === undefined) return "(absent)";
  if (value === null) return "(empty)";
  if (typeof value === "string") return value === "" ? '""' : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** Where the application shows the record an event is about, when it has a page for it. */
export function recordHref(recordType: string, recordId: string | null): string | null {
  if (!recordId) return null;
  switch (recordType) {
    case "processor":
      return `/processors/${recordId}`;
    case "transfer":
      return `/transfers/${recordId}`;
    case "flag":
      return "/flags";
    default:
      return null;
  }
}
