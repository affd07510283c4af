import { TableScroll } from "@/components/ui/table-scroll";

/** The first rows of an export, as its CSV would hold them (React escapes every value). */
export function ExportPreview({
  title,
  headers,
  rows,
  more,
}: {
  title: string;
  headers: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
  more: boolean;
}) {
  return (
    <section aria-labelledby="export-preview-heading" className="space-y-2">
      <h2 id="export-preview-heading" className="text-lg font-semibold">
        Preview
      </h2>
      <p className="text-sm text-slate-700" data-testid="export-preview-summary">
        {rows.length === 0
          ? `${title}: no rows.`
          : more
            ? `${title}: the first ${rows.length} rows; the file has them all.`
            : `${title}: all ${rows.length} rows.`}
      </p>
      {rows.length > 0 && (
        <TableScroll label={`Preview of ${title}`} className="rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-xs" data-testid="export-preview">
            <caption className="sr-only">First rows of {title}</caption>
            <thead className="bg-slate-50 text-left font-semibold text-slate-700">
              <tr>
                {headers.map((header, index) => (
                  <th key={index} scope="col" className="min-w-32 px-3 py-2 align-bottom">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row, rowIndex) => (
                <tr key={rowIndex} data-testid="export-preview-row" className="align-top">
                  {row.map((value, index) => (
                    <td key={index} className="max-w-md px-3 py-1.5 wrap-break-word whitespace-pre-line">
                      {value === null || value === "" ? <span className="text-slate-500">—</span> : String(value)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
