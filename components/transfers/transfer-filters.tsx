import Link from "next/link";
import { TRANSFER_MECHANISMS, TRANSFER_STATUSES, type TransferMechanism, type TransferStatus } from "@/db/schema/enums";
import { MECHANISM_LABELS, countryLabel } from "./labels";

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
const labelClass = "block text-xs font-medium text-slate-600";

export interface TransferFilterValues {
  q?: string;
  destination?: string;
  mechanism?: TransferMechanism;
  encryption?: "none" | "any";
  status?: TransferStatus;
  processor?: string;
}

/** The transfer register's filters: a plain GET form, so that a URL reproduces the view. */
export function TransferFilters({
  values,
  destinations,
  processors,
}: {
  values: TransferFilterValues;
  /** Destination countries present in the register. */
  destinations: readonly { country: string; count: number }[];
  processors: readonly { id: string; name: string }[];
}) {
  const destinationOptions = [...destinations]
    .map((row) => ({ code: row.country, name: countryLabel(row.country), count: row.count }))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
  if (values.destination && !destinationOptions.some((option) => option.code === values.destination)) {
    destinationOptions.unshift({ code: values.destination, name: countryLabel(values.destination), count: 0 });
  }
  const processorOptions = [...processors];
  if (values.processor && !processorOptions.some((option) => option.id === values.processor)) {
    processorOptions.unshift({ id: values.processor, name: "(selected processor)" });
  }

  return (
    // Keyed by the values: defaultValue applies on mount only, and a client-side navigation keeps the form.
    <form
      key={JSON.stringify(values)}
      role="search"
      aria-label="Filter transfers"
      action="/transfers"
      className="flex flex-wrap items-end gap-3"
    >
      <div>
        <label htmlFor="transfer-q" className={labelClass}>
          Processor name
        </label>
        <input
          id="transfer-q"
          name="q"
          type="search"
          defaultValue={values.q ?? ""}
          placeholder="Search processors"
          className="w-52 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        />
      </div>
      <div>
        <label htmlFor="transfer-processor" className={labelClass}>
          Processor
        </label>
        <select id="transfer-processor" name="processor" defaultValue={values.processor ?? ""} className={`${selectClass} max-w-56`}>
          <option value="">Any</option>
          {processorOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="transfer-destination" className={labelClass}>
          Destination
        </label>
        <select id="transfer-destination" name="destination" defaultValue={values.destination ?? ""} className={`${selectClass} max-w-56`}>
          <option value="">Any</option>
          {destinationOptions.map((option) => (
            <option key={option.code} value={option.code}>
              {option.name} ({option.count.toLocaleString("en-US")})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="transfer-mechanism" className={labelClass}>
          Mechanism
        </label>
        <select id="transfer-mechanism" name="mechanism" defaultValue={values.mechanism ?? ""} className={selectClass}>
          <option value="">Any</option>
          {TRANSFER_MECHANISMS.map((value) => (
            <option key={value} value={value}>
              {MECHANISM_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="transfer-encryption" className={labelClass}>
          Encryption in transit
        </label>
        <select id="transfer-encryption" name="encryption" defaultValue={values.encryption ?? ""} className={selectClass}>
          <option value="">Any</option>
          <option value="none">None (unencrypted)</option>
          <option value="any">Encrypted</option>
        </select>
      </div>
      <div>
        <label htmlFor="transfer-status" className={labelClass}>
          Status
        </label>
        <select id="transfer-status" name="status" defaultValue={values.status ?? ""} className={selectClass}>
          <option value="">Any</option>
          {TRANSFER_STATUSES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
        Apply
      </button>
      <Link href="/transfers" className="px-1 py-1.5 text-sm text-brand-700 underline">
        Reset
      </Link>
    </form>
  );
}
