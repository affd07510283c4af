"use client";

import { useFormContext } from "react-hook-form";
import { FieldFrame, ariaFor, inputClass, useFieldState } from "./field";

/** A text (or number, email, url) input bound by `name` to the surrounding react-hook-form. */
export function TextField({
  name,
  label,
  hint,
  type = "text",
  multiline = false,
}: {
  name: string;
  label: string;
  hint?: string;
  type?: "text" | "number" | "email" | "url";
  multiline?: boolean;
}) {
  const { register } = useFormContext();
  const { ids, message } = useFieldState(name);
  const props = {
    id: ids.input,
    className: inputClass(Boolean(message)),
    ...ariaFor(ids, { hint, message }),
  };
  return (
    <FieldFrame label={label} hint={hint} ids={ids} message={message}>
      {multiline ? (
        <textarea rows={3} {...props} {...register(name)} />
      ) : (
        // Empty number inputs become undefined (not NaN), so that an optional number stays optional.
        <input type={type} {...props} {...register(name, type === "number" ? { setValueAs: (value) => (value === "" ? undefined : Number(value)) } : {})} />
      )}
    </FieldFrame>
  );
}
