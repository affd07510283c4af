import { useTranslations } from "next-intl";
import type { UserRole } from "@/db/schema/enums";
import { FilterForm, SearchFilter, SelectFilter } from "@/components/ui/filter-form";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import { enumOptions } from "@/lib/labels";
import type { UserStatusFilter } from "@/db/queries/users";

/** The users page's filters. */
export function UserFilters({ q, role, status }: { q?: string; role?: UserRole; status?: UserStatusFilter }) {
  const t = useTranslations("users");
  const locale = useUiLocale();
  return (
    <FilterForm action="/users" label={t("filters.label")} values={[q, role, status]}>
      <SearchFilter id="user-q" label={t("filters.search")} value={q} className="w-48" />
      <SelectFilter id="user-role" name="role" label={t("filters.role")} value={role} options={enumOptions("userRole", locale)} />
      <SelectFilter id="user-status" name="status" label={t("filters.status")} value={status} options={enumOptions("userStatus", locale)} />
    </FilterForm>
  );
}
