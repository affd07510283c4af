import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/labels";
import { appLocale } from "@/components/registers/locale-format";

/**
 * Server-side pager: links keep every other query parameter, so a URL reproduces the view. Hooks of next-intl
 * only (no state), so a server page and a client register both render it.
 */
export function Pagination({
  page,
  pageSize,
  total,
  basePath,
  searchParams,
}: {
  page: number;
  pageSize: number;
  total: number;
  basePath: string;
  searchParams: Record<string, string | undefined>;
}) {
  const t = useTranslations("registers.pager");
  const locale = appLocale(useLocale());
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const href = (target: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(searchParams)) if (value && key !== "page") params.set(key, value);
    if (target > 1) params.set("page", String(target));
    const query = params.toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const number = (value: number) => formatNumber(value, locale);
  const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100";
  return (
    <nav aria-label={t("label")} className="flex items-center justify-between gap-4 py-3 text-sm text-slate-700">
      <p data-testid="pagination-summary">{t("summary", { first: number(first), last: number(last), total: number(total) })}</p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link className={linkClass} href={href(page - 1)} rel="prev">
            {t("previous")}
          </Link>
        ) : (
          <span className={`${linkClass} cursor-not-allowed opacity-50`} aria-disabled="true">
            {t("previous")}
          </span>
        )}
        <span>{t("page", { page: number(page), count: number(pageCount) })}</span>
        {page < pageCount ? (
          <Link className={linkClass} href={href(page + 1)} rel="next">
            {t("next")}
          </Link>
        ) : (
          <span className={`${linkClass} cursor-not-allowed opacity-50`} aria-disabled="true">
            {t("next")}
          </span>
        )}
      </div>
    </nav>
  );
}
