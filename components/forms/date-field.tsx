"use client";

import { useFormContext } from "react-hook-form";
import { FieldFrame, ariaFor, inputClass, useFieldState } from "./field";

/**
 * A date bound by `name` as YYYY-MM-DD (the wire format of the zod schemas); empty submits undefined, or null with
 * `nullable`. `min` and `max` only guide the date picker: the schema (and the server) decide.
 */
export function DateField({
  name,
  label,
  hint,
  min,
  max,
  nullable = false,
}: {
  name: string;
  label: string;
  hint?: string;
  min?: string;
  max?: string;
  nullable?: boolean;
}) {
  const { register } = useFormContext();
  const { ids, message } = useFieldState(name);
  return (
    <FieldFrame label={label} hint={hint} ids={ids} message={message}>
      <input
        type="date"
        id={ids.input}
        min={min}
        max={max}
        className={inputClass(Boolean(message))}
        {...ariaFor(ids, { hint, message })}
        {...register(name, { setValueAs: (value) => (value === "" ? (nullable ? null : undefined) : value) })}
      />
    </FieldFrame>
  );
}
