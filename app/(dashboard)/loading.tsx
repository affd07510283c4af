import { getTranslations } from "next-intl/server";

/** Shown while the dashboard's aggregates load: the page's outline, so the layout does not jump. */
export default async function DashboardLoading() {
  const t = await getTranslations("dashboard");
  return (
    <div className="space-y-8" role="status" aria-live="polite">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-8 w-48 animate-pulse rounded bg-slate-200" />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[0, 1, 2, 3].map((key) => (
          <div key={key} className="h-20 animate-pulse rounded-lg bg-slate-100" />
        ))}
      </div>
      <div className="h-64 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
