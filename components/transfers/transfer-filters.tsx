import { FilterForm, SearchFilter, SelectFilter, enumOptions } from "@/components/ui/filter-form";
import { SEVERITIES, TRANSFER_MECHANISMS, TRANSFER_STATUSES } from "@/db/schema/enums";
import type { TransferPageQuery } from "@/lib/api/contracts/transfers";
import { MECHANISM_LABELS, countryLabel } from "./labels";

/** The register's URL values (lib/api/contracts/transfers.ts): the filters and the column choice, which applying the filters keeps. */
export type TransferFilterValues = TransferPageQuery;

/** The classifications that make a category sensitive (DOMAIN.md §4). */
interface CategoryOption {
  key: string;
  name: string;
  gdprSpecial: boolean;
  ccpaSensitive: boolean;
  piplSensitive: boolean;
  dojCategory: string;
}

function isSensitive(category: CategoryOption): boolean {
  return category.gdprSpecial || category.ccpaSensitive || category.piplSensitive || category.dojCategory !== "none";
}

/** The transfer register's filters: a plain GET form, so that a URL reproduces the view. */
export function TransferFilters({
  values,
  destinations,
  processors,
  categories,
}: {
  values: TransferFilterValues;
  /** Destination countries present in the register. */
  destinations: readonly { country: string; count: number }[];
  processors: readonly { id: string; name: string }[];
  /** Every data category; a parent key also matches its descendants. */
  categories: readonly CategoryOption[];
}) {
  const destinationOptions = [...destinations]
    .map((row) => ({ code: row.country, name: countryLabel(row.country), count: row.count }))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
  if (values.destination && !destinationOptions.some((option) => option.code === values.destination)) {
    destinationOptions.unshift({ code: values.destination, name: countryLabel(values.destination), count: 0 });
  }
  const processorOptions = [...processors];
  if (values.processorId && !processorOptions.some((option) => option.id === values.processorId)) {
    processorOptions.unshift({ id: values.processorId, name: "(selected processor)" });
  }

  return (
    <FilterForm action="/transfers" label="Filter transfers" values={values}>
      {values.cols && <input type="hidden" name="cols" value={values.cols} />}
      <SearchFilter id="transfer-q" label="Processor name" value={values.q} placeholder="Search processors" className="w-52" />
      <SelectFilter
        id="transfer-processor"
        name="processorId"
        label="Processor"
        value={values.processorId}
        options={processorOptions.map((option) => ({ value: option.id, label: option.name }))}
        className="max-w-56"
      />
      <SelectFilter
        id="transfer-destination"
        name="destination"
        label="Destination"
        value={values.destination}
        options={destinationOptions.map((option) => ({ value: option.code, label: `${option.name} (${option.count.toLocaleString("en-US")})` }))}
        className="max-w-56"
      />
      <SelectFilter
        id="transfer-category"
        name="category"
        label="Data category"
        value={values.category}
        options={categories.map((category) => ({
          value: category.key,
          label: `${category.key} (${category.name})${isSensitive(category) ? " · sensitive" : ""}`,
        }))}
        className="max-w-64"
      />
      <SelectFilter
        id="transfer-sensitive"
        name="sensitive"
        label="Sensitive data"
        value={values.sensitive}
        options={[{ value: "1", label: "Carries sensitive data" }]}
      />
      <SelectFilter id="transfer-severity" name="severity" label="Worst open flag" value={values.severity} options={enumOptions(SEVERITIES)} />
      <SelectFilter id="transfer-mechanism" name="mechanism" label="Mechanism" value={values.mechanism} options={enumOptions(TRANSFER_MECHANISMS, MECHANISM_LABELS)} />
      <SelectFilter
        id="transfer-encryption"
        name="encryption"
        label="Encryption in transit"
        value={values.encryption}
        options={[
          { value: "none", label: "None (unencrypted)" },
          { value: "any", label: "Encrypted" },
        ]}
      />
      <SelectFilter id="transfer-status" name="status" label="Status" value={values.status} options={enumOptions(TRANSFER_STATUSES)} />
    </FilterForm>
  );
}
