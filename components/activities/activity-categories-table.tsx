import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { appLocale, type LocaleFormatters } from "@/components/registers/locale-format";
import { SensitivityMarkers } from "@/components/categories/sensitivity-markers";
import { TableScroll } from "@/components/ui/table-scroll";
import { categoryNameFr } from "@/lib/taxonomy/names-fr";

interface ActivityCategory {
  key: string;
  name: string;
  gdprSpecial: boolean;
  ccpaSensitive: boolean;
  piplSensitive: boolean;
  dojCategory: string;
  transferCount: number;
}

/**
 * The data categories an activity's transfers carry, with their sensitivity and how many transfers carry each.
 * Each is named in the reader's language and links to its own page; the taxonomy key (`user.device.ip_address`)
 * is a code, not something to read, so it stays in the links.
 */
export function ActivityCategoriesTable({ categories, format }: { categories: readonly ActivityCategory[]; format: Pick<LocaleFormatters, "number"> }) {
  const t = useTranslations("activities.categories");
  const locale = appLocale(useLocale());
  const nameOf = (category: ActivityCategory) => (locale === "fr" ? categoryNameFr(category) : category.name);
  if (categories.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <TableScroll label={t("tableLabel")} className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="activity-categories">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">
              {t("category")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("sensitiveUnder")}
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              {t("transfers")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {categories.map((category) => (
            <tr key={category.key} data-testid="activity-category-row">
              <td className="px-4 py-2">
                <Link href={`/data-categories/${encodeURIComponent(category.key)}`} className="font-medium text-brand-700 underline">
                  {nameOf(category)}
                </Link>
              </td>
              <td className="px-4 py-2">
                <SensitivityMarkers category={category} />
              </td>
              <td className="px-4 py-2 text-right tabular-nums">
                <Link href={`/transfers?category=${encodeURIComponent(category.key)}`} className="text-brand-700 underline">
                  {format.number(category.transferCount)}
                  <span className="sr-only"> {t("transfersCarrying", { count: category.transferCount, name: nameOf(category) })}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
