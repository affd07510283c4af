"use client";

import { useFormContext } from "react-hook-form";
import { FieldFrame, ariaFor, inputClass, useFieldState } from "./field";

const emptyAsNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

/** A text (or number, email, url) input bound by `name` to the surrounding react-hook-form. */
export function TextField({
  name,
  label,
  hint,
  type = "text",
  multiline = false,
  nullable = false,
}: {
  name: string;
  label: string;
  hint?: string;
  type?: "text" | "number" | "email" | "url";
  multiline?: boolean;
  /** Empty submits null (clears a stored value) rather than "" — for the schemas' nullable fields. */
  nullable?: boolean;
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
        <textarea rows={3} {...props} {...register(name, nullable ? { setValueAs: emptyAsNull } : {})} />
      ) : (
        // Empty number inputs become undefined (not NaN), so that an optional number stays optional.
        <input type={type} {...props} {...register(name, type === "number" ? { setValueAs: (value) => (value === "" ? undefined : Number(value)) } : nullable ? { setValueAs: emptyAsNull } : {})} />
      )}
    </FieldFrame>
  );
}
