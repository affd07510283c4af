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

/** A category group's name in the reader's language; null when the taxonomy does not know it (an older import). */
function groupName(key: string, locale: Locale): string | null {
  const name = TAXONOMY_NAMES.get(key);
  if (name === undefined) return null;
  return locale === "fr" ? categoryNameFr({ key, name }) : name;
}

// The header row and the destination column stay in view while the matrix scrolls inside its own box.
const stickyTop = "sticky top-0 z-10 bg-white";
const stickyLeft = "sticky left-0 bg-white";

/**
 * Destination jurisdictions × category groups; each cell links to the register filtered on both. The matrix
 * scrolls inside its own box (both ways, at most 70 % of the screen's height) with its header row and
 * destination column kept in view, so that no column is cut off and the page itself never scrolls sideways.
 */
export function CategoryMatrix({ cells, format, pending }: { cells: readonly MatrixCell[]; format: Formatters; pending: DashboardPopulation }) {
  const t = useTranslations("dashboard");
  const locale = useUiLocale();
  if (cells.length === 0) return <p className="text-sm text-slate-600">{t("matrix.empty")}</p>;
  const destinations = [...new Set(cells.map((cell) => cell.destination))];
  const categories = [...new Set(cells.map((cell) => cell.category))].sort();
  const byKey = new Map(cells.map((cell) => [`${cell.destination}|${cell.category}`, cell]));
  return (
    <div role="region" aria-labelledby="category-matrix-caption" tabIndex={0} className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white" data-testid="category-matrix-scroll">
      <table className="min-w-full border-separate border-spacing-0 text-sm" data-testid="category-matrix">
        <caption className="sr-only" id="category-matrix-caption">
          {t("matrix.caption")}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={`${stickyTop} left-0 z-20 border-b border-slate-200 p-2 text-left align-bottom font-medium text-slate-600`}>
              {t("matrix.destination")}
            </th>
            {categories.map((category) => (
              <th
                key={category}
                scope="col"
                className={`${stickyTop} min-w-28 border-b border-slate-200 p-2 text-left align-bottom text-xs font-medium text-slate-700`}
                data-testid={`matrix-category-${category}`}
              >
                <span className="block">{groupName(category, locale) ?? category}</span>
                {/* The key is an identifier (user.device), shown as one: the transfers register filters by it. */}
                <code className="block font-normal text-slate-500">{category}</code>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {destinations.map((destination) => (
            <tr key={destination}>
              <th scope="row" className={`${stickyLeft} border-t border-slate-200 p-2 text-left font-medium`}>
                {countryName(destination, locale)}
              </th>
              {categories.map((category) => {
                const cell = byKey.get(`${destination}|${category}`);
                if (!cell)
                  return (
                    <td key={category} className="border-t border-slate-200 p-2 text-slate-500">
                      –
                    </td>
                  );
                const severity = cell.worstOpenSeverity ?? "none";
                return (
                  <td key={category} className="border-t border-slate-200 p-1">
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
