import { z } from "zod";
import {
  ACCESS_TYPES,
  ENCRYPTION_AT_REST,
  ENCRYPTION_IN_TRANSIT,
  FREQUENCIES,
  TRANSFER_MECHANISMS,
  TRANSFER_STATUSES,
  VOLUME_UNITS,
} from "@/db/schema/enums";
import { countryCode, isoDate, subjectRegion, text, uuid, version } from "./common";

/** One transfer as the API, the forms and the import accept it (DOMAIN.md §2, camelCase). */
export const transferFields = z.object({
  activityId: uuid,
  exporterEntityId: uuid,
  processorId: uuid,
  originCountry: countryCode,
  destinationCountry: countryCode,
  accessType: z.enum(ACCESS_TYPES).default("storage"),
  subjectRegions: z.array(subjectRegion).max(50).default([]),
  estimatedSubjects: z.number().int().min(0).max(10_000_000_000).default(0),
  volumeUnit: z.enum(VOLUME_UNITS).default("people"),
  frequency: z.enum(FREQUENCIES).default("continuous"),
  encryptionInTransit: z.enum(ENCRYPTION_IN_TRANSIT).default("none"),
  encryptionAtRest: z.enum(ENCRYPTION_AT_REST).default("none"),
  mechanism: z.enum(TRANSFER_MECHANISMS).default("none"),
  tiaDate: isoDate.nullable().default(null),
  cisaRequirementsMet: z.boolean().default(false),
  reExportOfForeignData: z.boolean().default(false),
  startDate: isoDate.nullable().default(null),
  endDate: isoDate.nullable().default(null),
  status: z.enum(TRANSFER_STATUSES).default("draft"),
  notes: text(5000).nullable().default(null),
  externalId: text(200).nullable().default(null),
  dataCategories: z.array(z.string().trim().min(1).max(200)).max(200).default([]),
});

export const createTransferInput = transferFields;
export const updateTransferInput = transferFields.partial().extend({ version });

export type CreateTransferInput = z.input<typeof createTransferInput>;
export type UpdateTransferInput = z.input<typeof updateTransferInput>;
