"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { processorContract } from "@/lib/api/contracts/processors";
import { action } from "@/lib/auth/guard";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { updateProcessor } from "@/lib/processors/service";
import { withDb, type ServiceContext } from "@/lib/services/context";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { openFlagPreviews, type ChangePreview } from "@/components/forms/flag-preview";

// The id is checked here; the changes are validated by updateProcessor with the contract's strict schema.
const processorRef = z.object({ id: uuid });

// Engineers too, on their own drafts: updateProcessor enforces the ownership rule.
const EDITORS = processorContract.operations.update.roles;

type EditInput = { ctx: ServiceContext; input: { id: string; changes: unknown } };

/** Saves the edit through the same service as the REST API (validation, ownership, version check naming who saved last, re-evaluation, audit). */
export const saveProcessor = action({ roles: EDITORS }, async ({ ctx, input }: EditInput): Promise<{ id: string; version: number }> => {
  const { id } = parseInput(processorRef, input);
  const { record } = await updateProcessor({ ctx, input: { id, changes: input.changes } });
  revalidatePath("/", "layout");
  return { id, version: record.version };
});

/**
 * The flags of the processor, its transfers and its agreements after the edit: the real write in a
 * transaction that is rolled back.
 */
export const previewProcessorChange = action({ roles: EDITORS }, async ({ ctx, input }: EditInput): Promise<ChangePreview> => {
  const { id } = parseInput(processorRef, input);
  const flags = await predictWithoutSaving(ctx.db, async (tx) => {
    await updateProcessor({ ctx: withDb(ctx, tx), input: { id, changes: input.changes } });
    return listFlagsForProcessor({ db: tx, processorId: id });
  });
  return { flags: openFlagPreviews(flags) };
});
