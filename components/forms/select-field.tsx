"use client";

import { useFormContext } from "react-hook-form";
import { FieldFrame, ariaFor, inputClass, useFieldState } from "./field";

export interface Option {
  value: string;
  label: string;
}

/**
 * A native select bound by `name`; `emptyLabel` adds a "none chosen" option that submits undefined, or null
 * with `nullable` (so that an edit can clear a stored reference).
 */
export function SelectField({
  name,
  label,
  options,
  hint,
  emptyLabel,
  nullable = false,
}: {
  name: string;
  label: string;
  options: readonly Option[];
  hint?: string;
  emptyLabel?: string;
  nullable?: boolean;
}) {
  const { register } = useFormContext();
  const { ids, message } = useFieldState(name);
  return (
    <FieldFrame label={label} hint={hint} ids={ids} message={message}>
      <select
        id={ids.input}
        className={inputClass(Boolean(message))}
        {...ariaFor(ids, { hint, message })}
        {...register(name, { setValueAs: (value) => (value === "" ? (nullable ? null : undefined) : value) })}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
