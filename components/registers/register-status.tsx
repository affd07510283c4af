"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { RegisterFetchError } from "./fetch-page";
import { registerNoun } from "./nouns";

/**
 * What the register is doing, in words: loading (first time, or new rows on their way while the old ones
 * stay dimmed) or failed. A polite live region, so a screen reader hears it without losing its place.
 */
export function RegisterStatus({ query, noun }: { query: UseQueryResult<unknown>; noun: string }) {
  const t = useTranslations("registers");
  const failed = query.isError;
  const what = registerNoun(t, noun);
  return (
    <div aria-live="polite" className="min-h-5 text-sm" data-testid="register-status">
      {failed && (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
          {failureText(t, query.error, what)}
          {query.data !== undefined && ` ${t("status.stale")}`}{" "}
          <button type="button" className="font-medium underline" onClick={() => void query.refetch()}>
            {t("status.retry")}
          </button>
        </p>
      )}
      {!failed && query.isPending && <p className="text-slate-600">{t("status.loading", { noun: what })}</p>}
      {!failed && query.isPlaceholderData && <p className="text-slate-600">{t("status.loadingMatching", { noun: what })}</p>}
    </div>
  );
}

/** Why the rows are missing, in the reader's language when the failure is one the register knows. */
function failureText(t: (key: string, values?: Record<string, string>) => string, error: unknown, noun: string): string {
  if (error instanceof RegisterFetchError) {
    const { failure } = error;
    if (failure.kind === "invalidFilters") return failure.detail ? t("fetch.invalidFiltersDetail", { detail: failure.detail }) : t("fetch.invalidFilters");
    if (failure.kind === "server") return t("fetch.server", { status: String(failure.status) });
    return t(`fetch.${failure.kind}`);
  }
  return error instanceof Error ? error.message : t("status.failed", { noun });
}
