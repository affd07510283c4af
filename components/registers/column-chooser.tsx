"use client";

import { useOptimistic, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { colsParam, type ColumnOption } from "./columns";
import { registerNoun } from "./nouns";

/**
 * "Columns": a disclosure (native details/summary, so Enter and Space open it) holding one checkbox per
 * column. A change rewrites `cols=` in the URL, so the choice survives a reload and travels with a link.
 */
export function ColumnChooser({
  columns,
  visible,
  basePath,
  searchParams,
  register,
}: {
  columns: readonly ColumnOption[];
  /** The visible columns' ids, as the page rendered them. */
  visible: readonly string[];
  basePath: string;
  /** The page's query: every other parameter is kept. */
  searchParams: Record<string, string | undefined>;
  /** The register's name in English, for the accessible names ("transfers"; translated by registers.nouns). */
  register: string;
}) {
  const t = useTranslations("registers");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // The box ticks at once; the table follows when the server has rendered the new URL.
  const [shown, setShown] = useOptimistic<readonly string[]>(visible);

  function toggle(id: string, checked: boolean) {
    const next = checked ? [...shown, id] : shown.filter((candidate) => candidate !== id);
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(searchParams)) if (value && key !== "cols") params.set(key, value);
    const cols = colsParam(next, columns);
    if (cols) params.set("cols", cols);
    const query = params.toString();
    startTransition(() => {
      setShown(next);
      router.replace(query ? `${basePath}?${query}` : basePath, { scroll: false });
    });
  }

  const optional = columns.filter((column) => !column.required);
  const shownCount = columns.filter((column) => column.required || shown.includes(column.id)).length;
  return (
    <details className="relative" data-testid="column-chooser">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50">
        {t("columns.chooser")}
        <span className="text-slate-600">{t("columns.count", { shown: shownCount, total: columns.length })}</span>
        <span aria-hidden="true">▾</span>
      </summary>
      <fieldset
        className="absolute right-0 z-10 mt-1 w-64 space-y-1 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg"
        aria-busy={pending}
      >
        <legend className="sr-only">{t("columns.legend", { register: registerNoun(t, register) })}</legend>
        {optional.map((column) => {
          const id = `column-${register.replace(/\W+/g, "-")}-${column.id}`;
          return (
            <div key={column.id} className="flex items-center gap-2">
              <input
                id={id}
                type="checkbox"
                className="h-4 w-4"
                checked={shown.includes(column.id)}
                onChange={(event) => toggle(column.id, event.target.checked)}
              />
              <label htmlFor={id}>{column.label}</label>
            </div>
          );
        })}
        <p className="pt-1 text-xs text-slate-600">
          {t("columns.alwaysShown", {
            columns: columns
              .filter((column) => column.required)
              .map((column) => column.label)
              .join(", "),
          })}
        </p>
      </fieldset>
    </details>
  );
}
