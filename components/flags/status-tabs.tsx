import Link from "next/link";
import { useTranslations } from "next-intl";

/** The tabs' names are flags.tabs.<status>. */
const TABS = ["open", "accepted", "resolved"] as const;

/** Open / accepted / resolved as links: each view has its own URL, and the other filters carry over. */
export function FlagStatusTabs({ status, searchParams }: { status: string; searchParams: Record<string, string | undefined> }) {
  const t = useTranslations("flags");
  return (
    <nav aria-label={t("tabs.label")} className="flex gap-1 border-b border-slate-200" data-testid="flag-status-tabs">
      {TABS.map((tab) => {
        const params = new URLSearchParams();
        for (const [key, value] of Object.entries(searchParams)) {
          // A new status starts at page one; the one-off "accepted" confirmation does not follow.
          if (value !== undefined && key !== "status" && key !== "page" && key !== "accepted") params.set(key, value);
        }
        params.set("status", tab);
        const current = tab === status;
        return (
          <Link
            key={tab}
            href={`/flags?${params.toString()}`}
            aria-current={current ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${current ? "border-brand-700 font-semibold text-brand-700" : "border-transparent text-slate-700 hover:text-slate-900"}`}
          >
            {t(`tabs.${tab}`)}
          </Link>
        );
      })}
    </nav>
  );
}
