"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { activityReviewOperation } from "@/lib/api/contracts/activities";
import { processorReviewOperation } from "@/lib/api/contracts/processors";
import { approveActivity, rejectActivity } from "@/lib/activities/service";
import { action } from "@/lib/auth/guard";
import { approveProcessor, rejectProcessor } from "@/lib/review/service";
import type { ServiceContext } from "@/lib/services/context";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";

export interface ReviewDecision {
  processorId: string;
  decision: "approve" | "reject";
  version: number;
  comment?: string;
}

// The id and decision are checked here; the service validates version and comment with the contract's review
// bodies, as POST /api/v1/processors/{id}/approve|reject does (a rejection needs a comment).
const decisionRef = z.object({ processorId: uuid, decision: z.enum(["approve", "reject"]) });

/** The DPO approves or rejects a submitted vendor (DOMAIN.md §1), with its version so a stale queue gets 409. */
export const reviewVendor = action(
  { roles: processorReviewOperation.actionRoles.approve },
  async ({ ctx, input }: { ctx: ServiceContext; input: ReviewDecision }): Promise<{ status: string }> => {
    const { processorId, decision } = parseInput(decisionRef, input);
    const { version, comment } = (input ?? {}) as Partial<ReviewDecision>;
    const review = decision === "approve" ? approveProcessor : rejectProcessor;
    const { record } = await review({ ctx, input: { id: processorId, changes: comment ? { version, comment } : { version } } });
    revalidatePath("/", "layout");
    return { status: record.status };
  },
);

export interface ActivityReviewDecision {
  activityId: string;
  decision: "approve" | "reject";
  version: number;
  comment?: string;
}

const activityDecisionRef = z.object({ activityId: uuid, decision: z.enum(["approve", "reject"]) });

/** The DPO approves or rejects an activity an engineer proposed, as POST /api/v1/activities/{id}/approve|reject does. */
export const reviewProposedActivity = action(
  { roles: activityReviewOperation.roles },
  async ({ ctx, input }: { ctx: ServiceContext; input: ActivityReviewDecision }): Promise<{ status: string }> => {
    const { activityId, decision } = parseInput(activityDecisionRef, input);
    const { version, comment } = (input ?? {}) as Partial<ActivityReviewDecision>;
    const review = decision === "approve" ? approveActivity : rejectActivity;
    const { record } = await review({ ctx, input: { id: activityId, changes: comment ? { version, comment } : { version } } });
    revalidatePath("/", "layout");
    return { status: record.status };
  },
);
