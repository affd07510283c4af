"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db/client";
import { getAgreement } from "@/db/queries/api-lists";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { updateAgreement } from "@/lib/agreements/service";
import { action, auditActor, type Actor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { explainVersionConflict } from "@/lib/records/conflict-message";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { openFlagPreviews, type ChangePreview } from "@/components/forms/flag-preview";

const agreementRef = z.object({ id: uuid });

const WRITERS = ["dpo", "engineer"] as const;

/**
 * The processor whose flags the edit changes: the one the change moves the agreement to, if any. Who may
 * write under either is the service's check (lib/records/processor-access.ts), in the same transaction.
 */
async function processorAfterChange(id: string, changes: unknown): Promise<string> {
  const agreement = await getAgreement({ db: db(), id });
  if (!agreement) throw new AppError("not_found", `No agreement with id ${id}.`);
  const target = (changes as { processorId?: unknown } | null)?.processorId;
  return typeof target === "string" ? target : agreement.processorId;
}

/** Saves the edit through the same service as the REST API (validation, version, re-evaluation, audit). */
export const saveAgreement = action(
  { roles: WRITERS },
  async ({ actor, input }: { actor: Actor; input: { id: string; changes: unknown } }): Promise<{ id: string; version: number }> => {
    const { id } = parseInput(agreementRef, input);
    try {
      const agreement = await updateAgreement({ db: db(), actor: auditActor(actor), id, input: input.changes, today: todayIso() });
      revalidatePath("/", "layout");
      return { id, version: agreement.version };
    } catch (error) {
      return explainVersionConflict({ db: db(), error, recordType: "agreement", recordId: id, what: "agreement" });
    }
  },
);

/** Which of the processor's flags the edit would resolve or raise: the real write, rolled back. */
export const previewAgreementChange = action(
  { roles: WRITERS },
  async ({ actor, input }: { actor: Actor; input: { id: string; changes: unknown } }): Promise<ChangePreview> => {
    const { id } = parseInput(agreementRef, input);
    const processorId = await processorAfterChange(id, input.changes);
    const flags = await predictWithoutSaving(db(), async (tx) => {
      await updateAgreement({ db: tx, actor: auditActor(actor), id, input: input.changes, today: todayIso() });
      return listFlagsForProcessor({ db: tx, processorId });
    });
    return { flags: openFlagPreviews(flags) };
  },
);
