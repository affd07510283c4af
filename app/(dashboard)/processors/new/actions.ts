"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { processorContract } from "@/lib/api/contracts/processors";
import { action } from "@/lib/auth/guard";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { createProcessor } from "@/lib/processors/service";
import { withDb, type ServiceContext } from "@/lib/services/context";
import { parseInput } from "@/lib/validation/parse";
import { openFlagPreviews, type ChangePreview } from "@/components/forms/flag-preview";

// The values are validated by createProcessor with the contract's strict schema.
const creation = z.object({ values: z.unknown() });

/** Engineers register vendors too; whoever creates it, a new processor starts as a draft (the service decides). */
const CREATORS = processorContract.operations.create.roles;

type CreateInput = { ctx: ServiceContext; input: { values: unknown } };

export const createProcessorFromForm = action({ roles: CREATORS }, async ({ ctx, input }: CreateInput): Promise<{ id: string; version: number }> => {
  const { values } = parseInput(creation, input);
  const { record } = await createProcessor({ ctx, input: values });
  revalidatePath("/", "layout");
  return { id: record.id, version: record.version };
});

/** The flags the new processor would raise, from the real insert in a transaction that is rolled back. */
export const previewNewProcessor = action({ roles: CREATORS }, async ({ ctx, input }: CreateInput): Promise<ChangePreview> => {
  const { values } = parseInput(creation, input);
  const flags = await predictWithoutSaving(ctx.db, async (tx) => {
    const { record } = await createProcessor({ ctx: withDb(ctx, tx), input: values });
    return listFlagsForProcessor({ db: tx, processorId: record.id });
  });
  return { flags: openFlagPreviews(flags) };
});
