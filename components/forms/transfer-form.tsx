"use client";

import { FormProvider } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { createTransferBody, updateTransferBody } from "@/lib/api/contracts/transfers";
import { CategoryMultiSelect, type CategoryOption } from "./category-multi-select";
import { CheckboxField } from "./checkbox-field";
import { DateField } from "./date-field";
import type { FlagPreview } from "./flag-preview";
import { FormError } from "./form-error";
import { PredictedFlagsPanel } from "./predicted-flags-panel";
import { SelectField, type Option } from "./select-field";
import { TextField } from "./text-field";
import type { TransferCreateValues, TransferEditValues } from "./transfer-form-types";
import { DojExemptionFields, PiplFields } from "./transfer-legal-fields";
import { modeActions, useRecordForm, type RecordFormMode } from "./use-record-form";

export interface TransferFormOptions {
  /** Today (YYYY-MM-DD): the latest PIPIA date the picker offers. */
  today: string;
  countries: Option[];
  accessTypes: Option[];
  volumeUnits: Option[];
  frequencies: Option[];
  encryptionInTransit: Option[];
  encryptionAtRest: Option[];
  mechanisms: Option[];
  dojExemptions: Option[];
  piplExemptions: Option[];
}

/** The create form's extra choices: where the flow comes from and what it carries. */
export interface TransferCreateOptions {
  activities: Option[];
  exporters: Option[];
  subjectRegions: CategoryOption[];
  dataCategories: CategoryOption[];
}

/** The create form also picks where the flow comes from and what it carries. */
type Mode = RecordFormMode<TransferEditValues, TransferCreateValues>;
/** An edit does not change the origin, but its PIPL section opens for an export from China. */
type ModeProps =
  | (Extract<Mode, { mode: "edit" }> & { originCountry: string })
  | (Extract<Mode, { mode: "create" }> & { createOptions: TransferCreateOptions });

/**
 * Creates or edits a transfer with the server's own schema; shows, before saving, which flags the change
 * leaves open and which it resolves. A stale version is reported with who changed the record and when.
 */
export function TransferForm(props: ModeProps & { currentFlags: FlagPreview[]; options: TransferFormOptions }) {
  const creating = props.mode === "create";
  const { form, prediction, formError, saving, onSubmit } = useRecordForm<TransferEditValues | TransferCreateValues>({
    schema: creating ? createTransferBody : updateTransferBody,
    initial: props.initial,
    ...modeActions(props),
    detailPath: (id) => `/transfers/${id}`,
  });
  const { options } = props;

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={creating ? "New transfer" : "Edit transfer"}>
          {props.mode === "create" && (
            <fieldset className="grid gap-4 sm:grid-cols-2">
              <legend className="mb-2 text-lg font-semibold">What flows, from where</legend>
              <SelectField name="activityId" label="Processing activity" options={props.createOptions.activities} emptyLabel="Choose an activity" />
              <SelectField name="exporterEntityId" label="Exporting entity" options={props.createOptions.exporters} emptyLabel="Choose an entity" />
              <SelectField name="originCountry" label="Origin (where the data sits)" options={options.countries} />
              <div className="sm:col-span-2">
                <CategoryMultiSelect name="subjectRegions" label="Where the people live" options={props.createOptions.subjectRegions} />
              </div>
              <div className="sm:col-span-2">
                <CategoryMultiSelect name="dataCategories" label="Data categories" options={props.createOptions.dataCategories} />
              </div>
            </fieldset>
          )}
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">Where and how much</legend>
            <SelectField name="destinationCountry" label="Destination" options={options.countries} />
            <SelectField name="accessType" label="Access" options={options.accessTypes} hint="Remote access from another country is a transfer too." />
            <TextField name="estimatedSubjects" label="People or devices per 12 months" type="number" />
            <SelectField name="volumeUnit" label="Counted as" options={options.volumeUnits} />
            <SelectField name="frequency" label="Frequency" options={options.frequencies} />
          </fieldset>
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">How it is protected</legend>
            <SelectField name="encryptionInTransit" label="Encryption in transit" options={options.encryptionInTransit} />
            <SelectField name="encryptionAtRest" label="Encryption at rest" options={options.encryptionAtRest} />
            <SelectField name="mechanism" label="Transfer mechanism" options={options.mechanisms} />
            <DateField name="tiaDate" label="Transfer impact assessment date" nullable />
            <CheckboxField name="cisaRequirementsMet" label="CISA security requirements met (US DOJ rule, 28 CFR 202.248)" className="sm:col-span-2" />
          </fieldset>
          <DojExemptionFields exemptions={options.dojExemptions} />
          <PiplFields fixedOrigin={props.mode === "edit" ? props.originCountry : undefined} exemptions={options.piplExemptions} today={options.today} />
          <TextField name="notes" label="Notes" multiline nullable />
          <FormError error={formError} />
          <div className="flex gap-3">
            <Button type="submit" disabled={saving}>
              {saving ? "Saving…" : creating ? "Create transfer" : "Save transfer"}
            </Button>
          </div>
        </form>
      </FormProvider>

      <PredictedFlagsPanel
        current={props.currentFlags}
        prediction={prediction}
        title={creating ? "Flags of this processor after saving" : "Flags after this change"}
        showSubject={creating}
        emptyText={creating ? "No open flag: this processor would have none." : "No open flag: this transfer would raise nothing."}
      />
    </div>
  );
}
