"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { action } from "@/lib/auth/guard";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { withDb, type ServiceContext } from "@/lib/services/context";
import { createTransfer } from "@/lib/transfers/service";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { transferContract } from "@/lib/api/contracts/transfers";
import { openFlagPreviews, type ChangePreview } from "@/components/forms/flag-preview";

// The processor id is read for the prediction; the service checks it (existence and ownership) and the rest.
const creation = z.object({ values: z.object({ processorId: uuid }).passthrough() });

const WRITERS = transferContract.operations.create.roles;

export const createTransferFromForm = action({ roles: WRITERS }, async ({ ctx, input }: { ctx: ServiceContext; input: { values: unknown } }) => {
  const { values } = parseInput(creation, input);
  const { record } = await createTransfer({ ctx, input: values });
  revalidatePath("/", "layout");
  return { id: record.id, version: record.version };
});

/**
 * The processor's flags once the transfer exists (its own, and the DOJ aggregate over its siblings): the
 * real insert in a transaction that is rolled back.
 */
export const previewNewTransfer = action({ roles: WRITERS }, async ({ ctx, input }: { ctx: ServiceContext; input: { values: unknown } }): Promise<ChangePreview> => {
  const { values } = parseInput(creation, input);
  const flags = await predictWithoutSaving(ctx.db, async (tx) => {
    await createTransfer({ ctx: withDb(ctx, tx), input: values });
    return listFlagsForProcessor({ db: tx, processorId: values.processorId });
  });
  return { flags: openFlagPreviews(flags) };
});
