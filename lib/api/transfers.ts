import { z } from "zod";
import type { Executor } from "@/db/client";
import { AppError } from "@/lib/errors";
import { getTransfer } from "@/lib/transfers/service";
import { transferFields } from "@/lib/validation/transfer";
import { databaseErrorOf, UNIQUE_VIOLATION } from "./database-error";

/*
 * The transfer body as the API accepts it: the shared schema (lib/validation/transfer.ts), made strict so
 * that an unknown field is refused by name. It is checked here before the service parses it again.
 */

// transfers.estimated_subjects is an `integer` column: beyond 2^31-1 PostgreSQL answers 22003 (a 500).
const MAX_INT4 = 2_147_483_647;

const apiTransferFields = z.strictObject({
  ...transferFields.shape,
  estimatedSubjects: z.number().int().min(0).max(MAX_INT4, { message: `must be at most ${MAX_INT4}` }).default(0),
});

export const createTransferBody = apiTransferFields;

type UnwrapDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
type Shape = typeof apiTransferFields.shape;

/** Partial without defaults (absent means unchanged), plus the version edited. */
export const updateTransferBody = z.strictObject({
  ...Object.fromEntries(
    Object.entries(apiTransferFields.shape).map(([key, schema]) => [key, (schema instanceof z.ZodDefault ? schema.unwrap() : schema).optional()]),
  ),
  version: z.number().int().min(1),
}) as unknown as z.ZodObject<{ [K in keyof Shape]: z.ZodOptional<UnwrapDefault<Shape[K]>> } & { version: z.ZodNumber }, z.core.$strict>;

const EDITABLE_KEYS = Object.keys(transferFields.shape) as (keyof typeof transferFields.shape)[];

/**
 * The full input for updateTransfer: the stored values, overlaid with the client's partial body.
 * lib/validation/transfer.ts `updateTransferInput` is `.partial()` over fields with defaults, and zod v4
 * applies a default under `.optional()`: a partial body alone would reset every absent field (status to
 * draft, data categories to none). Merging onto the version the client edited keeps PATCH a patch; the
 * service's version check inside its transaction guarantees the base is still that version.
 */
export async function mergeTransferPatch({ db, id, body }: { db: Executor; id: string; body: Record<string, unknown> & { version: number } }) {
  const current = await getTransfer({ db, id });
  if (!current) throw new AppError("not_found", `No transfer with id ${id}.`);
  if (current.version !== body.version) {
    throw new AppError(
      "version_conflict",
      `This transfer was changed at ${current.updatedAt.toISOString()} (version ${current.version}); you edited version ${body.version}. Reload it and apply your change again.`,
      { currentVersion: current.version, updatedAt: current.updatedAt.toISOString() },
    );
  }
  const base = Object.fromEntries(EDITABLE_KEYS.map((key) => [key, current[key]]));
  return { ...base, ...body };
}

/** A duplicate external id is a 409 naming the field, never a 500. */
export function transferConflict(error: unknown): unknown {
  const cause = databaseErrorOf(error);
  if (cause?.code !== UNIQUE_VIOLATION) return error;
  return new AppError("conflict", "externalId: another transfer already has this external id", {
    fields: [{ path: "externalId", message: "another transfer already has this external id" }],
  });
}
