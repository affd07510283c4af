import Link from "next/link";
import { auditLabel } from "./format";

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const labelClass = "block text-xs font-medium text-slate-600";

/** The audit trail's filters: a plain GET form, so that a URL reproduces the view. */
export function AuditFilters({
  recordTypes,
  actions,
  recordType,
  action,
  recordId,
}: {
  recordTypes: readonly string[];
  actions: readonly string[];
  recordType?: string;
  action?: string;
  recordId?: string;
}) {
  return (
    // Keyed by the values: defaultValue applies on mount only, and a client-side navigation keeps the form.
    <form key={JSON.stringify([recordType, action, recordId])} role="search" aria-label="Filter audit events" action="/audit" className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="audit-record-type" className={labelClass}>
          Record type
        </label>
        <select id="audit-record-type" name="recordType" defaultValue={recordType ?? ""} className={selectClass}>
          <option value="">Any</option>
          {recordTypes.map((value) => (
            <option key={value} value={value}>
              {auditLabel(value)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-action" className={labelClass}>
          Action
        </label>
        <select id="audit-action" name="action" defaultValue={action ?? ""} className={selectClass}>
          <option value="">Any</option>
          {actions.map((value) => (
            <option key={value} value={value}>
              {auditLabel(value)}
            </option>
          ))}
        </select>
      </div>
      {recordId && <input type="hidden" name="recordId" value={recordId} />}
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
        Apply
      </button>
      <Link href="/audit" className="px-1 py-1.5 text-sm text-brand-700 underline">
        Reset
      </Link>
    </form>
  );
}
