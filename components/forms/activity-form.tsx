"use client";

import { useEffect } from "react";
import { FormProvider, useWatch } from "react-hook-form";
import { useTranslations } from "next-intl";
import { subjectCategoryLabel } from "@/components/activities/subject-categories";
import { Button } from "@/components/ui/button";
import { createActivityBody, updateActivityBody } from "@/lib/api/contracts/activities";
import { ChecklistField, YesNoUnknownField } from "./activity-form-fields";
import { CategoryMultiSelect } from "./category-multi-select";
import { CheckboxField } from "./checkbox-field";
import type { FlagPreview } from "./flag-preview";
import { FormError } from "./form-error";
import { PredictedFlagsPanel } from "./predicted-flags-panel";
import { SelectField, type Option } from "./select-field";
import { TextField } from "./text-field";
import { modeActions, useRecordForm, type RecordFormMode } from "./use-record-form";

/** The Art. 30 description the activity form edits, as the contract (lib/api/contracts/activities.ts) accepts it. */
export interface ActivityFormValues {
  name: string;
  purpose: string;
  legalBasis: string;
  legitimateInterest: string | null;
  art9Condition: string | null;
  disclosureType: string;
  dataSubjectCategories: string[];
  retentionPeriod: string | null;
  securityMeasures: string | null;
  /** The CNIL model register's checklist. */
  securityChecklist: string[];
  applications: string | null;
  source: string | null;
  /* The UK ICO controller template's remaining columns. */
  liaReference: string | null;
  consentRecordReference: string | null;
  breachOccurred: boolean;
  breachRecordReference: string | null;
  schedule1Condition: string | null;
  policyDocumentReference: string | null;
  retainedPerPolicy: boolean | null;
  policyDeviationReason: string | null;
}

export interface ActivityFormOptions {
  /** The company's entities; only a new activity picks its controller. */
  controllers: Option[];
  legalBases: Option[];
  art9Conditions: Option[];
  disclosureTypes: Option[];
  /** The CNIL checklist's measures, in its order. */
  securityMeasures: Option[];
  /** Categories of data subjects as stored; the form names the common ones in the reader's language. */
  dataSubjectCategories: string[];
}

type ModeProps = RecordFormMode<ActivityFormValues & { version: number }, ActivityFormValues & { controllerEntityId: string }>;

/**
 * Creates or edits a processing activity (a GDPR Art. 30(1) record). Its retention, Art. 9 condition and
 * disclosure type feed the rules of every transfer made for it: the prediction shows their flags. The CNIL
 * checklist and the UK ICO template's fields (LIA, consent and breach records, DPA 2018 Schedule 1 block) are
 * for the regulators' exports; no rule reads them.
 */
