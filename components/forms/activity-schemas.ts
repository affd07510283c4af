import { uuid } from "@/lib/validation/common";
import { updateActivityInput } from "@/lib/validation/activity";

/**
 * The create form's schema, built from the shared activity fields of lib/validation/activity.ts. The server
 * validates with createActivityInput (lib/activities/create.ts), which lives in a server-only module and so
 * cannot reach the browser; these are the same field schemas, with what a new activity requires.
 */
export const createActivityFormInput = updateActivityInput
  .omit({ version: true })
  .required({ name: true, purpose: true, legalBasis: true })
  .extend({ controllerEntityId: uuid });

export { updateActivityInput };
