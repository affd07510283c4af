import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/auth/guard";

export interface FormLevelError {
  message: string;
  /** A stale version (HTTP 409 version_conflict): the form offers to reload the latest version. */
  conflict: boolean;
}

type ActionError = Extract<ActionResult<unknown>, { ok: false }>["error"];

/**
 * Puts the server's field errors next to their fields (the same paths as the zod schema's, so
 * "transferIds.2" lands on the "transferIds" list) and returns the message for the whole form.
 */
export function applyServerErrors<T extends FieldValues>(form: UseFormReturn<T>, error: ActionError): FormLevelError {
  for (const field of error.fields ?? []) {
    const path = field.path.replace(/\.\d+$/, "");
    form.setError(path as Path<T>, { type: "server", message: field.message });
  }
  return { message: error.message, conflict: error.code === "version_conflict" };
}
