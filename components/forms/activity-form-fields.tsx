"use client";

import { useId } from "react";
import { get, useController, useFormContext } from "react-hook-form";
import { FieldFrame, ariaFor, inputClass, useFieldState } from "./field";
import type { Option } from "./select-field";

/**
 * The CNIL model register's checklist of security measures as native checkboxes in a fieldset, bound by `name`
 * to an array of measures, kept in the checklist's own order whatever order they are ticked in (the exports
 * list them so).
 */
export function ChecklistField({ name, legend, hint, options }: { name: string; legend: string; hint?: string; options: readonly Option[] }) {
  const baseId = useId();
  const { control, formState } = useFormContext();
  const { field } = useController({ name, control });
  const selected: string[] = Array.isArray(field.value) ? field.value : [];
  const message = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  const hintId = `${baseId}-hint`;
  const errorId = `${baseId}-error`;
  const describedBy = [hint ? hintId : null, message ? errorId : null].filter(Boolean).join(" ") || undefined;

  function toggle(value: string, checked: boolean) {
    const next = new Set(selected);
    if (checked) next.add(value);
    else next.delete(value);
    field.onChange(options.map((option) => option.value).filter((option) => next.has(option)));
  }

  return (
    <fieldset className="space-y-2" aria-invalid={message ? true : undefined} aria-describedby={describedBy} data-testid="activity-checklist">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      <ul className="grid gap-1 sm:grid-cols-2">
        {options.map((option) => (
          <li key={option.value}>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={name} value={option.value} checked={selected.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} onBlur={field.onBlur} />
              {option.label}
            </label>
          </li>
        ))}
      </ul>
      {message && (
        <p id={errorId} className="text-xs text-red-700" data-testid="field-error">
          {legend}: {message}
        </p>
      )}
    </fieldset>
  );
}

/** A yes / no / not stated select bound by `name` to `true`, `false` or `null` (a native select only holds strings). */
export function YesNoUnknownField({ name, label, hint, words }: { name: string; label: string; hint?: string; words: { unknown: string; yes: string; no: string } }) {
  const { control } = useFormContext();
  const { field } = useController({ name, control });
  const { ids, message } = useFieldState(name);
  const value = field.value === true ? "true" : field.value === false ? "false" : "";
  return (
    <FieldFrame label={label} hint={hint} ids={ids} message={message}>
      <select
        id={ids.input}
        className={inputClass(Boolean(message))}
        {...ariaFor(ids, { hint, message })}
        name={field.name}
        ref={field.ref}
        value={value}
        onBlur={field.onBlur}
        onChange={(event) => field.onChange(event.target.value === "" ? null : event.target.value === "true")}
      >
        <option value="">{words.unknown}</option>
        <option value="true">{words.yes}</option>
        <option value="false">{words.no}</option>
      </select>
    </FieldFrame>
  );
}
