"use client";

import { useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { get, useFormContext } from "react-hook-form";

const inputBase = "block w-full rounded-md border px-2 py-1.5 text-sm";

/** The input classes for a field, red-bordered when invalid. */
export function inputClass(invalid: boolean) {
  return `${inputBase} ${invalid ? "border-red-600" : "border-slate-300"}`;
}

/** The ids and error message of a field of the surrounding react-hook-form (FormProvider). */
export function useFieldState(name: string) {
  const baseId = useId();
  const { formState } = useFormContext();
  const message = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  const ids = { input: `${baseId}-input`, hint: `${baseId}-hint`, error: `${baseId}-error` };
  return { ids, message };
}

/**
 * Label, hint and error around one input. The input takes `ariaFor(ids, …)`, so a screen reader reads the
 * error with the field.
 */
export function FieldFrame({
  label,
  hint,
  ids,
  message,
  children,
}: {
  label: string;
  hint?: string;
  ids: { input: string; hint: string; error: string };
  message?: string;
  children: ReactNode;
}) {
  const t = useTranslations("forms");
  return (
    <div className="space-y-1">
      <label htmlFor={ids.input} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && (
        <p id={ids.hint} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {message && (
        <p id={ids.error} className="text-xs text-red-700" data-testid="field-error">
          {t("fieldError", { label, message })}
        </p>
      )}
    </div>
  );
}

/** The aria attributes that tie an input to its hint and error. */
export function ariaFor(ids: { hint: string; error: string }, { hint, message }: { hint?: string; message?: string }) {
  const describedBy = [hint ? ids.hint : null, message ? ids.error : null].filter(Boolean).join(" ");
  return { "aria-invalid": message ? true : undefined, "aria-describedby": describedBy || undefined };
}
