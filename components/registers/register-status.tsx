"use client";

import type { UseQueryResult } from "@tanstack/react-query";

/**
 * What the register is doing, in words: loading (first time, or new rows on their way while the old ones
 * stay dimmed) or failed. A polite live region, so a screen reader hears it without losing its place.
 */
export function RegisterStatus({ query, noun }: { query: UseQueryResult<unknown>; noun: string }) {
  const failed = query.isError;
  return (
    <div aria-live="polite" className="min-h-5 text-sm" data-testid="register-status">
      {failed && (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {query.error instanceof Error ? query.error.message : `The ${noun} could not be loaded.`}
          {query.data !== undefined && " The rows below may be out of date."}{" "}
          <button type="button" className="font-medium underline" onClick={() => void query.refetch()}>
            Try again
          </button>
        </p>
      )}
      {!failed && query.isPending && <p className="text-slate-600">Loading the {noun}…</p>}
      {!failed && query.isPlaceholderData && <p className="text-slate-600">Loading the matching {noun}…</p>}
    </div>
  );
}
