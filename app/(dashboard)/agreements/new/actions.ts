"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db/client";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { createAgreement } from "@/lib/agreements/service";
import { action, auditActor, type Actor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { openFlagPreviews, type ChangePreview } from "@/components/forms/flag-preview";

// The processor id is read for the prediction; the service checks it (existence and ownership) and the rest.
const creation = z.object({ values: z.object({ processorId: uuid }).passthrough() });

const WRITERS = ["dpo", "engineer"] as const;

export const createAgreementFromForm = action(
  { roles: WRITERS },
  async ({ actor, input }: { actor: Actor; input: { values: unknown } }): Promise<{ id: string; version: number }> => {
    const { values } = parseInput(creation, input);
    const agreement = await createAgreement({ db: db(), actor: auditActor(actor), input: values, today: todayIso() });
    revalidatePath("/", "layout");
    return { id: agreement.id, version: agreement.version };
  },
);

/** Which of the processor's flags the new agreement would resolve or raise: the real insert, rolled back. */
export const previewNewAgreement = action(
  { roles: WRITERS },
  async ({ actor, input }: { actor: Actor; input: { values: unknown } }): Promise<ChangePreview> => {
    const { values } = parseInput(creation, input);
    const flags = await predictWithoutSaving(db(), async (tx) => {
      await createAgreement({ db: tx, actor: auditActor(actor), input: values, today: todayIso() });
      return listFlagsForProcessor({ db: tx, processorId: values.processorId });
    });
    return { flags: openFlagPreviews(flags) };
  },
);
