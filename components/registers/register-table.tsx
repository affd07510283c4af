import type { ReactNode } from "react";
import { clsx } from "clsx";
import { SortHeader } from "@/components/ui/sort-header";
import { TableScroll } from "@/components/ui/table-scroll";
import type { ColumnOption } from "./columns";

/*
 * A register's table from column definitions: the visible ones (the column choice) in order, sortable headers
 * as links (the sort lives in the URL), one row per record. No hooks, so a server page and a client
 * component can both render it.
 */

export interface RegisterColumn<Row> extends ColumnOption {
  /** The `sort=` value of a sortable column. */
  sort?: string;
  align?: "left" | "right";
  cell: (row: Row) => ReactNode;
}

export interface RegisterSort {
  sort: string;
  direction: "asc" | "desc";
  basePath: string;
  searchParams: Record<string, string | undefined>;
}

export interface RegisterTableProps<Row> {
  /** Accessible name of the scrolling region, e.g. "Agreements table". */
  label: string;
  testId: string;
  rowTestId: string;
  columns: readonly RegisterColumn<Row>[];
  visible: readonly string[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  sorting: RegisterSort;
  emptyText: ReactNode;
  /** New rows are on their way: the old ones stay, dimmed. */
  busy?: boolean;
}

export function RegisterTable<Row>({
  label,
  testId,
  rowTestId,
  columns,
  visible,
  rows,
  rowKey,
  sorting,
  emptyText,
  busy = false,
}: RegisterTableProps<Row>) {
  const shown = columns.filter((column) => visible.includes(column.id));
  return (
    <TableScroll label={label} className="relative rounded-lg border border-slate-200 bg-white">
      <table
        className={clsx("min-w-full divide-y divide-slate-200 text-sm transition-opacity", busy && "opacity-60")}
        data-testid={testId}
        aria-busy={busy}
      >
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {shown.map((column) => {
              const className = column.align === "right" ? "text-right" : "";
              return column.sort ? (
                <SortHeader key={column.id} label={column.label} column={column.sort} className={className} {...sorting} />
              ) : (
                <th key={column.id} scope="col" className={clsx("px-3 py-2", className)}>
                  {column.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && (
            <tr>
              <td colSpan={shown.length} className="px-4 py-8 text-center text-slate-600">
                {emptyText}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={rowKey(row)} data-testid={rowTestId} className="align-top hover:bg-slate-50">
              {shown.map((column) => (
                <td key={column.id} className={clsx("px-3 py-2", column.align === "right" && "text-right tabular-nums")} data-column={column.id}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
