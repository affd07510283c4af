"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("forms.processor");
  const tf = useTranslations("forms");
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
        <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={creating ? t("newLabel") : t("editLabel")} data-testid="processor-form">
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">{t("who")}</legend>
            <TextField name="name" label={t("name")} />
            <TextField name="legalName" label={t("legalName")} nullable />
            <TextField name="website" label={t("website")} type="url" nullable hint={t("websiteHint")} />
            <SelectField name="country" label={t("country")} options={options.countries} />
            <SelectField name="role" label={t("role")} options={options.roles} />
            <SelectField name="service" label={t("service")} options={options.services} />
            <SelectField
              name="parentProcessorId"
              label={t("parent")}
              options={options.parents}
              emptyLabel={t("parentNone")}
              nullable
              hint={t("parentHint")}
            />
            <SelectField name="ownerUserId" label={t("owner")} options={options.owners} emptyLabel={t("ownerNone")} nullable />
          </fieldset>
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">{t("certifications")}</legend>
            <CheckboxField name="dpfCertified" label={t("dpfCertified")} className="sm:col-span-2" />
            <DateField name="dpfExpiry" label={t("dpfExpiry")} nullable />
            <CheckboxField name="dpfUkExtension" label={t("dpfUkExtension")} className="sm:col-span-2" />
            <CheckboxField name="coveredPerson" label={t("coveredPerson")} className="sm:col-span-2" />
            <div className="sm:col-span-2">
              <TextField name="notes" label={tf("notes")} multiline nullable />
            </div>
          </fieldset>
          <FormError error={formError} />
          <Button type="submit" disabled={saving}>
            {saving ? tf("saving") : creating ? t("create") : t("save")}
          </Button>
        </form>
      </FormProvider>

      <PredictedFlagsPanel
        current={props.currentFlags}
        prediction={prediction}
        title={creating ? t("predictedCreate") : t("predictedEdit")}
        showSubject
        emptyText={t("predictedEmpty")}
      />
    </div>
  );
}
