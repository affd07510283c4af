"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/db/client";
import { action, auditActor, type Actor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { findPossibleDuplicates, duplicatesQuery, type PossibleDuplicate } from "@/lib/processors/duplicates";
import { parseInput } from "@/lib/validation/parse";
import {
  predictRegistration,
  saveRegistrationStep,
  saveVendorStep,
  submitRegistration,
  type PredictedFlag,
} from "@/lib/registration/wizard";
import type { WizardStepNumber } from "@/lib/registration/schemas";

/*
 * The wizard's server actions: each one adapts a form call to lib/registration/wizard.ts, which validates with
 * the step's schema, checks ownership (an engineer continues only their own drafts) and writes in one
 * transaction. Engineers and the DPO register vendors.
 */

const REGISTRARS = ["dpo", "engineer"] as const;

/**
 * Step 1: creates the draft vendor, or updates it. No revalidatePath here: it would re-render the wizard's page
 * under the user's feet, and My vendors is rendered fresh on every visit anyway (force-dynamic).
 */
export const saveVendor = action(
  { roles: REGISTRARS },
  async ({ actor, input }: { actor: Actor; input: { processorId?: string; version?: number; values: unknown } }): Promise<{ processorId: string; version: number; step: WizardStepNumber }> =>
    saveVendorStep({ db: db(), actor: auditActor(actor), input, today: todayIso() }),
);

/** Steps 2 to 4: keeps the step as the draft's state and answers the step to show next. */
export const saveStep = action(
  { roles: REGISTRARS },
  async ({ actor, input }: { actor: Actor; input: { processorId: string; step: 2 | 3 | 4; values: unknown } }): Promise<{ step: WizardStepNumber }> =>
    saveRegistrationStep({ db: db(), actor: auditActor(actor), input }),
);

/** The summary's flags: the submit's creates, run in a transaction that is rolled back. */
export const predictFlags = action(
  { roles: REGISTRARS },
  async ({ actor, input }: { actor: Actor; input: { processorId: string } }): Promise<PredictedFlag[]> =>
    predictRegistration({ db: db(), actor: auditActor(actor), input, today: todayIso() }),
);

/** Submit for review: the vendor enters the DPO's queue with its transfers and agreements. */
export const submitVendor = action(
  { roles: REGISTRARS },
  async ({ actor, input }: { actor: Actor; input: { processorId: string; version: number } }): Promise<{ status: string }> => {
    const { processor } = await submitRegistration({ db: db(), actor: auditActor(actor), input, today: todayIso() });
    revalidatePath("/", "layout");
    return { status: processor.status };
  },
);

/** Possible duplicates of the vendor being typed: a similar name or the same website domain. */
export const findDuplicates = action(
  { roles: REGISTRARS },
  async ({ input }: { actor: Actor; input: { name?: string; website?: string; excludeId?: string } }): Promise<PossibleDuplicate[]> => {
    const query = parseInput(duplicatesQuery, input);
    return findPossibleDuplicates(db(), query);
  },
);
