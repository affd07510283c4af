import Link from "next/link";
import type { UserRole } from "@/db/schema/enums";
import { ROLE_LABELS, ROLE_OPTIONS } from "./labels";

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const labelClass = "block text-xs font-medium text-slate-600";

/** The users page's filters: a plain GET form, so that a URL reproduces the view. */
export function UserFilters({ q, role, status }: { q?: string; role?: UserRole; status?: "active" | "disabled" }) {
  return (
    <form key={JSON.stringify([q, role, status])} role="search" aria-label="Filter users" action="/users" className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="user-q" className={labelClass}>
          Email or name
        </label>
        <input id="user-q" name="q" type="search" defaultValue={q ?? ""} maxLength={200} className={selectClass} />
      </div>
      <div>
        <label htmlFor="user-role" className={labelClass}>
          Role
        </label>
        <select id="user-role" name="role" defaultValue={role ?? ""} className={selectClass}>
          <option value="">Any</option>
          {ROLE_OPTIONS.map((value) => (
            <option key={value} value={value}>
              {ROLE_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="user-status" className={labelClass}>
          Status
        </label>
        <select id="user-status" name="status" defaultValue={status ?? ""} className={selectClass}>
          <option value="">Any</option>
          <option value="active">Active</option>
          <option value="disabled">Disabled</option>
        </select>
      </div>
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
        Apply
      </button>
      <Link href="/users" className="px-1 py-1.5 text-sm text-brand-700 underline">
        Reset
      </Link>
    </form>
  );
}
