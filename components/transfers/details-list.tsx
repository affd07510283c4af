import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/lib/i18n/messages/en/registers.json";
import fr from "@/lib/i18n/messages/fr/registers.json";

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

// A plain function (pages call it while building their items), so it reads the two words from the messages directly.
const YES_NO: Record<Locale, { yes: string; no: string }> = { en: en.details, fr: fr.details };

/** Yes / no for a boolean fact, in the reader's language (English when the caller names none). */
export function yesNo(value: boolean, locale: Locale = "en"): string {
  return value ? YES_NO[locale].yes : YES_NO[locale].no;
}
