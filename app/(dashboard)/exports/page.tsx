import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { DownloadLinks } from "@/components/exports/download-links";
import { ExportForm } from "@/components/exports/export-form";
import { ExportPreview } from "@/components/exports/export-preview";
import { requirePageActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { exportLanguage, isExportReport, readExportQuery } from "@/lib/exports/request";
import { previewExport } from "@/lib/exports/run";
import { requestLocale } from "@/lib/i18n/request";
import { enumLabel } from "@/lib/labels";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("exports");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

/**
 * Records for regulators: choose a report, see its first rows, download it (DPO and auditor). A report is
 * written in the language the form asks for, by default the page's own (the user's), which the download
 * links then name; the API's default is English.
 */
export default async function ExportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageActor(["dpo", "auditor"]);
  const [raw, t, locale] = await Promise.all([searchParams, getTranslations("exports"), requestLocale()]);
  const one = (key: string) => {
    const value = raw[key];
    return Array.isArray(value) ? value.at(-1) : value;
  };
  const reportParam = one("report");
  const report = reportParam && isExportReport(reportParam) ? reportParam : "ropa";
  const read = readExportQuery(raw);
  const chosen = reportParam !== undefined;
  const today = todayIso();
  const language = read.ok ? exportLanguage(read.query, locale) : locale;
  const preview =
    chosen && read.ok
      ? await previewExport({
          db: db(),
          report,
          template: read.query.template,
          language,
          includePending: read.query.pending === "include",
          asOf: read.query.asOf ?? null,
          period: { from: read.query.from, to: read.query.to },
        })
      : null;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      <ExportForm
        report={report}
        values={{ format: one("format"), template: one("template"), pending: one("pending"), asOf: one("asOf"), from: one("from"), to: one("to") }}
        errors={read.ok ? {} : read.errors}
        today={today}
        language={language}
      />
      {!read.ok && (
        <p role="alert" className="text-sm text-red-700">
          {t("invalid")}
        </p>
      )}
      {preview && read.ok && (
        <>
          {read.query.asOf && (
            // The day as chosen in the form's date field (YYYY-MM-DD), so that it reads as the choice it echoes.
            <p className="text-sm text-slate-700" data-testid="export-as-of">
              {report === "audit" ? t("asOfNotice.audit", { day: read.query.to ?? read.query.asOf }) : t("asOfNotice.register", { day: read.query.asOf })}
            </p>
          )}
          <ExportPreview title={preview.title} language={preview.language} headers={preview.headers} rows={preview.rows} more={preview.more} />
          {/* The link names the report in the page's language; the file itself is in the report's (preview.language). */}
          <DownloadLinks report={report} query={read.query} title={enumLabel("exportReport", report, locale)} language={language} />
        </>
      )}
    </div>
  );
}
