import Link from "next/link";
import { useTranslations } from "next-intl";
import type { MatrixCell } from "@/db/queries/dashboard";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import type { Formatters } from "@/lib/format/locale";
import { countryName, enumLabel } from "@/lib/labels";
import { dashboardLinks, type DashboardPopulation } from "./links";
import { SEVERITY_CELL_CLASS } from "./severity-cell";

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
                {/* A category group's key is an identifier (user.device), shown as one. */}
                <code>{category}</code>
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
