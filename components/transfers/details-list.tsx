import type { ReactNode } from "react";

export interface DetailItem {
  term: string;
  value: ReactNode;
}

/** A record's facts as a definition list, two columns on wide screens. Empty values show an em dash. */
export function DetailsList({ items, testId }: { items: readonly DetailItem[]; testId?: string }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid={testId}>
      {items.map((item) => (
        <div key={item.term}>
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{item.term}</dt>
          <dd className="mt-0.5 wrap-break-word">{item.value === null || item.value === undefined || item.value === "" ? "—" : item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** yes / no for a boolean fact. */
export function yesNo(value: boolean): string {
  return value ? "Yes" : "No";
}
