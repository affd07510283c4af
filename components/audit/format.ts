/** A timestamp as "YYYY-MM-DD HH:MM UTC": the server renders it, so it reads the same for every viewer. */
export function formatTimestamp(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Where the application shows the record an event is about, when it has a page for it. */
export function recordHref(recordType: string, recordId: string | null): string | null {
  if (!recordId) return null;
  switch (recordType) {
    case "processor":
    case "registration_draft":
      return `/processors/${recordId}`;
    case "transfer":
      return `/transfers/${recordId}`;
    case "agreement":
      return `/agreements/${recordId}`;
    case "activity":
      return `/activities/${recordId}`;
    case "entity":
      return `/organisation/entities/${recordId}`;
    case "data_category":
      return `/data-categories/${recordId}`;
    case "flag":
      return "/flags";
    default:
      return null;
  }
}
