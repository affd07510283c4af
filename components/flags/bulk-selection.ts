/*
 * Shared by the flag table and the bulk-accept form, kept out of any "use client" module: values exported from
 * one reach server components only as client references, never as values.
 */

/** The form the row checkboxes of the flag register belong to (their `form` attribute). */
export const BULK_ACCEPT_FORM_ID = "bulk-accept-form";

/** A row checkbox's value: the flag id and the version the DPO saw, so a flag changed meanwhile is refused. */
export function bulkSelectionValue(flag: { id: string; version: number }) {
  return `${flag.id}:${flag.version}`;
}
