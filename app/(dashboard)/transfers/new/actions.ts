"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db/client";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { action, auditActor, type Actor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { createTransfer } from "@/lib/transfers/service";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { openFlagPreviews, type ChangePreview } from "@/components/forms/flag-preview";

// The processor id is read for the prediction; the service checks it (existence and ownership) and the rest.
const creation = z.object({ values: z.object({ processorId: uuid }).passthrough() });

const WRITERS = ["dpo", "engineer"] as const;

export const createTransferFromForm = action(
  { roles: WRITERS },
  async ({ actor, input }: { actor: Actor; input: { values: unknown } }): Promise<{ id: string; version: number }> => {
    const { values } = parseInput(creation, input);
    const { transfer } = await createTransfer({ db: db(), actor: auditActor(actor), input: values, today: todayIso() });
    revalidatePath("/", "layout");
    return { id: transfer.id, version: transfer.version };
  },
);

/**
 * The processor's flags once the transfer exists (its own, and the DOJ aggregate over its siblings): the
 * real insert in a transaction that is rolled back.
 */
export const previewNewTransfer = action(
  { roles: WRITERS },
  async ({ actor, input }: { actor: Actor; input: { values: unknown } }): Promise<ChangePreview> => {
    const { values } = parseInput(creation, input);
    const flags = await predictWithoutSaving(db(), async (tx) => {
      await createTransfer({ db: tx, actor: auditActor(actor), input: values, today: todayIso() });
      return listFlagsForProcessor({ db: tx, processorId: values.processorId });
    });
    return { flags: openFlagPreviews(flags) };
  },
);
