"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { createAgreement } from "@/lib/agreements/service";
import { agreementContract } from "@/lib/api/contracts/agreements";
import { action } from "@/lib/auth/guard";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { withDb, type ServiceContext } from "@/lib/services/context";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { openFlagPreviews, type ChangePreview } from "@/components/forms/flag-preview";

// The processor id is read for the prediction; the service checks it (existence and ownership) and the rest.
const creation = z.object({ values: z.object({ processorId: uuid }).passthrough() });

const WRITERS = agreementContract.operations.create.roles;

type CreateInput = { ctx: ServiceContext; input: { values: unknown } };

export const createAgreementFromForm = action({ roles: WRITERS }, async ({ ctx, input }: CreateInput): Promise<{ id: string; version: number }> => {
  const { values } = parseInput(creation, input);
  const { record } = await createAgreement({ ctx, input: values });
  revalidatePath("/", "layout");
  return { id: record.id, version: record.version };
});

/** Which of the processor's flags the new agreement would resolve or raise: the real insert, rolled back. */
export const previewNewAgreement = action({ roles: WRITERS }, async ({ ctx, input }: CreateInput): Promise<ChangePreview> => {
  const { values } = parseInput(creation, input);
  const flags = await predictWithoutSaving(ctx.db, async (tx) => {
    await createAgreement({ ctx: withDb(ctx, tx), input: values });
    return listFlagsForProcessor({ db: tx, processorId: values.processorId });
  });
  return { flags: openFlagPreviews(flags) };
});
