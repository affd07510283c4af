import Link from "next/link";
import { useTranslations } from "next-intl";
import type { MatrixCell } from "@/db/queries/dashboard";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import type { Formatters } from "@/lib/format/locale";
import type { Locale } from "@/lib/i18n/locales";
import { countryName, enumLabel } from "@/lib/labels";
import { DATA_CATEGORY_TAXONOMY } from "@/lib/taxonomy/data-categories";
import { categoryNameFr } from "@/lib/taxonomy/names-fr";
import { dashboardLinks, type DashboardPopulation } from "./links";
import { SEVERITY_CELL_CLASS } from "./severity-cell";

const TAXONOMY_NAMES = new Map(DATA_CATEGORY_TAXONOMY.map((category) => [category.key, category.name]));

/** A category group's name in the reader's language; its key when the taxonomy does not know it (an older import). */
function groupName(key: string, locale: Locale): string | null {
  const name = TAXONOMY_NAMES.get(key);
  if (name === undefined) return null;
  return locale === "fr" ? categoryNameFr({ key, name }) : name;
}

/** Destination jurisdictions × category groups; each cell links to the register filtered on both. */
export function CategoryMatrix({ cells, format, pending }: { cells: readonly MatrixCell[]; format: Formatters; pending: DashboardPopulation }) {
  const t = useTranslations("dashboard");
  const locale = useUiLocale();
  if (cells.length === 0) return <p className="text-sm text-slate-600">{t("matrix.empty")}</p>;
  const destinations = [...new Set(cells.map((cell) => cell.destination))];
  const categories = [...new Set(cells.map((cell) => cell.category))].sort();
  const byKey = new Map(cells.map((cell) => [`${cell.destination}|${cell.category}`, cell]));
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full border-collapse text-sm" data-testid="category-matrix">
        <caption className="sr-only">{t("matrix.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="p-2 text-left font-medium text-slate-600">{t("matrix.destination")}</th>
            {categories.map((category) => (
              <th key={category} scope="col" className="p-2 text-left text-xs font-medium text-slate-600">
                {groupName(category, locale)}
                {/* The key is an identifier (user.device), shown as one: the transfers register filters by it. */}
                <code className="block font-normal text-slate-500">{category}</code>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {destinations.map((destination) => (
            <tr key={destination} className="border-t border-slate-200">
              <th scope="row" className="p-2 text-left font-medium">
                {countryName(destination, locale)}
              </th>
              {categories.map((category) => {
                const cell = byKey.get(`${destination}|${category}`);
                if (!cell) return <td key={category} className="p-2 text-slate-400">–</td>;
                const severity = cell.worstOpenSeverity ?? "none";
                return (
                  <td key={category} className="p-1">
                    <Link
                      // Dozens of cells: prefetching each filtered register would flood the server on every visit.
                      prefetch={false}
                      href={dashboardLinks.cell(pending, destination, category)}
                      className={`block rounded border px-2 py-1 ${SEVERITY_CELL_CLASS[severity]}`}
                      data-testid={`matrix-${destination}-${category}`}
                    >
                      <span className="block font-semibold tabular-nums">{format.number(cell.transfers)}</span>
                      <span className="text-xs">{cell.worstOpenSeverity ? enumLabel("severity", cell.worstOpenSeverity, locale) : t("matrix.noOpenFlag")}</span>
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
