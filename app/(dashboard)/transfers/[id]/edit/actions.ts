"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db/client";
import { action, auditActor, type Actor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { predictWithoutSaving } from "@/lib/flags/predict";
import { explainVersionConflict } from "@/lib/records/conflict-message";
import { updateTransfer } from "@/lib/transfers/service";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";
import { toFlagPreview, type ChangePreview } from "@/components/forms/flag-preview";

// The id is checked here; the changes themselves are validated by updateTransfer with the server's schema.
const transferRef = z.object({ id: uuid });

const EDITORS = ["dpo", "engineer"] as const;

/** Saves the edit: the same service as the REST API (validation, ownership, version check, re-evaluation, audit). */
export const saveTransfer = action(
  { roles: EDITORS },
  async ({ actor, input }: { actor: Actor; input: { id: string; changes: unknown } }): Promise<{ id: string; version: number }> => {
    const { id } = parseInput(transferRef, input);
    try {
      const { transfer } = await updateTransfer({ db: db(), actor: auditActor(actor), id, input: input.changes, today: todayIso() });
      revalidatePath("/", "layout");
      return { id, version: transfer.version };
    } catch (error) {
      return explainVersionConflict({ db: db(), error, recordType: "transfer", recordId: id, what: "transfer" });
    }
  },
);

/** The flags the edit would leave open, computed by the real write inside a transaction that is rolled back. */
export const previewTransferChange = action(
  { roles: EDITORS },
  async ({ actor, input }: { actor: Actor; input: { id: string; changes: unknown } }): Promise<ChangePreview> => {
    const { id } = parseInput(transferRef, input);
    const { flags } = await predictWithoutSaving(db(), (tx) =>
      updateTransfer({ db: tx, actor: auditActor(actor), id, input: input.changes, today: todayIso() }),
    );
    return { flags: flags.map(toFlagPreview) };
  },
);
