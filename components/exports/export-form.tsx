import type { ReactNode } from "react";
import { EXPORT_FORMATS, EXPORT_REPORT_LABELS, EXPORT_REPORTS, type ExportFormat, type ExportQuery, type ExportReport } from "@/lib/exports/request";
import { ROPA_TEMPLATES, type RopaTemplate } from "@/lib/exports/ropa";

/*
 * The export chooser: a plain GET form to /exports, so that the URL reproduces the choice (and the form works
 * without JavaScript). Submitting shows the preview and the download link; invalid values come back with
 * their message next to the field.
 */

const FIELD = "block rounded-md border bg-white px-2 py-1.5 text-sm";
const LABEL = "block text-sm font-medium text-slate-800";
const HINT = "text-xs text-slate-600";

const FORMAT_LABELS: Readonly<Record<ExportFormat, string>> = {
  csv: "CSV (UTF-8, RFC 4180)",
  xlsx: "Excel workbook (XLSX)",
  pdf: "PDF, ready to send",
  json: "JSON (versioned schema)",
};

const TEMPLATE_LABELS: Readonly<Record<RopaTemplate, string>> = {
  generic: "Generic: GDPR Art. 30(1) order",
  ico: "UK ICO controller template",
  cnil: "CNIL register (French, one sheet per activity)",
};

export type ExportFormErrors = Partial<Record<keyof ExportQuery, string>>;

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
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
          {label}: {error}
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
}: {
  report: ExportReport;
  /** The form's current values, as strings (what the URL said). */
  values: { format?: string; template?: string; pending?: string; asOf?: string; from?: string; to?: string };
  errors: ExportFormErrors;
  today: string;
}) {
  const asOfHint = "Empty: the register as it is now. A past day: the register as it stood at the end of that day, rebuilt from the audit trail.";
  const templateHint = "The other reports have one layout.";
  return (
    <form action="/exports" method="get" aria-label="Choose an export" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="export-form">
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="export-report" label="Report">
          <select id="export-report" name="report" defaultValue={report} className={fieldClass()}>
            {EXPORT_REPORTS.map((value) => (
              <option key={value} value={value}>
                {EXPORT_REPORT_LABELS[value]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="export-format" label="Format" error={errors.format}>
          <select id="export-format" name="format" defaultValue={values.format ?? "csv"} className={fieldClass(errors.format)} {...described("export-format", { error: errors.format })}>
            {EXPORT_FORMATS.map((value) => (
              <option key={value} value={value}>
                {FORMAT_LABELS[value]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="export-template" label="Template (Art. 30 record only)" hint={templateHint} error={errors.template}>
          <select
            id="export-template"
            name="template"
            defaultValue={values.template ?? "generic"}
            className={fieldClass(errors.template)}
            {...described("export-template", { hint: templateHint, error: errors.template })}
          >
            {ROPA_TEMPLATES.map((value) => (
              <option key={value} value={value}>
                {TEMPLATE_LABELS[value]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="export-as-of" label="As of (optional)" hint={asOfHint} error={errors.asOf}>
          <input
            id="export-as-of"
            name="asOf"
            type="date"
            max={today}
            defaultValue={values.asOf ?? ""}
            className={fieldClass(errors.asOf)}
            {...described("export-as-of", { hint: asOfHint, error: errors.asOf })}
          />
        </Field>
      </div>

      <fieldset className="space-y-2" aria-describedby={errors.pending ? "export-pending-error" : undefined}>
        <legend className={LABEL}>Pending (unapproved) records</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="pending" value="exclude" defaultChecked={(values.pending ?? "exclude") !== "include"} />
            Leave them out (the register of record)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="pending" value="include" defaultChecked={values.pending === "include"} />
            Include them, marked in a “Review status” column
          </label>
        </div>
        {errors.pending && (
          <p id="export-pending-error" className="text-xs text-red-700" data-testid="export-field-error">
            Pending: {errors.pending}
          </p>
        )}
      </fieldset>

      <fieldset className="space-y-2">
        <legend className={LABEL}>Audit trail period (audit trail only)</legend>
        <p id="export-period-hint" className={HINT}>
          UTC days, both included. Empty: the 12 months up to the as-of date.
        </p>
        <div className="flex flex-wrap gap-4">
          <Field id="export-from" label="From" error={errors.from}>
            <input
              id="export-from"
              name="from"
              type="date"
              defaultValue={values.from ?? ""}
              className={fieldClass(errors.from)}
              aria-describedby={["export-period-hint", errors.from ? "export-from-error" : null].filter(Boolean).join(" ")}
              aria-invalid={errors.from ? true : undefined}
            />
          </Field>
          <Field id="export-to" label="To" error={errors.to}>
            <input
              id="export-to"
              name="to"
              type="date"
              defaultValue={values.to ?? ""}
              className={fieldClass(errors.to)}
              aria-describedby={["export-period-hint", errors.to ? "export-to-error" : null].filter(Boolean).join(" ")}
              aria-invalid={errors.to ? true : undefined}
            />
          </Field>
        </div>
      </fieldset>

      <button type="submit" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
        Show preview
      </button>
    </form>
  );
}
