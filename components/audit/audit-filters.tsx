import { useTranslations } from "next-intl";
import { FilterForm, SelectFilter } from "@/components/ui/filter-form";
import { auditActionLabel, auditRecordTypeLabel } from "./labels";

/**
 * The audit trail's filters; a record id from a "full history" link is kept across changes. The options' values
 * are the stored codes (the URL's), their labels the words; sorted by the words, as a reader looks for them.
 */
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
  const t = useTranslations("audit");
  const options = (values: readonly string[], label: (value: string) => string) =>
    values.map((value) => ({ value, label: label(value) })).sort((a, b) => a.label.localeCompare(b.label));
  return (
    <FilterForm action="/audit" label={t("filters.label")} values={[recordType, action, recordId]}>
      <SelectFilter
        id="audit-record-type"
        name="recordType"
        label={t("filters.recordType")}
        value={recordType}
        options={options(recordTypes, (value) => auditRecordTypeLabel(t, value))}
      />
      <SelectFilter id="audit-action" name="action" label={t("filters.action")} value={action} options={options(actions, (value) => auditActionLabel(t, value))} />
      {recordId && <input type="hidden" name="recordId" value={recordId} />}
    </FilterForm>
  );
}
