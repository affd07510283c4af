import { useLocale, useTranslations } from "next-intl";
import type { TransferCategoryRow } from "@/db/queries/transfers";
import { categoryName } from "@/components/registers/category-name";
import { appLocale } from "@/components/registers/locale-format";
import { Badge } from "@/components/ui/badge";
import { TableScroll } from "@/components/ui/table-scroll";
import { enumLabel } from "@/lib/labels";

function Flag({ on, label, off }: { on: boolean; label: string; off: string }) {
  return on ? <Badge tone="orange">{label}</Badge> : <span className="text-slate-500">{off}</span>;
}

/** A transfer's data categories with their classification under GDPR, CCPA, PIPL and the US DOJ rule. */
export function DataCategoriesTable({ categories }: { categories: readonly TransferCategoryRow[] }) {
  const t = useTranslations("transfers.categories");
  const locale = appLocale(useLocale());
  if (categories.length === 0) {
    return <p className="text-sm text-slate-600">{t("empty")}</p>;
  }
  return (
    <TableScroll label={t("label")} className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="categories-table">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">{t("category")}</th>
            <th scope="col" className="px-4 py-2">{t("gdprSpecial")}</th>
            <th scope="col" className="px-4 py-2">{t("ccpaCategory")}</th>
            <th scope="col" className="px-4 py-2">{t("ccpaSensitive")}</th>
            <th scope="col" className="px-4 py-2">{t("piplSensitive")}</th>
            <th scope="col" className="px-4 py-2">{t("dojCategory")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {categories.map((category) => (
            <tr key={category.key}>
              <th scope="row" className="px-4 py-2 text-left font-normal">
                <span className="font-medium">{categoryName(category, locale)}</span>
                <code className="block text-xs text-slate-500">{category.key}</code>
              </th>
              <td className="px-4 py-2">
                <Flag on={category.gdprSpecial} label={t("special")} off={t("no")} />
              </td>
              <td className="px-4 py-2">{category.ccpaCategory ? enumLabel("ccpaCategory", category.ccpaCategory, locale) : "—"}</td>
              <td className="px-4 py-2">
                <Flag on={category.ccpaSensitive} label={t("sensitive")} off={t("no")} />
              </td>
              <td className="px-4 py-2">
                <Flag on={category.piplSensitive} label={t("sensitive")} off={t("no")} />
              </td>
              <td className="px-4 py-2">
                {category.dojCategory === "none" ? (
                  <span className="text-slate-500">{enumLabel("dojCategory", "none", locale)}</span>
                ) : (
                  enumLabel("dojCategory", category.dojCategory, locale)
                )}
                {/* 28 CFR 202.212, 202.234: a listed identifier is covered only when linked to another. */}
                {category.dojIdentifierKind !== null && (
                  <span className="block text-xs text-slate-600">
                    {t("listedIdentifier", { kind: enumLabel("dojIdentifierKind", category.dojIdentifierKind, locale) })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
