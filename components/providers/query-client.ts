import { QueryClient, defaultShouldDehydrateQuery } from "@tanstack/react-query";

/**
 * One QueryClient's settings, the same on the server (one client per request) and in the browser (one for the
 * tab). A staleTime above zero: data the server page prefetched is fresh when the browser hydrates it, so the
 * first render does not fetch it again.
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 60_000, retry: 1 },
      dehydrate: {
        // Also a query still loading when the page streams, so the browser picks the result up.
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
    },
  });
}
