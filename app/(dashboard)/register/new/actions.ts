"use server";

import { revalidatePath } from "next/cache";
import { processorDuplicatesOperation, type PossibleDuplicate } from "@/lib/api/contracts/processors";
import { action } from "@/lib/auth/guard";
import { findPossibleDuplicates } from "@/lib/processors/duplicates";
import type { ServiceContext } from "@/lib/services/context";
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

type Call<I> = { ctx: ServiceContext; input: I };

/**
 * Step 1: creates the draft vendor, or updates it. No revalidatePath here: it would re-render the wizard's page
 * under the user's feet, and My vendors is rendered fresh on every visit anyway (force-dynamic).
 */
export const saveVendor = action(
  { roles: REGISTRARS },
  async ({ ctx, input }: Call<{ processorId?: string; version?: number; values: unknown }>): Promise<{ processorId: string; version: number; step: WizardStepNumber }> =>
    saveVendorStep({ ctx, input }),
);

/** Steps 2 to 4: keeps the step as the draft's state and answers the step to show next. */
export const saveStep = action(
  { roles: REGISTRARS },
  async ({ ctx, input }: Call<{ processorId: string; step: 2 | 3 | 4; values: unknown }>): Promise<{ step: WizardStepNumber }> =>
    saveRegistrationStep({ ctx, input }),
);

/** The summary's flags: the submit's creates, run in a transaction that is rolled back. */
export const predictFlags = action(
  { roles: REGISTRARS },
  async ({ ctx, input }: Call<{ processorId: string }>): Promise<PredictedFlag[]> => predictRegistration({ ctx, input }),
);

/** Submit for review: the vendor enters the DPO's queue with its transfers and agreements. */
export const submitVendor = action(
  { roles: REGISTRARS },
  async ({ ctx, input }: Call<{ processorId: string; version: number }>): Promise<{ status: string }> => {
    const { processor } = await submitRegistration({ ctx, input });
    revalidatePath("/", "layout");
    return { status: processor.status };
  },
);

/** Possible duplicates of the vendor being typed: a similar name or the same website domain (GET /api/v1/processors/duplicates's query). */
export const findDuplicates = action(
  { roles: processorDuplicatesOperation.roles },
  async ({ ctx, input }: Call<{ name?: string; website?: string; excludeId?: string }>): Promise<PossibleDuplicate[]> => {
    const query = parseInput(processorDuplicatesOperation.query, input);
    return findPossibleDuplicates(ctx.db, query);
  },
);
