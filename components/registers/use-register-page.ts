import { keepPreviousData, useQuery, type QueryKey, type UseQueryResult } from "@tanstack/react-query";
import type { RegisterPage } from "./fetch-page";

/**
 * One page of a register, from the query cache the server page filled for this URL. The server read these
 * rows a moment ago and hydrated them: fetching them again on mount or on focus would be the double request
 * the prefetch avoids; a write invalidates the key instead (components/providers/register-keys.ts). Another
 * URL (a filter, a page) fetches its rows while the previous ones stay on screen, dimmed.
 */
export function useRegisterPage<Row>(
  queryKey: QueryKey,
  fetchPage: (signal: AbortSignal) => Promise<RegisterPage<Row>>,
): UseQueryResult<RegisterPage<Row>> {
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => fetchPage(signal),
    placeholderData: keepPreviousData,
    refetchOnMount: false,
    refetchOnWindowFocus: false,
  });
}
