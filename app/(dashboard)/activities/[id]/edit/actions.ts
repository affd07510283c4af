"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { updateActivity } from "@/lib/activities/service";
import { activityContract } from "@/lib/api/contracts/activities";
import { action } from "@/lib/auth/guard";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { withDb, type ServiceContext } from "@/lib/services/context";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { openFlagPreviews, type ChangePreview } from "@/components/forms/flag-preview";
import { listFlagsOfActivityProcessors } from "./activity-flags";

// The id is checked here; the changes themselves are validated by updateActivity with the contract's schema.
const activityRef = z.object({ id: uuid });

// As the REST API: an activity is shared by every transfer made for it, so only the DPO edits it.
const EDITORS = activityContract.operations.update.roles;

type EditInput = { ctx: ServiceContext; input: { id: string; changes: unknown } };

/** Saves the edit: the same service as the REST API (validation, version check naming who saved last, re-evaluation, audit). */
export const saveActivity = action({ roles: EDITORS }, async ({ ctx, input }: EditInput): Promise<{ id: string; version: number }> => {
  const { id } = parseInput(activityRef, input);
  const { record } = await updateActivity({ ctx, input: { id, changes: input.changes } });
  revalidatePath("/", "layout");
  return { id, version: record.version };
});

/** The flags of the processors receiving the activity's data after the edit: the real write, rolled back. */
export const previewActivityChange = action({ roles: EDITORS }, async ({ ctx, input }: EditInput): Promise<ChangePreview> => {
  const { id } = parseInput(activityRef, input);
  const flags = await predictWithoutSaving(ctx.db, async (tx) => {
    await updateActivity({ ctx: withDb(ctx, tx), input: { id, changes: input.changes } });
    return listFlagsOfActivityProcessors({ db: tx, activityId: id });
  });
  return { flags: openFlagPreviews(flags) };
});
