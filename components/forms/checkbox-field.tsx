"use client";

import { useFormContext } from "react-hook-form";

/** A yes/no field bound by `name`; the label says what "yes" means. */
export function CheckboxField({ name, label, className }: { name: string; label: string; className?: string }) {
  const { register } = useFormContext();
  return (
    <label className={`flex items-center gap-2 text-sm ${className ?? ""}`}>
      <input type="checkbox" {...register(name)} />
      {label}
    </label>
  );
}
