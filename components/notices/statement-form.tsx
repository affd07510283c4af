"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import { Button } from "@/components/ui/button";
import { enumOptions, listCountries } from "@/lib/labels";
import type { CategoryOption, NoticeStatementActions, StatementFormValues } from "./statement-actions";

type Field = "kind" | "value" | "quote" | "section" | "language" | "nonExhaustive";

const inputClass = "block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const VALUED = new Set(["data_category", "recipient_category", "named_recipient", "country", "storage_location"]);

const EMPTY: StatementFormValues = { kind: "country", value: "", nonExhaustive: false, quote: "", section: "", language: "en" };

/**
 * Adds a statement to the notice, or edits one (with the version shown: a statement changed since is refused with a
 * conflict). The value's control follows the kind: a country list, the recipient categories, or text (a data
 * category key, a recipient's name). The server checks everything and its field errors show next to the fields.
 */
export function StatementForm({
  noticeId,
  initial,
  actions,
  categories,
  onDone,
}: {
  noticeId: string;
  initial?: StatementFormValues;
  actions: NoticeStatementActions;
  /** The data categories a statement may declare, by name in the page's language (the key is the value). */
  categories: readonly CategoryOption[];
  onDone?: () => void;
}) {
  const t = useTranslations("notice");
  const locale = useUiLocale();
  const router = useRouter();
  const baseId = useId();
  const [values, setValues] = useState<StatementFormValues>(initial ?? EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const id = (field: Field) => `${baseId}-${field}`;
  const set = (patch: Partial<StatementFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const valued = VALUED.has(values.kind);

  function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    const body = {
      kind: values.kind,
      value: valued ? values.value || null : null,
      nonExhaustive: values.nonExhaustive,
      quote: values.quote,
      section: values.section,
      language: values.language,
    };
    startTransition(async () => {
      const result = initial?.id
        ? await actions.edit({ id: initial.id, changes: { ...body, version: initial.version } })
        : await actions.add({ noticeId, body });
      if (result.ok) {
        if (!initial?.id) setValues({ ...EMPTY, section: values.section, language: values.language });
        router.refresh();
        onDone?.();
        return;
      }
      const fields: Partial<Record<Field, string>> = {};
      for (const issue of result.error.fields ?? []) fields[issue.path as Field] = issue.message;
      setErrors(fields);
      setFormError(result.error.code === "version_conflict" ? t("form.conflict") : result.error.fields?.length ? t("form.invalid") : result.error.message);
    });
  }

  const describedBy = (field: Field) => (errors[field] ? `${id(field)}-error` : undefined);
  const error = (field: Field) =>
    errors[field] ? (
      <p id={`${id(field)}-error`} className="mt-1 text-xs text-red-700">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form onSubmit={submit} className="grid gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 sm:grid-cols-2" aria-label={initial?.id ? t("form.editLabel") : t("form.addLabel")} noValidate>
      <div>
        <label htmlFor={id("kind")} className="text-sm font-medium">
          {t("form.kind")}
        </label>
        <select id={id("kind")} className={inputClass} value={values.kind} onChange={(event) => set({ kind: event.target.value, value: "" })} aria-describedby={describedBy("kind")}>
          {enumOptions("noticeStatementKind", locale).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        {error("kind")}
      </div>
      {valued ? (
        <div>
          <label htmlFor={id("value")} className="text-sm font-medium">
            {t(`form.value.${values.kind}`)}
          </label>
          {values.kind === "country" || values.kind === "storage_location" ? (
            <select id={id("value")} className={inputClass} value={values.value ?? ""} onChange={(event) => set({ value: event.target.value })} aria-describedby={describedBy("value")}>
              <option value="">{t("form.choose")}</option>
              {listCountries(locale).map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </select>
          ) : values.kind === "recipient_category" ? (
            <select id={id("value")} className={inputClass} value={values.value ?? ""} onChange={(event) => set({ value: event.target.value })} aria-describedby={describedBy("value")}>
              <option value="">{t("form.choose")}</option>
              {enumOptions("processorService", locale).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          ) : values.kind === "data_category" ? (
            <select id={id("value")} className={inputClass} value={values.value ?? ""} onChange={(event) => set({ value: event.target.value })} aria-describedby={describedBy("value")}>
              <option value="">{t("form.choose")}</option>
              {categories.map((category) => (
                <option key={category.value} value={category.value}>
                  {category.label}
                </option>
              ))}
            </select>
          ) : (
            <input id={id("value")} className={inputClass} value={values.value ?? ""} onChange={(event) => set({ value: event.target.value })} aria-describedby={describedBy("value")} />
          )}
          {error("value")}
        </div>
      ) : (
        <div />
      )}
      <div className="sm:col-span-2">
        <label htmlFor={id("quote")} className="text-sm font-medium">
          {t("form.quote")}
        </label>
        <textarea id={id("quote")} className={inputClass} rows={2} value={values.quote} onChange={(event) => set({ quote: event.target.value })} aria-describedby={describedBy("quote")} />
        {error("quote")}
      </div>
      <div>
        <label htmlFor={id("section")} className="text-sm font-medium">
          {t("form.section")}
        </label>
        <input id={id("section")} className={inputClass} value={values.section} onChange={(event) => set({ section: event.target.value })} aria-describedby={describedBy("section")} />
        {error("section")}
      </div>
      <div>
        <label htmlFor={id("language")} className="text-sm font-medium">
          {t("form.language")}
        </label>
        <select id={id("language")} className={inputClass} value={values.language} onChange={(event) => set({ language: event.target.value })}>
          {enumOptions("locale", locale).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-2 sm:col-span-2">
        <input id={id("nonExhaustive")} type="checkbox" checked={values.nonExhaustive} onChange={(event) => set({ nonExhaustive: event.target.checked })} />
        <label htmlFor={id("nonExhaustive")} className="text-sm">
          {t("form.nonExhaustive")}
        </label>
      </div>
      {formError ? (
        <p role="alert" aria-label={t("form.errorLabel")} className="text-sm text-red-700 sm:col-span-2">
          {formError}
        </p>
      ) : null}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {initial?.id ? t("form.save") : t("form.add")}
        </Button>
        {onDone ? (
          <Button type="button" variant="secondary" onClick={onDone}>
            {t("form.cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** A statement's Edit and Delete controls (the DPO's): the edit form opens in place. */
export function StatementControls({
  noticeId,
  statement,
  actions,
  categories,
  label,
}: {
  noticeId: string;
  statement: StatementFormValues & { id: string; version: number };
  actions: NoticeStatementActions;
  categories: readonly CategoryOption[];
  label: string;
}) {
  const t = useTranslations("notice");
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  if (editing) return <StatementForm noticeId={noticeId} initial={statement} actions={actions} categories={categories} onDone={() => setEditing(false)} />;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => setEditing(true)} aria-label={t("statements.editNamed", { statement: label })}>
        {t("statements.edit")}
      </Button>
      <Button
        type="button"
        variant="ghost"
        className="px-2 py-1 text-xs text-red-700"
        disabled={pending}
        aria-label={t("statements.deleteNamed", { statement: label })}
        onClick={() =>
          startTransition(async () => {
            if (!window.confirm(t("statements.confirmDelete"))) return;
            const result = await actions.remove({ id: statement.id, version: statement.version });
            if (result.ok) router.refresh();
            else setError(result.error.code === "version_conflict" ? t("form.conflict") : result.error.message);
          })
        }
      >
        {t("statements.delete")}
      </Button>
      {error ? <span className="text-xs text-red-700">{error}</span> : null}
    </div>
  );
}
