import { useTranslations } from "next-intl";
import type { FlagSubjectType, Severity } from "@/db/schema/enums";
import { FilterForm, SearchFilter, SelectFilter } from "@/components/ui/filter-form";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import { enumOptions } from "@/lib/labels";
import { ruleOptions } from "./rules";

/** The flag register's filters. Severities worst first, as the register sorts. */
export function FlagFilters({
  q,
  status,
  severity,
  rule,
  subject,
}: {
  q?: string;
  status: string;
  severity?: Severity;
  rule?: string;
  subject?: FlagSubjectType;
}) {
  const t = useTranslations("flags");
  const locale = useUiLocale();
  return (
    <FilterForm action="/flags" label={t("filters.label")} values={[q, status, severity, rule, subject]}>
      <SearchFilter id="flag-q" label={t("filters.search")} value={q} placeholder={t("filters.searchPlaceholder")} className="w-48" />
      <SelectFilter id="flag-status" name="status" label={t("filters.status")} value={status} options={enumOptions("flagStatusFilter", locale)} anyLabel={null} />
      <SelectFilter id="flag-severity" name="severity" label={t("filters.severity")} value={severity} options={enumOptions("severity", locale).reverse()} />
      <SelectFilter id="flag-rule" name="rule" label={t("filters.rule")} value={rule} options={ruleOptions(locale)} className="max-w-xs" />
      <SelectFilter id="flag-subject" name="subject" label={t("filters.subject")} value={subject} options={enumOptions("flagSubjectType", locale)} />
    </FilterForm>
  );
}
