"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { get, useController, useFormContext } from "react-hook-form";

export interface CategoryOption {
  key: string;
  label: string;
  /** One line saying why the category is sensitive (e.g. "GDPR Art. 9 special category"); absent if not. */
  sensitive?: string;
}

/**
 * Data categories as a searchable list of checkboxes bound by `name` to a string array. A fieldset with a
 * legend, native checkboxes: usable with Tab and Space, and each sensitive category explains itself in one line.
 */
export function CategoryMultiSelect({
  name,
  label,
  options,
  showKeys = true,
}: {
  name: string;
  label: string;
  options: readonly CategoryOption[];
  /** Print each option's key beside its label (a taxonomy key helps; a record id does not). */
  showKeys?: boolean;
}) {
  const t = useTranslations("forms.multiSelect");
  const tf = useTranslations("forms");
  const baseId = useId();
  const { control, formState } = useFormContext();
  const { field } = useController({ name, control });
  const [query, setQuery] = useState("");
  const selected: string[] = Array.isArray(field.value) ? field.value : [];
  const message = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  const needle = query.trim().toLowerCase();
  const visible = options.filter((option) => !needle || option.key.toLowerCase().includes(needle) || option.label.toLowerCase().includes(needle));
  const errorId = `${baseId}-error`;

  function toggle(key: string, checked: boolean) {
    field.onChange(checked ? [...selected, key] : selected.filter((value) => value !== key));
  }

  return (
    <fieldset className="space-y-2" aria-invalid={message ? true : undefined} aria-describedby={message ? errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      <label htmlFor={`${baseId}-search`} className="sr-only">
        {t("searchLabel", { label: label.toLowerCase() })}
      </label>
      <input
        id={`${baseId}-search`}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder={t("searchPlaceholder")}
        className="block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
      />
      <p className="text-xs text-slate-600" aria-live="polite">
        {t("selected", { count: selected.length })}
      </p>
      <ul className="max-h-64 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2">
        {visible.map((option) => {
          const id = `${baseId}-${option.key}`;
          return (
            <li key={option.key}>
              <input
                id={id}
                type="checkbox"
                checked={selected.includes(option.key)}
                onChange={(event) => toggle(option.key, event.target.checked)}
                onBlur={field.onBlur}
                aria-describedby={option.sensitive ? `${id}-why` : undefined}
                className="mr-2 h-4 w-4 align-middle"
              />
              <label htmlFor={id} className="text-sm">
                {option.label} {showKeys && <code className="text-xs text-slate-500">{option.key}</code>}
              </label>
              {option.sensitive && (
                <p id={`${id}-why`} className="ml-6 text-xs text-amber-800">
                  {t("sensitive", { why: option.sensitive })}
                </p>
              )}
            </li>
          );
        })}
        {visible.length === 0 && <li className="text-sm text-slate-600">{t("noMatch", { query })}</li>}
      </ul>
      {message && (
        <p id={errorId} className="text-xs text-red-700" data-testid="field-error">
          {tf("fieldError", { label, message })}
        </p>
      )}
    </fieldset>
  );
}
