import Link from "next/link";
import type { LocaleFormatters } from "@/components/registers/locale-format";
import { SensitivityMarkers } from "@/components/categories/sensitivity-markers";
import { TableScroll } from "@/components/ui/table-scroll";

interface ActivityCategory {
  key: string;
  name: string;
  gdprSpecial: boolean;
  ccpaSensitive: boolean;
  piplSensitive: boolean;
  dojCategory: string;
  transferCount: number;
}

/** The data categories an activity's transfers carry, with their sensitivity and how many transfers carry each. */
export function ActivityCategoriesTable({ categories, format }: { categories: readonly ActivityCategory[]; format: Pick<LocaleFormatters, "number"> }) {
  if (categories.length === 0) return <p className="text-sm text-slate-600">No transfer of this activity records a data category.</p>;
  return (
    <TableScroll label="Data categories of this activity table" className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="activity-categories">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">Category</th>
            <th scope="col" className="px-4 py-2">Sensitive under</th>
            <th scope="col" className="px-4 py-2 text-right">Transfers of this activity</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {categories.map((category) => (
            <tr key={category.key} data-testid="activity-category-row">
              <td className="px-4 py-2">
                <span className="font-medium">{category.name}</span>
                <code className="block text-xs text-slate-600">{category.key}</code>
              </td>
              <td className="px-4 py-2">
                <SensitivityMarkers category={category} />
              </td>
              <td className="px-4 py-2 text-right tabular-nums">
                <Link href={`/transfers?category=${encodeURIComponent(category.key)}`} className="text-brand-700 underline">
                  {format.number(category.transferCount)}
                  <span className="sr-only"> transfers carrying {category.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
