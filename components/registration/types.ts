import type { CategoryOption } from "@/components/forms/category-multi-select";
import type { Option } from "@/components/forms/select-field";
import type { ActionResult } from "@/lib/auth/guard";
import type { WizardStepNumber } from "@/lib/registration/schemas";
import type { PossibleDuplicate } from "@/lib/api/contracts/processors";
import type { Severity } from "@/db/schema/enums";
import type { PredictedFlag } from "@/lib/registration/predicted-flag";

/* What the registration wizard receives from its page: plain data and server actions (they cross the network). */

export interface RegistrationOptions {
  countries: Option[];
  roles: Option[];
  services: Option[];
  parents: Option[];
  activities: Option[];
  exporters: Option[];
  categories: CategoryOption[];
  subjectRegions: Option[];
  accessTypes: Option[];
  volumeUnits: Option[];
  frequencies: Option[];
  encryptionInTransit: Option[];
  encryptionAtRest: Option[];
  mechanisms: Option[];
  agreementTypes: Option[];
  sccModules: Option[];
}

/** A flag the summary predicts, as the server action sends it: `about` says what it is on, as data the page names in words. */
export type FlagForecast = PredictedFlag;

export interface RegistrationActions {
  saveVendor: (input: { processorId?: string; version?: number; values: unknown }) => Promise<ActionResult<{ processorId: string; version: number; step: WizardStepNumber }>>;
  saveStep: (input: { processorId: string; step: 2 | 3 | 4; values: unknown }) => Promise<ActionResult<{ step: WizardStepNumber }>>;
  predictFlags: (input: { processorId: string }) => Promise<ActionResult<FlagForecast[]>>;
  submitVendor: (input: { processorId: string; version: number }) => Promise<ActionResult<{ status: string }>>;
  findDuplicates: (input: { name?: string; website?: string; excludeId?: string }) => Promise<ActionResult<PossibleDuplicate[]>>;
}
