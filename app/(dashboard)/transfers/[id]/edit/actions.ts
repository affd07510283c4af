"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { transferContract } from "@/lib/api/contracts/transfers";
import { action } from "@/lib/auth/guard";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { withDb, type ServiceContext } from "@/lib/services/context";
import { updateTransfer } from "@/lib/transfers/service";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { toFlagPreview, type ChangePreview } from "@/components/forms/flag-preview";

// The id is checked here; the changes themselves are validated by updateTransfer with the contract's schema.
const transferRef = z.object({ id: uuid });

const EDITORS = transferContract.operations.update.roles;

type EditInput = { ctx: ServiceContext; input: { id: string; changes: unknown } };

/** Saves the edit: the same service as the REST API (validation, ownership, version check naming who saved last, re-evaluation, audit). */
export const saveTransfer = action({ roles: EDITORS }, async ({ ctx, input }: EditInput): Promise<{ id: string; version: number }> => {
  const { id } = parseInput(transferRef, input);
  const { record } = await updateTransfer({ ctx, input: { id, changes: input.changes } });
  revalidatePath("/", "layout");
  return { id, version: record.version };
});

/** The flags the edit would leave open, computed by the real write inside a transaction that is rolled back. */
export const previewTransferChange = action({ roles: EDITORS }, async ({ ctx, input }: EditInput): Promise<ChangePreview> => {
  const { id } = parseInput(transferRef, input);
  const { flags } = await predictWithoutSaving(ctx.db, (tx) => updateTransfer({ ctx: withDb(ctx, tx), input: { id, changes: input.changes } }));
  return { flags: flags.map(toFlagPreview) };
});
