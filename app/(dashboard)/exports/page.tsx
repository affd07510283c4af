import type { Metadata } from "next";
import { db } from "@/db/client";
import { DownloadLinks } from "@/components/exports/download-links";
import { ExportForm } from "@/components/exports/export-form";
import { ExportPreview } from "@/components/exports/export-preview";
import { requirePageActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { reportDefinition } from "@/lib/exports/reports";
import { EXPORT_REPORT_LABELS, isExportReport, readExportQuery } from "@/lib/exports/request";
import { previewExport } from "@/lib/exports/run";

export const metadata: Metadata = { title: "Exports" };
export const dynamic = "force-dynamic";

/** Records for regulators: choose a report, see its first rows, download it (DPO and auditor). */
export default async function ExportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageActor(["dpo", "auditor"]);
  const raw = await searchParams;
  const one = (key: string) => {
    const value = raw[key];
    return Array.isArray(value) ? value.at(-1) : value;
  };
  const reportParam = one("report");
  const report = reportParam && isExportReport(reportParam) ? reportParam : "ropa";
  const read = readExportQuery(raw);
  const chosen = reportParam !== undefined;
  const today = todayIso();
  const title = EXPORT_REPORT_LABELS[report];
  const preview =
    chosen && read.ok
      ? await previewExport({
          db: db(),
          report,
          template: read.query.template,
          includePending: read.query.pending === "include",
          asOf: read.query.asOf ?? null,
          period: { from: read.query.from, to: read.query.to },
        })
      : null;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Exports</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        The records a supervisory authority asks for, as files: the Art. 30 record, the Chapter V transfer register, the sub-processor list,
        the CCPA disclosure, the US DOJ data security report and the audit trail. Each download is recorded in the audit trail with the
        file&apos;s SHA-256; text that a spreadsheet would run as a formula is neutralised.
      </p>
      <ExportForm
        report={report}
        values={{ format: one("format"), template: one("template"), pending: one("pending"), asOf: one("asOf"), from: one("from"), to: one("to") }}
        errors={read.ok ? {} : read.errors}
        today={today}
      />
      {!read.ok && (
        <p role="alert" className="text-sm text-red-700">
          Some choices are invalid: correct them above to see the preview.
        </p>
      )}
      {preview && read.ok && (
        <>
          {read.query.asOf && (
            <p className="text-sm text-slate-700" data-testid="export-as-of">
              {report === "audit"
                ? `The audit trail up to ${read.query.to ?? read.query.asOf}.`
                : `As the register stood at the end of ${read.query.asOf} (UTC), rebuilt from the audit trail.`}
            </p>
          )}
          <ExportPreview title={reportDefinition(report, read.query.template).title} headers={preview.headers} rows={preview.rows} more={preview.more} />
          <DownloadLinks report={report} query={read.query} title={title} />
        </>
      )}
    </div>
  );
}
