"use client";

import { useTranslations } from "next-intl";
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
  const t = useTranslations("forms.transfer");
  const tf = useTranslations("forms");
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
        <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={creating ? t("newLabel") : t("editLabel")}>
          {props.mode === "create" && (
            <fieldset className="grid gap-4 sm:grid-cols-2">
              <legend className="mb-2 text-lg font-semibold">{t("what")}</legend>
              <SelectField name="activityId" label={t("activity")} options={props.createOptions.activities} emptyLabel={t("activityNone")} />
              <SelectField name="exporterEntityId" label={t("exporter")} options={props.createOptions.exporters} emptyLabel={t("exporterNone")} />
              <SelectField name="originCountry" label={t("origin")} options={options.countries} />
              <div className="sm:col-span-2">
                <CategoryMultiSelect name="subjectRegions" label={t("subjectRegions")} options={props.createOptions.subjectRegions} />
              </div>
              <div className="sm:col-span-2">
                <CategoryMultiSelect name="dataCategories" label={t("dataCategories")} options={props.createOptions.dataCategories} />
              </div>
            </fieldset>
          )}
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">{t("where")}</legend>
            <SelectField name="destinationCountry" label={t("destination")} options={options.countries} />
            <SelectField name="accessType" label={t("access")} options={options.accessTypes} hint={t("accessHint")} />
            <TextField name="estimatedSubjects" label={t("estimatedSubjects")} type="number" />
            <SelectField name="volumeUnit" label={t("volumeUnit")} options={options.volumeUnits} />
            <SelectField name="frequency" label={t("frequency")} options={options.frequencies} />
          </fieldset>
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">{t("protection")}</legend>
            <SelectField name="encryptionInTransit" label={t("encryptionInTransit")} options={options.encryptionInTransit} />
            <SelectField name="encryptionAtRest" label={t("encryptionAtRest")} options={options.encryptionAtRest} />
            <SelectField name="mechanism" label={t("mechanism")} options={options.mechanisms} />
            <DateField name="tiaDate" label={t("tiaDate")} nullable />
            <CheckboxField name="cisaRequirementsMet" label={t("cisa")} className="sm:col-span-2" />
          </fieldset>
          <DojExemptionFields exemptions={options.dojExemptions} />
          <PiplFields fixedOrigin={props.mode === "edit" ? props.originCountry : undefined} exemptions={options.piplExemptions} today={options.today} />
          <TextField name="notes" label={tf("notes")} multiline nullable />
          <FormError error={formError} />
          <div className="flex gap-3">
            <Button type="submit" disabled={saving}>
              {saving ? tf("saving") : creating ? t("create") : t("save")}
            </Button>
          </div>
        </form>
      </FormProvider>

      <PredictedFlagsPanel
        current={props.currentFlags}
        prediction={prediction}
        title={creating ? t("predictedCreate") : t("predictedEdit")}
        showSubject={creating}
        emptyText={creating ? t("predictedCreateEmpty") : t("predictedEditEmpty")}
      />
    </div>
  );
}
