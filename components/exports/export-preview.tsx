import { useTranslations } from "next-intl";
import { TableScroll } from "@/components/ui/table-scroll";

/** The first rows of an export, as its CSV would hold them (React escapes every value), in the report's language. */
export function ExportPreview({
  title,
  language,
  headers,
  rows,
  more,
}: {
  title: string;
  /** The report's language, which may differ from the page's: the table says so to a screen reader. */
  language: string;
  headers: readonly string[];
  rows: readonly (readonly (string | number | null)[])[];
  more: boolean;
}) {
  const t = useTranslations("exports.preview");
  return (
    <section aria-labelledby="export-preview-heading" className="space-y-2">
      <h2 id="export-preview-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-slate-700" data-testid="export-preview-summary">
        {rows.length === 0 ? t("none", { title }) : more ? t("first", { title, count: rows.length }) : t("all", { title, count: rows.length })}
      </p>
      {rows.length > 0 && (
        <TableScroll label={t("tableLabel", { title })} className="rounded-lg border border-slate-200 bg-white">
          <table lang={language} className="min-w-full divide-y divide-slate-200 text-xs" data-testid="export-preview">
            <caption className="sr-only">{t("caption", { title })}</caption>
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
