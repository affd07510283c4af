import { useTranslations } from "next-intl";
import type { FlagSubjectType, FlagWorkStatus, Severity } from "@/db/schema/enums";
import { FilterForm, SearchFilter, SelectFilter } from "@/components/ui/filter-form";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import { enumOptions } from "@/lib/labels";
import { ruleOptions } from "./rules";

/**
 * The flag register's filters. Severities worst first, as the register sorts. The view (assigned to me, overdue)
 * is kept as hidden fields: filtering within "My flags" stays in it.
 */
export function FlagFilters({
  q,
  status,
  severity,
  rule,
  subject,
  workStatus,
  assignee,
  overdue,
}: {
  q?: string;
  status: string;
  severity?: Severity;
  rule?: string;
  subject?: FlagSubjectType;
  workStatus?: FlagWorkStatus;
  assignee?: string;
  overdue?: string;
}) {
  const t = useTranslations("flags");
  const locale = useUiLocale();
  return (
    <FilterForm action="/flags" label={t("filters.label")} values={[q, status, severity, rule, subject, workStatus, assignee, overdue]}>
      {assignee && <input type="hidden" name="assignee" value={assignee} />}
      {overdue && <input type="hidden" name="overdue" value={overdue} />}
      <SearchFilter id="flag-q" label={t("filters.search")} value={q} placeholder={t("filters.searchPlaceholder")} className="w-48" />
      <SelectFilter id="flag-status" name="status" label={t("filters.status")} value={status} options={enumOptions("flagStatusFilter", locale)} anyLabel={null} />
      <SelectFilter id="flag-severity" name="severity" label={t("filters.severity")} value={severity} options={enumOptions("severity", locale).reverse()} />
      <SelectFilter id="flag-rule" name="rule" label={t("filters.rule")} value={rule} options={ruleOptions(locale)} className="max-w-xs" />
      <SelectFilter id="flag-subject" name="subject" label={t("filters.subject")} value={subject} options={enumOptions("flagSubjectType", locale)} />
      <SelectFilter id="flag-work-status" name="workStatus" label={t("filters.workStatus")} value={workStatus} options={enumOptions("flagWorkStatus", locale)} />
    </FilterForm>
  );
}
