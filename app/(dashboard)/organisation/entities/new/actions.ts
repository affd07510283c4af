"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ChangePreview } from "@/components/forms/flag-preview";
import { entityContract } from "@/lib/api/contracts/entities";
import { action } from "@/lib/auth/guard";
import { createEntity } from "@/lib/entities/service";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { withDb, type ServiceContext } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";

// The values are validated by createEntity with the contract's strict schema.
const creation = z.object({ values: z.unknown() });

// As the REST API: the DPO describes the organisation.
const CREATORS = entityContract.operations.create.roles;

type CreateInput = { ctx: ServiceContext; input: { values: unknown } };

export const createEntityFromForm = action({ roles: CREATORS }, async ({ ctx, input }: CreateInput): Promise<{ id: string; version: number }> => {
  const { values } = parseInput(creation, input);
  const { record } = await createEntity({ ctx, input: values });
  revalidatePath("/", "layout");
  return { id: record.id, version: record.version };
});

/** A new entity exports nothing yet, so it raises no flag; the insert still runs (rolled back), so that a taken name shows before saving. */
export const previewNewEntity = action({ roles: CREATORS }, async ({ ctx, input }: CreateInput): Promise<ChangePreview> => {
  const { values } = parseInput(creation, input);
  await predictWithoutSaving(ctx.db, (tx) => createEntity({ ctx: withDb(ctx, tx), input: values }));
  return { flags: [] };
});
