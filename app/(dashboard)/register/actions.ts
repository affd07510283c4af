"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { processorReviewOperation } from "@/lib/api/contracts/processors";
import { action } from "@/lib/auth/guard";
import { submitProcessor } from "@/lib/review/service";
import type { ServiceContext } from "@/lib/services/context";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";

const resubmission = z.object({ processorId: uuid, version: z.number().int().positive() });

/**
 * Sends a vendor the DPO rejected back to the review queue once the engineer has fixed it (the processor and
 * agreement forms accept edits of a rejected vendor). The service checks ownership, state and version.
 */
export const resubmitVendor = action(
  { roles: processorReviewOperation.actionRoles.submit },
  async ({ ctx, input }: { ctx: ServiceContext; input: { processorId: string; version: number } }): Promise<{ status: string }> => {
    const { processorId, version } = parseInput(resubmission, input);
    const { record } = await submitProcessor({ ctx, input: { id: processorId, changes: { version } } });
    revalidatePath("/", "layout");
    return { status: record.status };
  },
);
