/*
 * The columns each register can be sorted by: constants shared by the list queries (db/queries) and the list
 * contracts (lib/api/contracts), which the browser imports too, so this file holds data only.
 */
export const TRANSFER_SORTS = ["processor", "destination", "volume", "mechanism", "severity"] as const;
export type TransferSort = (typeof TRANSFER_SORTS)[number];

export const PROCESSOR_SORTS = ["name", "country", "service", "status", "updatedAt"] as const;
export type ProcessorSort = (typeof PROCESSOR_SORTS)[number];
