"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

/** Register data changes rarely under a reader's eyes; a minute avoids refetching on every focus. */
const STALE_TIME_MS = 60_000;

export function makeQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: STALE_TIME_MS } } });
}

/** One QueryClient per browser tab (STYLE.md §7), created once per mount of the dashboard layout. */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
