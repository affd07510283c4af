import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/*
 * The registers' filter bar: a plain GET form, so that a URL reproduces the view (and it works without
 * JavaScript). Every register builds its bar from these three pieces.
 */

const FIELD_CLASS = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const LABEL_CLASS = "block text-xs font-medium text-slate-600";

export interface FilterOption {
  value: string;
  label: string;
}

export function FilterForm({
  action,
  label,
  values,
  children,
}: {
  /** The register's path: the form submits to it and "Reset" links to it. */
  action: string;
  /** Accessible name of the search landmark, e.g. "Filter transfers". */
  label: string;
  /** The current filter values: they key the form, because defaultValue applies on mount only. */
  values: unknown;
  children: ReactNode;
}) {
  const t = useTranslations("registers.filters");
  return (
    <form key={JSON.stringify(values)} role="search" aria-label={label} action={action} className="flex flex-wrap items-end gap-3">
      {children}
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
        {t("apply")}
      </button>
      <Link href={action} className="px-1 py-1.5 text-sm text-brand-700 underline">
        {t("reset")}
      </Link>
    </form>
  );
}

export function SelectFilter({
  id,
  name,
  label,
  value,
  options,
  anyLabel,
  className = "",
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: readonly FilterOption[];
  /** The empty choice ("Any" by default); null when the filter always has a value. */
  anyLabel?: string | null;
  className?: string;
}) {
  const t = useTranslations("registers.filters");
  return (
    <div>
      <label htmlFor={id} className={LABEL_CLASS}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={`${FIELD_CLASS} ${className}`}>
        {anyLabel !== null && <option value="">{anyLabel ?? t("any")}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SearchFilter({
  id,
  name = "q",
  label,
  value,
  placeholder,
  className = "w-56",
}: {
  id: string;
  name?: string;
  label: string;
  value: string | undefined;
  placeholder?: string;
  className?: string;
}) {
  return (
    <div>
      <label htmlFor={id} className={LABEL_CLASS}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        type="search"
        defaultValue={value ?? ""}
        placeholder={placeholder}
        maxLength={200}
        className={`${FIELD_CLASS} px-3 ${className}`}
      />
    </div>
  );
}

/**
 * Options from a list of enum values, labelled by a label map (or, without one, as they read: underscores as
 * spaces). Kept for the filter bars that pass their own map; the catalogue's `enumOptions(kind, locale)`
 * (lib/labels) names every enum in the reader's language and is what new code uses.
 */
export function enumOptions<T extends string>(values: readonly T[], labels?: Readonly<Record<T, string>>): FilterOption[] {
  return values.map((value) => ({ value, label: labels?.[value] ?? value.replace(/_/g, " ") }));
}
