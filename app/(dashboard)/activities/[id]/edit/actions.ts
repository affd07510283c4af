"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db/client";
import { updateActivity } from "@/lib/activities/service";
import { action, auditActor, type Actor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { explainVersionConflict } from "@/lib/records/conflict-message";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { openFlagPreviews, type ChangePreview } from "@/components/forms/flag-preview";
import { listFlagsOfActivityProcessors } from "./activity-flags";

const activityRef = z.object({ id: uuid });

// An activity has no owner and no draft state: it is shared by every transfer made for it, so only the DPO edits it.
const EDITORS = ["dpo"] as const;

/** Saves the edit through the same service as the REST API (validation, version, re-evaluation, audit). */
export const saveActivity = action(
  { roles: EDITORS },
  async ({ actor, input }: { actor: Actor; input: { id: string; changes: unknown } }): Promise<{ id: string; version: number }> => {
    const { id } = parseInput(activityRef, input);
    try {
      const activity = await updateActivity({ db: db(), actor: auditActor(actor), id, input: input.changes, today: todayIso() });
      revalidatePath("/", "layout");
      return { id, version: activity.version };
    } catch (error) {
      return explainVersionConflict({ db: db(), error, recordType: "activity", recordId: id, what: "processing activity" });
    }
  },
);

/** The flags of the processors receiving the activity's data after the edit: the real write, rolled back. */
export const previewActivityChange = action(
  { roles: EDITORS },
  async ({ actor, input }: { actor: Actor; input: { id: string; changes: unknown } }): Promise<ChangePreview> => {
    const { id } = parseInput(activityRef, input);
    const flags = await predictWithoutSaving(db(), async (tx) => {
      await updateActivity({ db: tx, actor: auditActor(actor), id, input: input.changes, today: todayIso() });
      return listFlagsOfActivityProcessors({ db: tx, activityId: id });
    });
    return { flags: openFlagPreviews(flags) };
  },
);
