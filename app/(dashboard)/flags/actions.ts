"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { AcceptRiskRequest, AcceptedFlag, BulkAcceptRiskRequest } from "@/components/flags/accept-risk-types";
import type { CommentRequest, RemediationRequest, RevokeAcceptanceRequest } from "@/components/flags/remediation-types";
import { flagAcceptOperations, flagRemediationOperations } from "@/lib/api/contracts/flags";
import { action } from "@/lib/auth/guard";
import { commentOnFlag, revokeFlagAcceptance, updateFlagRemediation } from "@/lib/flags/remediation";
import { acceptFlagRisk, acceptFlagRisks } from "@/lib/flags/service";
import type { ServiceContext } from "@/lib/services/context";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";

// The flag id is checked here, so that a malformed id is a validation error and not a database error;
// acceptFlagRisk validates the decision itself with the contract's schema (version, justification, end date).
const flagRef = z.object({ flagId: uuid });

function acceptedFlag(flag: AcceptedFlag): AcceptedFlag {
  return { id: flag.id, status: flag.status, version: flag.version, acceptedUntil: flag.acceptedUntil };
}

/** The DPO accepts the risk of an open flag (DOMAIN.md §1): a justification and an end date, audited. */
export const acceptRisk = action(
  { roles: flagAcceptOperations.accept.meta.roles },
  async ({ ctx, input }: { ctx: ServiceContext; input: AcceptRiskRequest }): Promise<AcceptedFlag> => {
    // Arguments of a server action come from the network: nothing about their shape is trusted.
    const { flagId } = parseInput(flagRef, input);
    const { version, justification, acceptedUntil } = (input ?? {}) as Partial<AcceptRiskRequest>;
    const { record } = await acceptFlagRisk({ ctx, input: { id: flagId, changes: { version, justification, acceptedUntil } } });
    // The flag counts on the dashboard and shows in the register and on its transfer's and processor's pages.
    revalidatePath("/", "layout");
    return acceptedFlag(record);
  },
);

/** The DPO accepts several open flags with one justification and end date: all or nothing, audited per flag. */
export const acceptRisks = action(
  { roles: flagAcceptOperations.bulkAccept.meta.roles },
  async ({ ctx, input }: { ctx: ServiceContext; input: BulkAcceptRiskRequest }): Promise<AcceptedFlag[]> => {
    // acceptFlagRisks parses the whole request with the contract's schema: nothing from the network is trusted here.
    const { records } = await acceptFlagRisks({ ctx, input });
    revalidatePath("/", "layout");
    return records.map(acceptedFlag);
  },
);

/** The flag's remediation (assignee, due date, work status) at the version shown: lib/flags/remediation.ts judges who may change what. */
export const updateRemediation = action(
  { roles: flagRemediationOperations.update.roles },
  async ({ ctx, input }: { ctx: ServiceContext; input: RemediationRequest }): Promise<{ version: number }> => {
    const { flagId } = parseInput(flagRef, input);
    const { flagId: _id, ...changes } = (input ?? {}) as RemediationRequest;
    const { record } = await updateFlagRemediation({ ctx, input: { id: flagId, changes } });
    // The register's assignee and due-date columns, and the engineer's "My flags", show it.
    revalidatePath("/flags", "layout");
    return { version: record.version };
  },
);

/** A comment on the flag's conversation. */
export const addComment = action(
  { roles: flagRemediationOperations.addComment.meta.roles },
  async ({ ctx, input }: { ctx: ServiceContext; input: CommentRequest }): Promise<{ id: string }> => {
    const { flagId } = parseInput(flagRef, input);
    const { record } = await commentOnFlag({ ctx, input: { id: flagId, comment: { body: (input as Partial<CommentRequest>).body } } });
    revalidatePath(`/flags/${flagId}`);
    return { id: record.id };
  },
);

/** The DPO revokes an accepted risk: the flag is open again. */
export const revokeAcceptance = action(
  { roles: flagRemediationOperations.revokeAcceptance.meta.roles },
  async ({ ctx, input }: { ctx: ServiceContext; input: RevokeAcceptanceRequest }): Promise<{ version: number }> => {
    const { flagId } = parseInput(flagRef, input);
    const { version, reason } = (input ?? {}) as Partial<RevokeAcceptanceRequest>;
    const { record } = await revokeFlagAcceptance({ ctx, input: { id: flagId, changes: { version, reason } } });
    revalidatePath("/", "layout");
    return { version: record.version };
  },
);
