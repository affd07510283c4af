import type { TransferCategoryRow } from "@/db/queries/transfers";
import { Badge } from "@/components/ui/badge";
import { DOJ_CATEGORY_LABELS, DOJ_IDENTIFIER_KIND_LABELS } from "./labels";
import { TableScroll } from "@/components/ui/table-scroll";

function Flag({ on, label }: { on: boolean; label: string }) {
  return on ? <Badge tone="orange">{label}</Badge> : <span className="text-slate-500">No</span>;
}

/** A transfer's data categories with their classification under GDPR, CCPA, PIPL and the US DOJ rule. */
export function DataCategoriesTable({ categories }: { categories: readonly TransferCategoryRow[] }) {
  if (categories.length === 0) {
    return <p className="text-sm text-slate-600">No data category is recorded for this transfer.</p>;
  }
  return (
    <TableScroll label="Data categories table" className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="categories-table">
        <caption className="sr-only">Data categories and their classification under each regime</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">Category</th>
            <th scope="col" className="px-4 py-2">GDPR Art. 9 special</th>
            <th scope="col" className="px-4 py-2">CCPA category</th>
            <th scope="col" className="px-4 py-2">CCPA sensitive</th>
            <th scope="col" className="px-4 py-2">PIPL sensitive</th>
            <th scope="col" className="px-4 py-2">US DOJ category</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {categories.map((category) => (
            <tr key={category.key}>
              <th scope="row" className="px-4 py-2 text-left font-normal">
                <span className="font-medium">{category.name}</span>
                <code className="block text-xs text-slate-500">{category.key}</code>
              </th>
              <td className="px-4 py-2">
                <Flag on={category.gdprSpecial} label="Special" />
              </td>
              <td className="px-4 py-2">{category.ccpaCategory ?? "—"}</td>
              <td className="px-4 py-2">
                <Flag on={category.ccpaSensitive} label="Sensitive" />
              </td>
              <td className="px-4 py-2">
                <Flag on={category.piplSensitive} label="Sensitive" />
              </td>
              <td className="px-4 py-2">
                {category.dojCategory === "none" ? <span className="text-slate-500">None</span> : DOJ_CATEGORY_LABELS[category.dojCategory]}
                {/* 28 CFR 202.212, 202.234: a listed identifier is covered only when linked to another. */}
                {category.dojIdentifierKind !== null && (
                  <span className="block text-xs text-slate-600">listed identifier: {DOJ_IDENTIFIER_KIND_LABELS[category.dojIdentifierKind]}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
