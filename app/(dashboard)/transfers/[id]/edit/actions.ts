"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db/client";
import { listRecordHistory } from "@/db/queries/audit";
import { action, auditActor, type Actor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { updateTransfer } from "@/lib/transfers/service";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import type { FlagPreview, TransferChangePreview } from "@/components/forms/transfer-edit-types";

// The id is checked here; the changes themselves are validated by updateTransfer with the server's schema.
const transferRef = z.object({ id: uuid });

const EDITORS = ["dpo", "engineer"] as const;

function toPreview(flag: { ruleId: string; severity: string; message: string; status: string }): FlagPreview {
  return { ruleId: flag.ruleId, severity: flag.severity, message: flag.message, status: flag.status };
}

/**
 * A version conflict names who changed the record and when (the latest audit event), so that the DPO knows
 * whom to ask before overwriting anything.
 */
async function explainConflict(error: unknown, id: string): Promise<never> {
  if (error instanceof AppError && error.code === "version_conflict") {
    const [latest] = await listRecordHistory({ db: db(), recordType: "transfer", recordId: id, limit: 1 });
    if (latest) {
      throw new AppError(
        "version_conflict",
        `This transfer was changed by ${latest.actorLabel} at ${latest.occurredAt.toISOString().replace("T", " ").slice(0, 16)} UTC while you were editing. Reload it to see their change, then apply yours again.`,
        { ...error.details, changedBy: latest.actorLabel, changedAt: latest.occurredAt.toISOString() },
      );
    }
  }
  throw error;
}

/** Saves the edit: the same service as the REST API (validation, version check, re-evaluation, audit). */
export const saveTransfer = action(
  { roles: EDITORS },
  async ({ actor, input }: { actor: Actor; input: { id: string; changes: unknown } }): Promise<{ version: number }> => {
    const { id } = parseInput(transferRef, input);
    try {
      const { transfer } = await updateTransfer({ db: db(), actor: auditActor(actor), id, input: input.changes, today: todayIso() });
      revalidatePath("/", "layout");
      return { version: transfer.version };
    } catch (error) {
      return explainConflict(error, id);
    }
  },
);

/** The flags the edit would leave open, computed by the real write inside a transaction that is rolled back. */
export const previewTransferChange = action(
  { roles: EDITORS },
  async ({ actor, input }: { actor: Actor; input: { id: string; changes: unknown } }): Promise<TransferChangePreview> => {
    const { id } = parseInput(transferRef, input);
    const { flags } = await predictWithoutSaving(db(), (tx) =>
      updateTransfer({ db: tx, actor: auditActor(actor), id, input: input.changes, today: todayIso() }),
    );
    return { flags: flags.map(toPreview) };
  },
);
