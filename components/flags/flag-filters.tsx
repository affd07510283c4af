import { FLAG_SUBJECT_TYPES, SEVERITIES, type FlagSubjectType, type Severity } from "@/db/schema/enums";
import { FilterForm, SearchFilter, SelectFilter, enumOptions } from "@/components/ui/filter-form";
import { RULE_OPTIONS } from "./rules";

const STATUS_OPTIONS = [
  { value: "open", label: "Open" },
  { value: "accepted", label: "Accepted" },
  { value: "resolved", label: "Resolved" },
  { value: "all", label: "All statuses" },
];

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
  return (
    <FilterForm action="/flags" label="Filter flags" values={[q, status, severity, rule, subject]}>
      <SearchFilter id="flag-q" label="Search" value={q} placeholder="Rule or processor" className="w-48" />
      <SelectFilter id="flag-status" name="status" label="Status" value={status} options={STATUS_OPTIONS} anyLabel={null} />
      <SelectFilter id="flag-severity" name="severity" label="Severity" value={severity} options={enumOptions([...SEVERITIES].reverse())} />
      <SelectFilter
        id="flag-rule"
        name="rule"
        label="Rule"
        value={rule}
        options={RULE_OPTIONS.map((option) => ({ value: option.id, label: option.title }))}
        className="max-w-xs"
      />
      <SelectFilter id="flag-subject" name="subject" label="Subject" value={subject} options={enumOptions(FLAG_SUBJECT_TYPES)} />
    </FilterForm>
  );
}
