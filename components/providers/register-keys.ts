import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";

/**
 * The root query key of each register's cache. A register's own key module builds its list keys under its
 * root (`[root, "list", filters]`), so invalidating a root refetches every page of that register.
 */
export const REGISTER_ROOTS = {
  processors: ["processors"],
  transfers: ["transfers"],
  agreements: ["agreements"],
  activities: ["activities"],
  flags: ["flags"],
  dataCategories: ["data-categories"],
} as const;

/**
 * Marks every register stale after a write. One write reaches further than its own register: an agreement
 * changes its processor's transfers' flags, a flag accepted changes the worst-flag column of the transfer and
 * processor registers, a transfer changes its categories' counts. So any write invalidates them all; only
 * the lists on screen refetch, the others when they are next shown.
 */
export function useInvalidateRegisters(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all(Object.values(REGISTER_ROOTS).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  }, [queryClient]);
}

/** The query keys of one register: invalidating `all` refetches every page of it; `list(filters)` is one page. */
export function registerKeys<Filters>(root: readonly string[]) {
  return {
    all: root,
    lists: () => [...root, "list"] as const,
    list: (filters: Filters) => [...root, "list", filters] as const,
  };
}
