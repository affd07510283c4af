import { z } from "zod";
import { PROCESSOR_ROLES, PROCESSOR_SERVICES } from "@/db/schema/enums";
import { countryCode, isoDate, text, uuid, version } from "./common";

/** A web address of the processor: only http(s), so that a `javascript:` link can never reach the UI. */
const website = z
  .string()
  .trim()
  .max(500, { message: "must be at most 500 characters" })
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
      } catch {
        return false;
      }
    },
    { message: "must be an http or https URL" },
  );

/**
 * One processor as the API and the forms accept it (DOMAIN.md §2, camelCase). Strict: an unknown field is
 * an error naming it, not silently dropped (a typo like `dpfCertifed` would otherwise lose the value).
 * The lifecycle `status` is not writable here: it moves through submit and review.
 */
export const processorFields = z.strictObject({
  name: text(200).min(1, { message: "is required" }),
  legalName: text(300).nullable().default(null),
  website: website.nullable().default(null),
  role: z.enum(PROCESSOR_ROLES, { message: `must be one of ${PROCESSOR_ROLES.join(", ")}` }),
  service: z.enum(PROCESSOR_SERVICES, { message: `must be one of ${PROCESSOR_SERVICES.join(", ")}` }),
  /** Country of establishment. */
  country: countryCode.meta({ description: "ISO 3166-1 alpha-2 country code", examples: ["US", "CN", "HK"] }),
  /** A sub-processor hangs under the processor that engaged it. */
  parentProcessorId: uuid.nullable().default(null),
  /** EU-US Data Privacy Framework (Decision (EU) 2023/1795). */
  dpfCertified: z.boolean().default(false),
  dpfExpiry: isoDate.nullable().default(null),
  /** 28 CFR 202.211: owned by, or principally based in, a country of concern. */
  coveredPerson: z.boolean().default(false),
  ownerUserId: uuid.nullable().default(null),
  notes: text(5000).nullable().default(null),
  externalId: text(200).nullable().default(null),
});

export const createProcessorInput = processorFields;

/** A partial change with the version the client read (optimistic concurrency). No defaults: absent means unchanged. */
export const updateProcessorInput = z.strictObject({
  ...Object.fromEntries(
    Object.entries(processorFields.shape).map(([key, schema]) => [key, (schema instanceof z.ZodDefault ? schema.unwrap() : schema).optional()]),
  ),
  version,
}) as unknown as z.ZodObject<
  { [K in keyof typeof processorFields.shape]: z.ZodOptional<UnwrapDefault<(typeof processorFields.shape)[K]>> } & { version: typeof version },
  z.core.$strict
>;

type UnwrapDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

export type CreateProcessorInput = z.input<typeof createProcessorInput>;
export type UpdateProcessorInput = z.input<typeof updateProcessorInput>;

/** Kept while the processors resource moves to its contract: every parse now reports unknown fields by name. */
export { parseInput as parseStrictInput } from "./parse";
