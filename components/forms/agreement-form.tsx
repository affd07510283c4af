"use client";

import { useTranslations } from "next-intl";
import { FormProvider, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { createAgreementBody, updateAgreementBody } from "@/lib/api/contracts/agreements";
import { CategoryMultiSelect, type CategoryOption } from "./category-multi-select";
import { CheckboxField } from "./checkbox-field";
import { DateField } from "./date-field";
import type { FlagPreview } from "./flag-preview";
import { FormError } from "./form-error";
import { PredictedFlagsPanel } from "./predicted-flags-panel";
import { SelectField, type Option } from "./select-field";
import { TextField } from "./text-field";
import { modeActions, useRecordForm, type RecordFormMode } from "./use-record-form";

/** The fields the agreement form shows, as the contract (lib/api/contracts/agreements.ts) accepts them. */
export interface AgreementFormValues {
  type: string;
  sccModule: string | null;
  signedDate: string | null;
  effectiveDate: string | null;
  expiryDate: string | null;
  permitsSubprocessing: boolean;
  flowDown: boolean;
  documentRef: string | null;
  coversAllTransfers: boolean;
  transferIds: string[];
  notes: string | null;
}

export interface AgreementFormOptions {
  types: Option[];
  sccModules: Option[];
  /** The processor's transfers, which the agreement may cover one by one. */
  transfers: CategoryOption[];
}

type ModeProps = RecordFormMode<AgreementFormValues & { version: number }, AgreementFormValues & { processorId: string }>;

/** An agreement covering all transfers lists none: a ticked list left behind by the user is dropped. */
function listedOnly(values: unknown): unknown {
  const agreement = values as AgreementFormValues;
  return agreement.coversAllTransfers ? { ...agreement, transferIds: [] } : agreement;
}

/**
 * Creates or edits a safeguard agreement. An agreement changes the flags of its processor's transfers (no
 * contract, undocumented mechanism) and of itself (expired, expiring): the prediction shows which it
 * resolves and which it raises, before saving.
 */
export function AgreementForm(props: ModeProps & { currentFlags: FlagPreview[]; options: AgreementFormOptions }) {
  const t = useTranslations("forms.agreement");
  const tf = useTranslations("forms");
  const creating = props.mode === "create";
  const { form, prediction, formError, saving, onSubmit } = useRecordForm<AgreementFormValues>({
    schema: creating ? createAgreementBody : updateAgreementBody,
    initial: props.initial,
    ...modeActions(props, listedOnly),
    detailPath: (id) => `/agreements/${id}`,
  });
  const coversAll = useWatch({ control: form.control, name: "coversAllTransfers" });
  const { options } = props;

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={creating ? t("newLabel") : t("editLabel")} data-testid="agreement-form">
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">{t("legend")}</legend>
            <SelectField name="type" label={t("type")} options={options.types} hint={t("typeHint")} />
            <SelectField name="sccModule" label={t("sccModule")} options={options.sccModules} emptyLabel={t("sccModuleNone")} nullable hint={t("sccModuleHint")} />
            <DateField name="signedDate" label={t("signedDate")} nullable />
            <DateField name="effectiveDate" label={t("effectiveDate")} nullable />
            <DateField name="expiryDate" label={t("expiryDate")} nullable hint={t("expiryDateHint")} />
            <TextField name="documentRef" label={t("documentRef")} nullable hint={t("documentRefHint")} />
            <CheckboxField name="permitsSubprocessing" label={t("permitsSubprocessing")} className="sm:col-span-2" />
            <CheckboxField name="flowDown" label={t("flowDown")} className="sm:col-span-2" />
          </fieldset>
          <fieldset className="space-y-3">
            <legend className="mb-2 text-lg font-semibold">{t("coverage")}</legend>
            <CheckboxField name="coversAllTransfers" label={t("coversAll")} />
            {!coversAll &&
              (options.transfers.length > 0 ? (
                <CategoryMultiSelect name="transferIds" label={t("coveredTransfers")} options={options.transfers} showKeys={false} />
              ) : (
                <p className="text-sm text-slate-700">{t("noTransfer")}</p>
              ))}
          </fieldset>
          <TextField name="notes" label={tf("notes")} multiline nullable />
          <FormError error={formError} />
          <Button type="submit" disabled={saving}>
            {saving ? tf("saving") : creating ? t("create") : t("save")}
          </Button>
        </form>
      </FormProvider>

      <PredictedFlagsPanel
        current={props.currentFlags}
        prediction={prediction}
        title={t("predicted")}
        showSubject
        emptyText={t("predictedEmpty")}
      />
    </div>
  );
}
