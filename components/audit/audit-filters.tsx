import { FilterForm, SelectFilter } from "@/components/ui/filter-form";
import { auditLabel } from "./format";

/** The audit trail's filters; a record id from a "full history" link is kept across changes. */
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
  const options = (values: readonly string[]) => values.map((value) => ({ value, label: auditLabel(value) }));
  return (
    <FilterForm action="/audit" label="Filter audit events" values={[recordType, action, recordId]}>
      <SelectFilter id="audit-record-type" name="recordType" label="Record type" value={recordType} options={options(recordTypes)} />
      <SelectFilter id="audit-action" name="action" label="Action" value={action} options={options(actions)} />
      {recordId && <input type="hidden" name="recordId" value={recordId} />}
    </FilterForm>
  );
}
