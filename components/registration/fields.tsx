"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { get, useController, useFormContext } from "react-hook-form";
import { FieldFrame, ariaFor, inputClass, useFieldState } from "@/components/forms/field";
import type { Option } from "@/components/forms/select-field";

/**
 * A text input whose empty value means "not given" (undefined, so the schema's null default applies): a blank
 * website must not be validated as a URL.
 */
export function OptionalTextField({ name, label, hint, type = "text" }: { name: string; label: string; hint?: string; type?: "text" | "url" }) {
  const { register } = useFormContext();
  const { ids, message } = useFieldState(name);
  return (
    <FieldFrame label={label} hint={hint} ids={ids} message={message}>
      <input
        type={type}
        id={ids.input}
        className={inputClass(Boolean(message))}
        {...ariaFor(ids, { hint, message })}
        {...register(name, { setValueAs: (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value) })}
      />
    </FieldFrame>
  );
}

/** A checkbox bound by `name` to a boolean. */
export function CheckboxField({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const { register } = useFormContext();
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="flex items-center gap-2 text-sm font-medium text-slate-800">
        <input id={id} type="checkbox" className="h-4 w-4" aria-describedby={hint ? `${id}-hint` : undefined} {...register(name)} />
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="ml-6 text-xs text-slate-600">
          {hint}
        </p>
      )}
    </div>
  );
}

/** Several values of a short list as native checkboxes bound by `name` to a string array. */
export function CheckboxGroup({ name, label, options, hint }: { name: string; label: string; options: readonly Option[]; hint?: string }) {
  const t = useTranslations("forms");
  const baseId = useId();
  const { control, formState } = useFormContext();
  const { field } = useController({ name, control });
  const selected: string[] = Array.isArray(field.value) ? field.value : [];
  const message = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  return (
    <fieldset className="space-y-1" aria-describedby={[hint ? `${baseId}-hint` : "", message ? `${baseId}-error` : ""].join(" ").trim() || undefined}>
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      {hint && (
        <p id={`${baseId}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="h-4 w-4"
              checked={selected.includes(option.value)}
              onChange={(event) => field.onChange(event.target.checked ? [...selected, option.value] : selected.filter((value) => value !== option.value))}
              onBlur={field.onBlur}
            />
            {option.label}
          </label>
        ))}
      </div>
      {message && (
        <p id={`${baseId}-error`} className="text-xs text-red-700" data-testid="field-error">
          {t("fieldError", { label, message })}
        </p>
      )}
    </fieldset>
  );
}
