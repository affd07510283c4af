import type { UserRole } from "@/db/schema/enums";
import { FilterForm, SearchFilter, SelectFilter } from "@/components/ui/filter-form";
import { ROLE_LABELS, ROLE_OPTIONS } from "./labels";

/** The users page's filters. */
export function UserFilters({ q, role, status }: { q?: string; role?: UserRole; status?: "active" | "disabled" }) {
  return (
    <FilterForm action="/users" label="Filter users" values={[q, role, status]}>
      <SearchFilter id="user-q" label="Email or name" value={q} className="w-48" />
      <SelectFilter id="user-role" name="role" label="Role" value={role} options={ROLE_OPTIONS.map((value) => ({ value, label: ROLE_LABELS[value] }))} />
      <SelectFilter
        id="user-status"
        name="status"
        label="Status"
        value={status}
        options={[
          { value: "active", label: "Active" },
          { value: "disabled", label: "Disabled" },
        ]}
      />
    </FilterForm>
  );
}
