"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db/client";
import { action, auditActor, type Actor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { submitProcessor } from "@/lib/review/service";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";

const resubmission = z.object({ processorId: uuid, version: z.number().int().positive() });

/**
 * Sends a vendor the DPO rejected back to the review queue once the engineer has fixed it (the processor and
 * agreement forms accept edits of a rejected vendor). The service checks ownership, state and version.
 */
export const resubmitVendor = action(
  { roles: ["dpo", "engineer"] },
  async ({ actor, input }: { actor: Actor; input: { processorId: string; version: number } }): Promise<{ status: string }> => {
    const { processorId, version } = parseInput(resubmission, input);
    const { processor } = await submitProcessor({ db: db(), actor: auditActor(actor), id: processorId, input: { version }, today: todayIso() });
    revalidatePath("/", "layout");
    return { status: processor.status };
  },
);
