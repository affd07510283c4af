"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createActivity } from "@/lib/activities/service";
import { activityContract } from "@/lib/api/contracts/activities";
import { action } from "@/lib/auth/guard";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { withDb, type ServiceContext } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import type { ChangePreview } from "@/components/forms/flag-preview";

// The values are validated by createActivity with the contract's strict schema.
const creation = z.object({ values: z.unknown() });

// As the REST API: engineers may add the purpose their new vendor serves; editing it afterwards is the DPO's.
const CREATORS = activityContract.operations.create.roles;

type CreateInput = { ctx: ServiceContext; input: { values: unknown } };

export const createActivityFromForm = action({ roles: CREATORS }, async ({ ctx, input }: CreateInput): Promise<{ id: string; version: number }> => {
  const { values } = parseInput(creation, input);
  const { record } = await createActivity({ ctx, input: values });
  revalidatePath("/", "layout");
  return { id: record.id, version: record.version };
});

/**
 * A new activity has no transfer, so it raises no flag; the insert still runs (rolled back), so that a
 * taken name or an unknown controller shows before saving.
 */
export const previewNewActivity = action({ roles: CREATORS }, async ({ ctx, input }: CreateInput): Promise<ChangePreview> => {
  const { values } = parseInput(creation, input);
  await predictWithoutSaving(ctx.db, (tx) => createActivity({ ctx: withDb(ctx, tx), input: values }));
  return { flags: [] };
});
