"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { AcceptRiskRequest, AcceptedFlag, BulkAcceptRiskRequest } from "@/components/flags/accept-risk-types";
import { db } from "@/db/client";
import { action, auditActor, type Actor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { acceptFlagRisk, acceptFlagRisks } from "@/lib/flags/service";
import { uuid } from "@/lib/validation/common";
import { parseInput } from "@/lib/validation/parse";

// The flag id is checked here, so that a malformed id is a validation error and not a database error;
// acceptFlagRisk validates the decision itself (version, justification, end date).
const flagRef = z.object({ flagId: uuid });

/** The DPO accepts the risk of an open flag (DOMAIN.md §1): a justification and an end date, audited. */
export const acceptRisk = action(
  { roles: ["dpo"] },
  async ({ actor, input }: { actor: Actor; input: AcceptRiskRequest }): Promise<AcceptedFlag> => {
    // Arguments of a server action come from the network: nothing about their shape is trusted.
    const { flagId } = parseInput(flagRef, input);
    const { version, justification, acceptedUntil } = (input ?? {}) as Partial<AcceptRiskRequest>;
    const flag = await acceptFlagRisk({
      db: db(),
      actor: auditActor(actor),
      flagId,
      input: { version, justification, acceptedUntil },
      today: todayIso(),
    });
    // The flag counts on the dashboard and shows in the register and on its transfer's and processor's pages.
    revalidatePath("/", "layout");
    return { id: flag.id, status: flag.status, version: flag.version, acceptedUntil: flag.acceptedUntil };
  },
);

/** The DPO accepts several open flags with one justification and end date: all or nothing, audited per flag. */
export const acceptRisks = action(
  { roles: ["dpo"] },
  async ({ actor, input }: { actor: Actor; input: BulkAcceptRiskRequest }): Promise<AcceptedFlag[]> => {
    // acceptFlagRisks parses the whole request with its zod schema: nothing from the network is trusted here.
    const flags = await acceptFlagRisks({ db: db(), actor: auditActor(actor), input, today: todayIso() });
    revalidatePath("/", "layout");
    return flags.map((flag) => ({ id: flag.id, status: flag.status, version: flag.version, acceptedUntil: flag.acceptedUntil }));
  },
);
