"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db/client";
import { createActivity } from "@/lib/activities/create";
import { action, auditActor, type Actor } from "@/lib/auth/guard";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { parseInput } from "@/lib/validation/parse";
import type { ChangePreview } from "@/components/forms/flag-preview";

// The values are validated by createActivity with the server's strict schema.
const creation = z.object({ values: z.unknown() });

// As the REST API: engineers may add the purpose their new vendor serves; editing it afterwards is the DPO's.
const CREATORS = ["dpo", "engineer"] as const;

export const createActivityFromForm = action(
  { roles: CREATORS },
  async ({ actor, input }: { actor: Actor; input: { values: unknown } }): Promise<{ id: string; version: number }> => {
    const { values } = parseInput(creation, input);
    const activity = await createActivity({ db: db(), actor: auditActor(actor), input: values });
    revalidatePath("/", "layout");
    return { id: activity.id, version: activity.version };
  },
);

/**
 * A new activity has no transfer, so it raises no flag; the insert still runs (rolled back), so that a
 * taken name or an unknown controller shows before saving.
 */
export const previewNewActivity = action(
  { roles: CREATORS },
  async ({ actor, input }: { actor: Actor; input: { values: unknown } }): Promise<ChangePreview> => {
    const { values } = parseInput(creation, input);
    await predictWithoutSaving(db(), (tx) => createActivity({ db: tx, actor: auditActor(actor), input: values }));
    return { flags: [] };
  },
);
