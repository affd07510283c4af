import { z } from "zod";
import { isValidCountryCode } from "@/lib/jurisdictions/countries";
import { isIsoDate } from "@/lib/rules/iso-date";

/** ISO 3166-1 alpha-2, upper case; unknown codes are refused with the field's name. */
export const countryCode = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .refine((value) => /^[A-Z]{2}$/.test(value) && isValidCountryCode(value), {
    message: "must be an ISO 3166-1 alpha-2 country code (e.g. US, CN, HK)",
  });

// `format: date` is what the OpenAPI document (and a client generated from it) reads; the refine does the checking.
export const isoDate = z.string().refine(isIsoDate, { message: "must be a date as YYYY-MM-DD" }).meta({ format: "date" });

export const uuid = z.string().uuid({ message: "must be a record id (UUID)" });

/** Free text: bounded, so that a hostile payload cannot fill the database. */
export const text = (max: number) => z.string().trim().max(max, { message: `must be at most ${max} characters` });

/** Subject regions: a country code, EU, EEA, UK, or a subdivision like US-CA. */
export const subjectRegion = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(EU|EEA|UK|[A-Z]{2}(-[A-Z0-9]{1,3})?)$/, { message: "must be EU, EEA, UK, a country code or a subdivision like US-CA" });

export const version = z.number().int().min(1);
