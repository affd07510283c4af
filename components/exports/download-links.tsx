import { EXPORT_FORMATS, exportUrl, type ExportFormat, type ExportQuery, type ExportReport } from "@/lib/exports/request";

/*
 * Links to GET /api/v1/exports/{report}: the browser sends the session cookie, the route streams the file as
 * an attachment and records the export (with the file's SHA-256) in the audit trail.
 */
export function DownloadLinks({ report, query, title }: { report: ExportReport; query: ExportQuery; title: string }) {
  const params = (format: ExportFormat, extra: Partial<Record<keyof ExportQuery, string | boolean>> = {}) =>
    exportUrl(report, {
      format,
      template: report === "ropa" ? query.template : undefined,
      pending: query.pending === "include" ? "include" : undefined,
      asOf: query.asOf,
      from: report === "audit" ? query.from : undefined,
      to: report === "audit" ? query.to : undefined,
      ...extra,
    });
  const others = EXPORT_FORMATS.filter((format) => format !== query.format);
  return (
    <section aria-labelledby="export-download-heading" className="space-y-2">
      <h2 id="export-download-heading" className="text-lg font-semibold">
        Download
      </h2>
      <p className="flex flex-wrap items-center gap-3 text-sm">
        <a
          href={params(query.format)}
          download
          className="rounded-md bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-700"
          data-testid="export-download"
        >
          Download {title} ({query.format.toUpperCase()})
        </a>
        <span className="text-slate-700">Also as:</span>
        {others.map((format) => (
          <a key={format} href={params(format)} download className="text-brand-700 underline" data-testid={`export-download-${format}`}>
            {format.toUpperCase()}
            <span className="sr-only"> ({title})</span>
          </a>
        ))}
      </p>
      <p className="text-sm text-slate-700">
        <a href={params(query.format, { manifest: true })} className="text-brand-700 underline" data-testid="export-manifest">
          Integrity manifest of a fresh {query.format.toUpperCase()} export
        </a>{" "}
        (generated at, by whom, as of, row count, audit chain head, SHA-256; check a file with <code>npm run export:verify FILE MANIFEST</code>)
        {query.format === "json" && (
          <>
            {" · "}
            <a href={`/api/v1/exports/${report}/schema`} className="text-brand-700 underline">
              JSON Schema of this export
            </a>
          </>
        )}
      </p>
    </section>
  );
}
