"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { getAgreement, updateAgreement } from "@/lib/agreements/service";
import { agreementContract } from "@/lib/api/contracts/agreements";
import { action } from "@/lib/auth/guard";
import { notFound } from "@/lib/errors";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { withDb, type ServiceContext } from "@/lib/services/context";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { openFlagPreviews, type ChangePreview } from "@/components/forms/flag-preview";

// The id is checked here; the changes themselves are validated by updateAgreement with the contract's schema.
const agreementRef = z.object({ id: uuid });

const WRITERS = agreementContract.operations.update.roles;

type EditInput = { ctx: ServiceContext; input: { id: string; changes: unknown } };

/**
 * The processor whose flags the edit changes: the one the change moves the agreement to, if any. Who may
 * write under either is the service's check (lib/records/processor-access.ts), in the same transaction.
 */
async function processorAfterChange(ctx: ServiceContext, id: string, changes: unknown): Promise<string> {
  const agreement = await getAgreement({ db: ctx.db, id });
  if (!agreement) throw notFound("agreement", id);
  const target = (changes as { processorId?: unknown } | null)?.processorId;
  return typeof target === "string" ? target : agreement.processorId;
}

/** Saves the edit: the same service as the REST API (validation, ownership, version check naming who saved last, re-evaluation, audit). */
export const saveAgreement = action({ roles: WRITERS }, async ({ ctx, input }: EditInput): Promise<{ id: string; version: number }> => {
  const { id } = parseInput(agreementRef, input);
  const { record } = await updateAgreement({ ctx, input: { id, changes: input.changes } });
  revalidatePath("/", "layout");
  return { id, version: record.version };
});

/** Which of the processor's flags the edit would resolve or raise: the real write, rolled back. */
export const previewAgreementChange = action({ roles: WRITERS }, async ({ ctx, input }: EditInput): Promise<ChangePreview> => {
  const { id } = parseInput(agreementRef, input);
  const processorId = await processorAfterChange(ctx, id, input.changes);
  const flags = await predictWithoutSaving(ctx.db, async (tx) => {
    await updateAgreement({ ctx: withDb(ctx, tx), input: { id, changes: input.changes } });
    return listFlagsForProcessor({ db: tx, processorId });
  });
  return { flags: openFlagPreviews(flags) };
});
