import { useTranslations } from "next-intl";
import { EXPORT_FORMATS, exportUrl, type ExportFormat, type ExportLanguage, type ExportQuery, type ExportReport } from "@/lib/exports/request";

/*
 * Links to GET /api/v1/exports/{report}: the browser sends the session cookie, the route streams the file as
 * an attachment and records the export (with the file's SHA-256) in the audit trail. The links carry the
 * report's language when it is not the API's default (English), so the file is the one previewed.
 */
export function DownloadLinks({ report, query, title, language }: { report: ExportReport; query: ExportQuery; title: string; language: ExportLanguage }) {
  const t = useTranslations("exports.download");
  const params = (format: ExportFormat, extra: Partial<Record<keyof ExportQuery, string | boolean>> = {}) =>
    exportUrl(report, {
      format,
      template: report === "ropa" ? query.template : undefined,
      language: language === "en" ? undefined : language,
      pending: query.pending === "include" ? "include" : undefined,
      asOf: query.asOf,
      from: report === "audit" ? query.from : undefined,
      to: report === "audit" ? query.to : undefined,
      ...extra,
    });
  const others = EXPORT_FORMATS.filter((format) => format !== query.format);
  const formatName = query.format.toUpperCase();
  return (
    <section aria-labelledby="export-download-heading" className="space-y-2">
      <h2 id="export-download-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="flex flex-wrap items-center gap-3 text-sm">
        <a
          href={params(query.format)}
          download
          className="rounded-md bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-700"
          data-testid="export-download"
        >
          {t("file", { title, format: formatName })}
        </a>
        <span className="text-slate-700">{t("alsoAs")}</span>
        {others.map((format) => (
          <a key={format} href={params(format)} download className="text-brand-700 underline" data-testid={`export-download-${format}`}>
            {format.toUpperCase()}
            <span className="sr-only"> ({title})</span>
          </a>
        ))}
      </p>
      <p className="text-sm text-slate-700">
        <a href={params(query.format, { manifest: true })} className="text-brand-700 underline" data-testid="export-manifest">
          {t("manifest", { format: formatName })}
        </a>{" "}
        {t.rich("manifestHint", { code: (chunks) => <code>{chunks}</code> })}
        {query.format === "json" && (
          <>
            {" · "}
            <a href={`/api/v1/exports/${report}/schema`} className="text-brand-700 underline">
              {t("schema")}
            </a>
          </>
        )}
      </p>
    </section>
  );
}
