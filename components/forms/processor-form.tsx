"use client";

import { FormProvider } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { createProcessorBody, updateProcessorBody } from "@/lib/api/contracts/processors";
import { CheckboxField } from "./checkbox-field";
import { DateField } from "./date-field";
import type { FlagPreview } from "./flag-preview";
import { FormError } from "./form-error";
import { PredictedFlagsPanel } from "./predicted-flags-panel";
import { SelectField, type Option } from "./select-field";
import { TextField } from "./text-field";
import { modeActions, useRecordForm, type RecordFormMode } from "./use-record-form";

/** The fields the processor form shows, as the processors contract (lib/api/contracts/processors.ts) accepts them. */
export interface ProcessorFormValues {
  name: string;
  legalName: string | null;
  website: string | null;
  role: string;
  service: string;
  country: string;
  parentProcessorId: string | null;
  dpfCertified: boolean;
  dpfExpiry: string | null;
  dpfUkExtension: boolean;
  coveredPerson: boolean;
  ownerUserId: string | null;
  notes: string | null;
}

export interface ProcessorFormOptions {
  roles: Option[];
  services: Option[];
  countries: Option[];
  /** Possible parents (the processor itself excluded). */
  parents: Option[];
  owners: Option[];
}

type ModeProps = RecordFormMode<ProcessorFormValues & { version: number }, ProcessorFormValues>;

/**
 * Creates or edits a processor with the server's schema. The prediction covers the processor's own flags and
 * those of its transfers and agreements: a DPF expiry date or a parent change moves flags on its transfers.
 */
export function ProcessorForm(props: ModeProps & { currentFlags: FlagPreview[]; options: ProcessorFormOptions }) {
  const creating = props.mode === "create";
  const { form, prediction, formError, saving, onSubmit } = useRecordForm<ProcessorFormValues>({
    schema: creating ? createProcessorBody : updateProcessorBody,
    initial: props.initial,
    ...modeActions(props),
    detailPath: (id) => `/processors/${id}`,
  });
  const { options } = props;

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={creating ? "New processor" : "Edit processor"} data-testid="processor-form">
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">Who they are</legend>
            <TextField name="name" label="Name" />
            <TextField name="legalName" label="Legal name" nullable />
            <TextField name="website" label="Website" type="url" nullable hint="http or https address" />
            <SelectField name="country" label="Country of establishment" options={options.countries} />
            <SelectField name="role" label="Role" options={options.roles} />
            <SelectField name="service" label="Service" options={options.services} />
            <SelectField
              name="parentProcessorId"
              label="Engaged by (parent processor)"
              options={options.parents}
              emptyLabel="None: engaged directly"
              nullable
              hint="A sub-processor hangs under the processor that engaged it (GDPR Art. 28(2), 28(4))."
            />
            <SelectField name="ownerUserId" label="Internal owner" options={options.owners} emptyLabel="No owner yet" nullable />
          </fieldset>
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">Certifications and status under the US DOJ rule</legend>
            <CheckboxField name="dpfCertified" label="Certified under the EU-US Data Privacy Framework (Decision 2023/1795)" className="sm:col-span-2" />
            <DateField name="dpfExpiry" label="DPF certification valid until" nullable />
            <CheckboxField
              name="dpfUkExtension"
              label="The certification includes the UK Extension (needed for UK data to a US importer)"
              className="sm:col-span-2"
            />
            <CheckboxField
              name="coveredPerson"
              label="Covered person: owned by, or principally based in, a country of concern (28 CFR 202.211)"
              className="sm:col-span-2"
            />
            <div className="sm:col-span-2">
              <TextField name="notes" label="Notes" multiline nullable />
            </div>
          </fieldset>
          <FormError error={formError} />
          <Button type="submit" disabled={saving}>
            {saving ? "Saving…" : creating ? "Create processor" : "Save processor"}
          </Button>
        </form>
      </FormProvider>

      <PredictedFlagsPanel
        current={props.currentFlags}
        prediction={prediction}
        title={creating ? "Flags this processor would raise" : "Flags of this processor after the change"}
        showSubject
        emptyText="No open flag on this processor, its transfers or its agreements."
      />
    </div>
  );
}
