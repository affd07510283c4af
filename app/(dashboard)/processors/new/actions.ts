"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db/client";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { action, auditActor, type Actor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { createProcessor } from "@/lib/processors/service";
import { parseInput } from "@/lib/validation/parse";
import { openFlagPreviews, type ChangePreview } from "@/components/forms/flag-preview";

// The values are validated by createProcessor with the server's strict schema.
const creation = z.object({ values: z.unknown() });

/** Engineers register vendors too; whoever creates it, a new processor starts as a draft (the service decides). */
const CREATORS = ["dpo", "engineer"] as const;

export const createProcessorFromForm = action(
  { roles: CREATORS },
  async ({ actor, input }: { actor: Actor; input: { values: unknown } }): Promise<{ id: string; version: number }> => {
    const { values } = parseInput(creation, input);
    const { processor } = await createProcessor({ db: db(), actor: auditActor(actor), input: values, today: todayIso() });
    revalidatePath("/", "layout");
    return { id: processor.id, version: processor.version };
  },
);

/** The flags the new processor would raise, from the real insert in a transaction that is rolled back. */
export const previewNewProcessor = action(
  { roles: CREATORS },
  async ({ actor, input }: { actor: Actor; input: { values: unknown } }): Promise<ChangePreview> => {
    const { values } = parseInput(creation, input);
    const flags = await predictWithoutSaving(db(), async (tx) => {
      const { processor } = await createProcessor({ db: tx, actor: auditActor(actor), input: values, today: todayIso() });
      return listFlagsForProcessor({ db: tx, processorId: processor.id });
    });
    return { flags: openFlagPreviews(flags) };
  },
);
