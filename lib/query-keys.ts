/*
 * TanStack Query key factories for the registers (STYLE.md §7): the server page prefetches and the client
 * table reads under the same key, and mutations invalidate by prefix, e.g.
 * `queryClient.invalidateQueries({ queryKey: registerKeys.transfers.all })` after saving a transfer.
 * A list key ends with its URL parameters (sorted, empty values dropped), so a link and the cache agree.
 */

export type ListParams = Readonly<Record<string, string | number | boolean | undefined>>;

function normalized(params: ListParams): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params)
      .filter(([, value]) => value !== undefined && value !== "")
      .map(([key, value]) => [key, String(value)] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

function resourceKeys<const R extends string>(resource: R) {
  const all = ["registers", resource] as const;
  return {
    /** Every cached query of this resource: lists and details. */
    all,
    lists: () => [...all, "list"] as const,
    list: (params: ListParams) => [...all, "list", normalized(params)] as const,
    detail: (id: string) => [...all, "detail", id] as const,
  };
}

export const registerKeys = {
  /** Every register query: invalidate after a change whose reach is hard to tell (flags re-evaluated). */
  all: ["registers"] as const,
  processors: resourceKeys("processors"),
  transfers: resourceKeys("transfers"),
  agreements: resourceKeys("agreements"),
  activities: resourceKeys("activities"),
  dataCategories: resourceKeys("data-categories"),
};
