"use client";

import { useId, useRef, useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { appLocale } from "@/components/registers/locale-format";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/guard";
import type { ImportProblem } from "@/lib/import/columns";
import { importProblemMessage } from "@/lib/import/problem-fr";
import type { ImportCommitResult } from "@/lib/import/commit";
import type { ImportValidation } from "@/lib/import/validate";
import { enumLabel, formatNumber } from "@/lib/labels";

type CheckAction = (form: FormData) => Promise<ActionResult<ImportValidation & { rows: number }>>;
type CommitAction = (form: FormData) => Promise<ActionResult<{ ok: true; result: ImportCommitResult } | { ok: false; problems: ImportProblem[]; problemCount: number; message: string }>>;

/** The templates the API serves; their labels are import.templates.<key>. */
const TEMPLATES = [
  { key: "workbook", href: "/api/v1/import/template?format=xlsx" },
  { key: "entities", href: "/api/v1/import/template?format=csv&kind=entities" },
  { key: "processors", href: "/api/v1/import/template?format=csv&kind=processors" },
  { key: "transfers", href: "/api/v1/import/template?format=csv&kind=transfers" },
] as const;

function ProblemsTable({ problems, total }: { problems: ImportProblem[]; total: number }) {
  const t = useTranslations("import.problems");
  const locale = appLocale(useLocale());
  return (
    <table className="w-full text-left text-sm" data-testid="import-problems">
      <caption className="mb-1 text-left font-semibold text-red-800">
        {t("caption", { count: total, formatted: formatNumber(total, locale) })}
        {total > problems.length && ` ${t("firstListed", { listed: formatNumber(problems.length, locale) })}`}
      </caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-1 pr-3">{t("sheet")}</th>
          <th scope="col" className="py-1 pr-3">{t("row")}</th>
          <th scope="col" className="py-1 pr-3">{t("column")}</th>
          <th scope="col" className="py-1 pr-3">{t("problem")}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((problem, index) => (
          <tr key={`${problem.sheet}-${problem.row}-${problem.column}-${index}`} className="border-b border-slate-100 align-top" data-testid="import-problem">
            {/* The sheet's and the column's names as the file spells them: identifiers to find in it, shown as code. */}
            <td className="py-1 pr-3">
              <code>{problem.sheet}</code>
            </td>
            <td className="py-1 pr-3">{problem.row}</td>
            <td className="py-1 pr-3">
              <code>{problem.column}</code>
            </td>
            {/* The import's checks (lib/import) word their problems in English; the page reads the ones it knows in French. */}
            <td className="py-1 pr-3" lang={importProblemMessage(problem, locale).lang}>
              {importProblemMessage(problem, locale).text}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Upload, dry run, commit: "Check file" lists every problem by row and column (or says the rows are fine and
 * what an import would do); "Import" commits the checked file, all rows or none, and shows the counts.
 */
export function ImportForm({ check, commit }: { check: CheckAction; commit: CommitAction }) {
  const t = useTranslations("import");
  const locale = appLocale(useLocale());
  const number = (value: number) => formatNumber(value, locale);
  const fileId = useId();
  const kindId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [checked, setChecked] = useState<(ImportValidation & { rows: number }) | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [problemCount, setProblemCount] = useState(0);
  const [result, setResult] = useState<ImportCommitResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  function reset() {
    setChecked(null);
    setProblems([]);
    setResult(null);
    setError(null);
  }

  function run(kind: "check" | "commit") {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    startTransition(async () => {
      setError(null);
      setResult(null);
      if (kind === "check") {
        const outcome = await check(data);
        if (!outcome.ok) {
          setChecked(null);
          setProblems([]);
          setError(
            outcome.error.fields?.map((field) => t("form.fieldError", { field: field.path === "kind" ? t("form.csvContent") : t("form.file"), message: field.message })).join("; ") ||
              outcome.error.message,
          );
          return;
        }
        setChecked(outcome.data);
        setProblems(outcome.data.problems);
        setProblemCount(outcome.data.problemCount);
        return;
      }
      const outcome = await commit(data);
      if (!outcome.ok) {
        setError(outcome.error.message);
        return;
      }
      if (!outcome.data.ok) {
        setChecked(null);
        setProblems(outcome.data.problems);
        setProblemCount(outcome.data.problemCount);
        return;
      }
      setChecked(null);
      setProblems([]);
      setResult(outcome.data.result);
    });
  }

  return (
    <div className="space-y-6">
      <section aria-labelledby="templates-heading" className="space-y-2">
        <h2 id="templates-heading" className="text-lg font-semibold">
          {t("form.templatesHeading")}
        </h2>
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {TEMPLATES.map((template) => (
            <li key={template.href}>
              <a href={template.href} className="text-brand-700 underline" download>
                {t(`templates.${template.key}`)}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="upload-heading" className="space-y-3">
        <h2 id="upload-heading" className="text-lg font-semibold">
          {t("form.uploadHeading")}
        </h2>
        <form
          ref={formRef}
          className="space-y-3"
          aria-labelledby="upload-heading"
          onSubmit={(event) => {
            event.preventDefault();
            run("check");
          }}
          data-testid="import-form"
        >
          <div className="space-y-1">
            <label htmlFor={fileId} className="block text-sm font-medium text-slate-800">
              {t("form.fileLabel")}
            </label>
            <input id={fileId} name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={reset} className="block text-sm" aria-describedby={`${fileId}-hint`} />
            <p id={`${fileId}-hint`} className="text-xs text-slate-600">
              {t.rich("form.fileHint", { code: (chunks) => <code>{chunks}</code> })}
            </p>
          </div>
          <div className="space-y-1">
            <label htmlFor={kindId} className="block text-sm font-medium text-slate-800">
              {t("form.kindLabel")}
            </label>
            <select
              id={kindId}
              name="kind"
              defaultValue="processors"
              onChange={reset}
              aria-describedby={`${kindId}-hint`}
              className="block rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            >
              {/* The value (selectOption matches it) is the API's kind; the label is what a person reads. */}
              <option value="entities">{t("form.dpoOnly", { kind: enumLabel("importKind", "entities", locale) })}</option>
              <option value="processors">{enumLabel("importKind", "processors", locale)}</option>
              <option value="transfers">{enumLabel("importKind", "transfers", locale)}</option>
            </select>
            <p id={`${kindId}-hint`} className="text-xs text-slate-600">
              {t.rich("form.kindHint", { code: (chunks) => <code>{chunks}</code> })}
            </p>
          </div>
          <div className="flex gap-3">
            <Button type="submit" disabled={pending}>
              {pending ? t("form.working") : t("form.check")}
            </Button>
            <Button type="button" variant="secondary" disabled={pending || !checked?.valid} onClick={() => run("commit")}>
              {t("form.import")}
            </Button>
          </div>
        </form>
      </section>

      <div aria-live="polite" className="space-y-3" data-testid="import-outcome">
        {error && (
          <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="import-error">
            {error}
          </p>
        )}
        {problems.length > 0 && <ProblemsTable problems={problems} total={problemCount} />}
        {checked?.valid && (
          <p className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900" data-testid="import-check-ok">
            {t("outcome.checked", {
              rows: checked.rows,
              formatted: number(checked.rows),
              create: number(checked.plan.create),
              update: number(checked.plan.update),
              unchanged: number(checked.plan.unchanged),
            })}
          </p>
        )}
        {result && (
          <p className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900" data-testid="import-result">
            {t("outcome.imported", { created: number(result.created), updated: number(result.updated), unchanged: number(result.unchanged) })}
          </p>
        )}
      </div>
    </div>
  );
}
