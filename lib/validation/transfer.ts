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
import { withDefaults } from "./defaults";

/** One transfer as the API, the forms and the import accept it (DOMAIN.md §2, camelCase). */
const requiredFields = {
  activityId: uuid,
  exporterEntityId: uuid,
  processorId: uuid,
  originCountry: countryCode,
  destinationCountry: countryCode,
};

const defaultedFields = {
  accessType: [z.enum(ACCESS_TYPES), "storage"],
  subjectRegions: [z.array(subjectRegion).max(50), []],
  // The column is a 32-bit integer: larger numbers would be a database error, not a validation one.
  estimatedSubjects: [z.number().int().min(0).max(2_147_483_647), 0],
  volumeUnit: [z.enum(VOLUME_UNITS), "people"],
  frequency: [z.enum(FREQUENCIES), "continuous"],
  encryptionInTransit: [z.enum(ENCRYPTION_IN_TRANSIT), "none"],
  encryptionAtRest: [z.enum(ENCRYPTION_AT_REST), "none"],
  mechanism: [z.enum(TRANSFER_MECHANISMS), "none"],
  tiaDate: [isoDate.nullable(), null],
  cisaRequirementsMet: [z.boolean(), false],
  reExportOfForeignData: [z.boolean(), false],
  startDate: [isoDate.nullable(), null],
  endDate: [isoDate.nullable(), null],
  status: [z.enum(TRANSFER_STATUSES), "draft"],
  notes: [text(5000).nullable(), null],
  externalId: [text(200).nullable(), null],
  dataCategories: [z.array(z.string().trim().min(1).max(200)).max(200), []],
} as const;

const { create, update } = withDefaults(requiredFields, defaultedFields);

export const transferFields = create;
export const createTransferInput = create;
/** Partial: a field left out keeps its stored value (no defaults are filled in on update). */
export const updateTransferInput = update.extend({ version });

export type CreateTransferInput = z.input<typeof createTransferInput>;
export type UpdateTransferInput = z.input<typeof updateTransferInput>;
