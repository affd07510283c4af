import type { Locale } from "@/lib/i18n/locales";

/** A file's size in the reader's units: "812 B", "12.4 kB" / "12,4 ko", "3.2 MB" / "3,2 Mo" (Intl's unit names). */
export function formatFileSize(bytes: number, locale: Locale): string {
  const [value, unit] = bytes < 1000 ? [bytes, "byte"] : bytes < 1_000_000 ? [bytes / 1000, "kilobyte"] : [bytes / 1_000_000, "megabyte"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
}
