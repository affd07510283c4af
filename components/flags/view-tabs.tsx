import Link from "next/link";
import { useTranslations } from "next-intl";

/** The register's views: every flag, the reader's own work list, the overdue ones. Names: flags.views.<view>. */
const VIEWS = ["all", "mine", "overdue"] as const;
export type FlagView = (typeof VIEWS)[number];

/** Which view a URL shows: `assignee=me` is "mine", `overdue=true` "overdue" (both: mine, overdue kept). */
export function flagViewOf(params: { assignee?: string; overdue?: string }): FlagView {
  if (params.assignee === "me") return "mine";
  if (params.overdue === "true") return "overdue";
  return "all";
}

/** The URL of a view: the other filters carry over; an overdue flag is open, so that view asks for open ones. */
export function flagViewHref(view: FlagView, searchParams: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (value !== undefined && !["assignee", "overdue", "page", "accepted"].includes(key)) params.set(key, value);
  }
  if (view === "mine") params.set("assignee", "me");
  if (view === "overdue") {
    params.set("overdue", "true");
    params.set("status", "open");
  }
  const query = params.toString();
  return query ? `/flags?${query}` : "/flags";
}

/** All / assigned to me / overdue, as links: each view has its own URL ("My flags" in the menu is /flags?assignee=me). */
export function FlagViewTabs({ view, searchParams }: { view: FlagView; searchParams: Record<string, string | undefined> }) {
  const t = useTranslations("flags");
  return (
    <nav aria-label={t("views.label")} className="flex flex-wrap gap-2" data-testid="flag-views">
      {VIEWS.map((candidate) => {
        const current = candidate === view;
        return (
          <Link
            key={candidate}
            href={flagViewHref(candidate, searchParams)}
            aria-current={current ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${current ? "border-brand-700 bg-brand-50 font-semibold text-brand-700" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}
          >
            {t(`views.${candidate}`)}
          </Link>
        );
      })}
    </nav>
  );
}
