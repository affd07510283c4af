"use client";

import { useFormContext } from "react-hook-form";
import { FieldFrame, ariaFor, inputClass, useFieldState } from "./field";

/** A date bound by `name` as YYYY-MM-DD (the wire format of the zod schemas); empty submits undefined. */
export function DateField({ name, label, hint, min }: { name: string; label: string; hint?: string; min?: string }) {
  const { register } = useFormContext();
  const { ids, message } = useFieldState(name);
  return (
    <FieldFrame label={label} hint={hint} ids={ids} message={message}>
      <input
        type="date"
        id={ids.input}
        min={min}
        className={inputClass(Boolean(message))}
        {...ariaFor(ids, { hint, message })}
        {...register(name, { setValueAs: (value) => (value === "" ? undefined : value) })}
      />
    </FieldFrame>
  );
}
