import { stringify } from "csv-stringify/sync";
import { TRANSFER_COLUMNS } from "./columns";

/*
 * A synthetic, valid transfers CSV for the import benchmark and the large-file tests. The rows reference
 * an exporter, an activity and processors by name: create them first (the names are parameters, with defaults).
 */

export interface SyntheticReferences {
  exporterName: string;
  activityName: string;
  /** Transfers are spread round-robin over these processors (by name). */
  processorNames: readonly string[];
}

export const SYNTHETIC_REFERENCES: SyntheticReferences = {
  exporterName: "Synthetic Exporter Inc.",
  activityName: "Synthetic activity",
  processorNames: ["Synthetic Vendor 1", "Synthetic Vendor 2", "Synthetic Vendor 3"],
};

const DESTINATIONS = ["DE", "FR", "IE", "GB", "JP", "SG", "CA", "US"];
const CATEGORIES = ["user.contact.email", "user.name", "user.device.ip_address", "user.contact.phone_number"];

/** n rows with externalIds `syn-000001`…, a header of every transfer column. */
export function generateImportFile(n: number, references: SyntheticReferences = SYNTHETIC_REFERENCES): string {
  const header = TRANSFER_COLUMNS.map((c) => c.name);
  const rows: string[][] = [header];
  for (let i = 0; i < n; i++) {
    const values: Record<string, string> = {
      externalId: `syn-${String(i + 1).padStart(6, "0")}`,
      processorName: references.processorNames[i % references.processorNames.length]!,
      activityName: references.activityName,
      exporterName: references.exporterName,
      originCountry: "US",
      destinationCountry: DESTINATIONS[i % DESTINATIONS.length]!,
      accessType: i % 5 === 0 ? "remote_access" : "storage",
      dataCategories: CATEGORIES.slice(0, 1 + (i % 2)).join(";"),
      subjectRegions: "US-CA",
      estimatedSubjects: String(100 + (i % 900)),
      encryptionInTransit: "tls1_3",
      encryptionAtRest: "provider_keys",
      mechanism: "none",
      status: "draft",
    };
    rows.push(header.map((name) => values[name] ?? ""));
  }
  return stringify(rows);
}
