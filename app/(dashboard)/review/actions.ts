"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db/client";
import { action, auditActor, type Actor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { approveProcessor, rejectProcessor } from "@/lib/review/service";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";

export interface ReviewDecision {
  processorId: string;
  decision: "approve" | "reject";
  version: number;
  comment?: string;
}

// The id and decision are checked here; the service validates version and comment with the same schemas
// as POST /api/v1/processors/{id}/approve|reject (a rejection needs a comment).
const decisionRef = z.object({ processorId: uuid, decision: z.enum(["approve", "reject"]) });

/** The DPO approves or rejects a submitted vendor (DOMAIN.md §1), with its version so a stale queue gets 409. */
export const reviewVendor = action(
  { roles: ["dpo"] },
  async ({ actor, input }: { actor: Actor; input: ReviewDecision }): Promise<{ status: string }> => {
    const { processorId, decision } = parseInput(decisionRef, input);
    const { version, comment } = (input ?? {}) as Partial<ReviewDecision>;
    const review = decision === "approve" ? approveProcessor : rejectProcessor;
    const { processor } = await review({
      db: db(),
      actor: auditActor(actor),
      id: processorId,
      input: comment ? { version, comment } : { version },
      today: todayIso(),
    });
    revalidatePath("/", "layout");
    return { status: processor.status };
  },
);
