/** Columns a processor list can be sorted by; shared by the URL schema and the query. */
export const PROCESSOR_SORTS = ["name", "country", "service", "status", "updatedAt"] as const;
export type ProcessorSort = (typeof PROCESSOR_SORTS)[number];
