"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { TIA_COMPLETERS, TIA_DRAFTERS } from "@/lib/api/contracts/tia";
import { action } from "@/lib/auth/guard";
import { completeTia, createTia, updateTia } from "@/lib/tia/service";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";

/*
 * The guided assessment's server actions: the same services as the REST API (validation, who may write, the
 * version check naming who saved last, the audit event; completion re-evaluates the transfer's flags).
 */

const ref = z.object({ id: uuid });

export const startTia = action({ roles: TIA_DRAFTERS }, async ({ ctx, input }: { ctx: Parameters<typeof createTia>[0]["ctx"]; input: { transferId: string; language: string } }) => {
  const { id: transferId } = parseInput(ref, { id: input.transferId });
  const { record } = await createTia({ ctx, input: { transferId, body: { language: input.language } } });
  revalidatePath(`/transfers/${transferId}`);
  return { id: record.id, version: record.version };
});

export const saveTia = action({ roles: TIA_DRAFTERS }, async ({ ctx, input }: { ctx: Parameters<typeof updateTia>[0]["ctx"]; input: { id: string; changes: unknown } }) => {
  const { id } = parseInput(ref, input);
  const { record } = await updateTia({ ctx, input: { id, changes: input.changes } });
  return { id, version: record.version };
});

export const finishTia = action({ roles: TIA_COMPLETERS }, async ({ ctx, input }: { ctx: Parameters<typeof completeTia>[0]["ctx"]; input: { id: string; changes: unknown } }) => {
  const { id } = parseInput(ref, input);
  const { record } = await completeTia({ ctx, input: { id, changes: input.changes } });
  revalidatePath("/", "layout");
  return { id, version: record.version };
});