export function ActivityForm(props: ModeProps & { currentFlags: FlagPreview[]; options: ActivityFormOptions }) {
  const t = useTranslations("activities");
  const creating = props.mode === "create";
  const { form, prediction, formError, saving, onSubmit } = useRecordForm<ActivityFormValues>({
    schema: creating ? createActivityBody : updateActivityBody,
    initial: props.initial,
    ...modeActions(props),
    detailPath: (id) => `/activities/${id}`,
  });
  const { options } = props;
  const [breachOccurred, retainedPerPolicy] = useWatch({ control: form.control, name: ["breachOccurred", "retainedPerPolicy"] });

  // A hidden field must not keep what it said: a breach record without a breach, or a reason for a deviation
  // that is no longer one, would be refused by the contract (or kept, misleading, in the ICO export).
  useEffect(() => {
    if (!breachOccurred && form.getValues("breachRecordReference") !== null) form.setValue("breachRecordReference", null);
  }, [breachOccurred, form]);
  useEffect(() => {
    if (retainedPerPolicy !== false && form.getValues("policyDeviationReason") !== null) form.setValue("policyDeviationReason", null);
  }, [retainedPerPolicy, form]);

  const linkHint = (key: string) => t("form.linkHint", { what: t(`form.hints.${key}`) });

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={creating ? t("form.newLabel") : t("form.editLabel")} data-testid="activity-form">
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">{t("form.lawfulness")}</legend>
            <TextField name="name" label={t("fields.name")} />
            {creating && <SelectField name="controllerEntityId" label={t("fields.controller")} options={options.controllers} emptyLabel={t("form.chooseEntity")} />}
            <div className="sm:col-span-2">
              <TextField name="purpose" label={t("fields.purpose")} multiline />
            </div>
            <SelectField name="legalBasis" label={t("fields.legalBasis")} options={options.legalBases} />
            <SelectField
              name="art9Condition"
              label={t("fields.art9Condition")}
              options={options.art9Conditions}
              emptyLabel={t("form.noArt9")}
              nullable
              hint={t("form.hints.art9Condition")}
            />
            <div className="sm:col-span-2">
              <TextField name="legitimateInterest" label={t("fields.legitimateInterest")} multiline nullable hint={t("form.hints.legitimateInterest")} />
            </div>
            <SelectField name="disclosureType" label={t("fields.disclosureType")} options={options.disclosureTypes} hint={t("form.hints.disclosureType")} />
          </fieldset>
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">{t("form.art30")}</legend>
            <div className="sm:col-span-2">
              <CategoryMultiSelect
                name="dataSubjectCategories"
                label={t("fields.dataSubjectCategories")}
                options={options.dataSubjectCategories.map((value) => ({ key: value, label: subjectCategoryLabel(value, (id) => t(`subjects.${id}`)) }))}
                showKeys={false}
              />
            </div>
            <TextField name="retentionPeriod" label={t("fields.retentionPeriod")} nullable hint={t("form.hints.retentionPeriod")} />
            <TextField name="source" label={t("fields.source")} nullable />
            <div className="sm:col-span-2">
              <TextField name="securityMeasures" label={t("fields.securityMeasures")} multiline nullable />
            </div>
            <div className="sm:col-span-2">
              <ChecklistField name="securityChecklist" legend={t("fields.securityChecklist")} hint={t("form.hints.securityChecklist")} options={options.securityMeasures} />
            </div>
            <div className="sm:col-span-2">
              <TextField name="applications" label={t("fields.applications")} nullable hint={t("form.hints.applications")} />
            </div>
          </fieldset>
          <fieldset className="grid gap-4 sm:grid-cols-2" data-testid="activity-ico-fields">
            <legend className="mb-2 text-lg font-semibold">{t("form.ico")}</legend>
            <p className="text-sm text-slate-700 sm:col-span-2">{t("form.icoIntro")}</p>
            <TextField name="liaReference" label={t("fields.liaReference")} nullable hint={linkHint("liaReference")} />
            <TextField name="consentRecordReference" label={t("fields.consentRecordReference")} nullable hint={linkHint("consentRecordReference")} />
            <div className="sm:col-span-2">
              <CheckboxField name="breachOccurred" label={t("form.breachOccurred")} />
            </div>
            {breachOccurred && (
              <div className="sm:col-span-2">
                <TextField name="breachRecordReference" label={t("fields.breachRecordReference")} nullable hint={linkHint("breachRecordReference")} />
              </div>
            )}
            <div className="sm:col-span-2">
              <TextField name="schedule1Condition" label={t("fields.schedule1Condition")} nullable hint={t("form.hints.schedule1Condition")} />
            </div>
            <TextField name="policyDocumentReference" label={t("fields.policyDocumentReference")} nullable hint={linkHint("policyDocumentReference")} />
            <YesNoUnknownField
              name="retainedPerPolicy"
              label={t("fields.retainedPerPolicy")}
              words={{ unknown: t("form.notAssessed"), yes: t("form.yes"), no: t("form.no") }}
            />
            {retainedPerPolicy === false && (
              <div className="sm:col-span-2">
                <TextField name="policyDeviationReason" label={t("fields.policyDeviationReason")} multiline nullable />
              </div>
            )}
          </fieldset>
          <FormError error={formError} />
          <Button type="submit" disabled={saving}>
            {saving ? t("form.saving") : creating ? t("form.create") : t("form.save")}
          </Button>
        </form>
      </FormProvider>

      <PredictedFlagsPanel
        current={props.currentFlags}
        prediction={prediction}
        title={t("form.predictedTitle")}
        showSubject
        emptyText={creating ? t("form.predictedEmptyNew") : t("form.predictedEmpty")}
      />
    </div>
  );
}
