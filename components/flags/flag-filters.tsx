import Link from "next/link";
import { FLAG_SUBJECT_TYPES, SEVERITIES, type FlagSubjectType, type Severity } from "@/db/schema/enums";
import { RULE_OPTIONS } from "./rules";

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const labelClass = "block text-xs font-medium text-slate-600";

const STATUS_OPTIONS = [
  { value: "open", label: "Open" },
  { value: "accepted", label: "Accepted" },
  { value: "resolved", label: "Resolved" },
  { value: "all", label: "All statuses" },
] as const;

// Worst first, as the register sorts.
const SEVERITY_OPTIONS = [...SEVERITIES].reverse();

/** The flag register's filters: a plain GET form, so that a URL reproduces the view. */
export function FlagFilters({
  status,
  severity,
  rule,
  subject,
}: {
  status: string;
  severity?: Severity;
  rule?: string;
  subject?: FlagSubjectType;
}) {
  return (
    // Keyed by the values: defaultValue applies on mount only, and a client-side navigation keeps the form.
    <form
      key={JSON.stringify([status, severity, rule, subject])}
      role="search"
      aria-label="Filter flags"
      action="/flags"
      className="flex flex-wrap items-end gap-3"
    >
      <div>
        <label htmlFor="flag-status" className={labelClass}>
          Status
        </label>
        <select id="flag-status" name="status" defaultValue={status} className={selectClass}>
          {STATUS_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="flag-severity" className={labelClass}>
          Severity
        </label>
        <select id="flag-severity" name="severity" defaultValue={severity ?? ""} className={selectClass}>
          <option value="">Any</option>
          {SEVERITY_OPTIONS.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="flag-rule" className={labelClass}>
          Rule
        </label>
        <select id="flag-rule" name="rule" defaultValue={rule ?? ""} className={`${selectClass} max-w-xs`}>
          <option value="">Any</option>
          {RULE_OPTIONS.map((option) => (
            <option key={option.id} value={option.id}>
              {option.title}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="flag-subject" className={labelClass}>
          Subject
        </label>
        <select id="flag-subject" name="subject" defaultValue={subject ?? ""} className={selectClass}>
          <option value="">Any</option>
          {FLAG_SUBJECT_TYPES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
        Apply
      </button>
      <Link href="/flags" className="px-1 py-1.5 text-sm text-brand-700 underline">
        Reset
      </Link>
    </form>
  );
}
