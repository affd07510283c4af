"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { openFlagPreviews, type ChangePreview } from "@/components/forms/flag-preview";
import { entityContract } from "@/lib/api/contracts/entities";
import { action } from "@/lib/auth/guard";
import { listFlagsOfEntityProcessors } from "@/lib/entities/flags";
import { updateEntity } from "@/lib/entities/service";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { withDb, type ServiceContext } from "@/lib/services/context";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";

// The id is checked here; the changes themselves are validated by updateEntity with the contract's schema.
const entityRef = z.object({ id: uuid });

const EDITORS = entityContract.operations.update.roles;

type EditInput = { ctx: ServiceContext; input: { id: string; changes: unknown } };

/** Saves the edit: the same service as the REST API (validation, version check naming who saved last, re-evaluation, audit). */
export const saveEntity = action({ roles: EDITORS }, async ({ ctx, input }: EditInput): Promise<{ id: string; version: number }> => {
  const { id } = parseInput(entityRef, input);
  const { record } = await updateEntity({ ctx, input: { id, changes: input.changes } });
  revalidatePath("/", "layout");
  return { id, version: record.version };
});

/** The flags of the processors receiving the entity's transfers after the edit: the real write, rolled back. */
export const previewEntityChange = action({ roles: EDITORS }, async ({ ctx, input }: EditInput): Promise<ChangePreview> => {
  const { id } = parseInput(entityRef, input);
  const flags = await predictWithoutSaving(ctx.db, async (tx) => {
    await updateEntity({ ctx: withDb(ctx, tx), input: { id, changes: input.changes } });
    return listFlagsOfEntityProcessors({ db: tx, entityId: id });
  });
  return { flags: openFlagPreviews(flags) };
});
