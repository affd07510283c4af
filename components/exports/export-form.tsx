import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { enumLabel } from "@/lib/labels";
import { EXPORT_FORMATS, EXPORT_LANGUAGES, EXPORT_REPORTS, type ExportFieldError, type ExportQuery, type ExportReport } from "@/lib/exports/request";
import { ROPA_TEMPLATES } from "@/lib/exports/ropa";
import type { Locale } from "@/lib/i18n/locales";

/*
 * The export chooser: a plain GET form to /exports, so that the URL reproduces the choice (and the form works
 * without JavaScript). Submitting shows the preview and the download link; invalid values come back with
 * their message next to the field. Choices are labels of the catalogue (lib/labels), in the page's language.
 */

const FIELD = "block rounded-md border bg-white px-2 py-1.5 text-sm";
const LABEL = "block text-sm font-medium text-slate-800";
const HINT = "text-xs text-slate-600";

export type ExportFormErrors = Partial<Record<keyof ExportQuery, ExportFieldError>>;

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  const t = useTranslations("exports");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className={HINT}>
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-700" data-testid="export-field-error">
          {t("form.fieldError", { field: label, error })}
        </p>
      )}
    </div>
  );
}

/** aria-describedby and aria-invalid of a field with an optional hint and error. */
function described(id: string, { hint, error }: { hint?: string; error?: string }) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": error ? true : undefined };
}

const fieldClass = (error?: string) => `${FIELD} ${error ? "border-red-600" : "border-slate-300"}`;

export function ExportForm({
  report,
  values,
  errors,
  today,
  language,
}: {
  report: ExportReport;
  /** The form's current values, as strings (what the URL said). */
  values: { format?: string; template?: string; pending?: string; asOf?: string; from?: string; to?: string };
  errors: ExportFormErrors;
  today: string;
  /** The report's language: the one the URL asks for, else the page's. */
  language: Locale;
}) {
  const t = useTranslations("exports");
  const locale = useLocale() as Locale;
  // Each invalid parameter's reason, in the page's language.
  const message = (key: keyof ExportQuery) => (errors[key] ? t(`errors.${errors[key]}`) : undefined);
  const error = {
    format: message("format"),
    template: message("template"),
    language: message("language"),
    asOf: message("asOf"),
    pending: message("pending"),
    from: message("from"),
    to: message("to"),
  };
  const asOfHint = t("form.asOfHint");
  const templateHint = t("form.templateHint");
  const languageHint = t("form.languageHint");
  return (
    <form action="/exports" method="get" aria-label={t("form.label")} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="export-form">
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="export-report" label={t("form.report")}>
          <select id="export-report" name="report" defaultValue={report} className={fieldClass()}>
            {EXPORT_REPORTS.map((value) => (
              <option key={value} value={value}>
                {enumLabel("exportReport", value, locale)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="export-format" label={t("form.format")} error={error.format}>
          <select id="export-format" name="format" defaultValue={values.format ?? "csv"} className={fieldClass(error.format)} {...described("export-format", { error: error.format })}>
            {EXPORT_FORMATS.map((value) => (
              <option key={value} value={value}>
                {enumLabel("exportFormat", value, locale)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="export-template" label={t("form.template")} hint={templateHint} error={error.template}>
          <select
            id="export-template"
            name="template"
            defaultValue={values.template ?? "generic"}
            className={fieldClass(error.template)}
            {...described("export-template", { hint: templateHint, error: error.template })}
          >
            {ROPA_TEMPLATES.map((value) => (
              <option key={value} value={value}>
                {enumLabel("ropaTemplate", value, locale)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="export-language" label={t("form.language")} hint={languageHint} error={error.language}>
          <select
            id="export-language"
            name="language"
            defaultValue={language}
            className={fieldClass(error.language)}
            {...described("export-language", { hint: languageHint, error: error.language })}
          >
            {EXPORT_LANGUAGES.map((value) => (
              // Each language in its own words ("English", "Français"), as language switches name them.
              <option key={value} value={value} lang={value}>
                {enumLabel("locale", value, value)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="export-as-of" label={t("form.asOf")} hint={asOfHint} error={error.asOf}>
          <input
            id="export-as-of"
            name="asOf"
            type="date"
            max={today}
            defaultValue={values.asOf ?? ""}
            className={fieldClass(error.asOf)}
            {...described("export-as-of", { hint: asOfHint, error: error.asOf })}
          />
        </Field>
      </div>

      <fieldset className="space-y-2" aria-describedby={error.pending ? "export-pending-error" : undefined}>
        <legend className={LABEL}>{t("form.pending")}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="pending" value="exclude" defaultChecked={(values.pending ?? "exclude") !== "include"} />
            {t("form.pendingExclude")}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="pending" value="include" defaultChecked={values.pending === "include"} />
            {t("form.pendingInclude")}
          </label>
        </div>
        {error.pending && (
          <p id="export-pending-error" className="text-xs text-red-700" data-testid="export-field-error">
            {t("form.fieldError", { field: t("form.pendingShort"), error: error.pending })}
          </p>
        )}
      </fieldset>

      <fieldset className="space-y-2">
        <legend className={LABEL}>{t("form.period")}</legend>
        <p id="export-period-hint" className={HINT}>
          {t("form.periodHint")}
        </p>
        <div className="flex flex-wrap gap-4">
          <Field id="export-from" label={t("form.from")} error={error.from}>
            <input
              id="export-from"
              name="from"
              type="date"
              defaultValue={values.from ?? ""}
              className={fieldClass(error.from)}
              aria-describedby={["export-period-hint", error.from ? "export-from-error" : null].filter(Boolean).join(" ")}
              aria-invalid={error.from ? true : undefined}
            />
          </Field>
          <Field id="export-to" label={t("form.to")} error={error.to}>
            <input
              id="export-to"
              name="to"
              type="date"
              defaultValue={values.to ?? ""}
              className={fieldClass(error.to)}
              aria-describedby={["export-period-hint", error.to ? "export-to-error" : null].filter(Boolean).join(" ")}
              aria-invalid={error.to ? true : undefined}
            />
          </Field>
        </div>
      </fieldset>

      <button type="submit" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
        {t("form.submit")}
      </button>
    </form>
  );
}
