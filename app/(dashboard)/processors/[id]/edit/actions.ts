"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db/client";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { action, auditActor, type Actor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { updateProcessor } from "@/lib/processors/service";
import { explainVersionConflict } from "@/lib/records/conflict-message";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { openFlagPreviews, type ChangePreview } from "@/components/forms/flag-preview";

// The id is checked here; the changes are validated by updateProcessor with the server's strict schema.
const processorRef = z.object({ id: uuid });

// Engineers too, on their own drafts: updateProcessor enforces the ownership rule.
const EDITORS = ["dpo", "engineer"] as const;

/** Saves the edit through the same service as the REST API (validation, ownership, version, re-evaluation, audit). */
export const saveProcessor = action(
  { roles: EDITORS },
  async ({ actor, input }: { actor: Actor; input: { id: string; changes: unknown } }): Promise<{ id: string; version: number }> => {
    const { id } = parseInput(processorRef, input);
    try {
      const { processor } = await updateProcessor({ db: db(), actor: auditActor(actor), id, input: input.changes, today: todayIso() });
      revalidatePath("/", "layout");
      return { id, version: processor.version };
    } catch (error) {
      return explainVersionConflict({ db: db(), error, recordType: "processor", recordId: id, what: "processor" });
    }
  },
);

/**
 * The flags of the processor, its transfers and its agreements after the edit: the real write in a
 * transaction that is rolled back.
 */
export const previewProcessorChange = action(
  { roles: EDITORS },
  async ({ actor, input }: { actor: Actor; input: { id: string; changes: unknown } }): Promise<ChangePreview> => {
    const { id } = parseInput(processorRef, input);
    const flags = await predictWithoutSaving(db(), async (tx) => {
      await updateProcessor({ db: tx, actor: auditActor(actor), id, input: input.changes, today: todayIso() });
      return listFlagsForProcessor({ db: tx, processorId: id });
    });
    return { flags: openFlagPreviews(flags) };
  },
);
