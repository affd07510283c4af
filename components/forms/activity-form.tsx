"use client";

import { FormProvider } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { createActivityBody, updateActivityBody } from "@/lib/api/contracts/activities";
import { CategoryMultiSelect, type CategoryOption } from "./category-multi-select";
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
  source: string | null;
}

export interface ActivityFormOptions {
  /** The company's entities; only a new activity picks its controller. */
  controllers: Option[];
  legalBases: Option[];
  art9Conditions: Option[];
  disclosureTypes: Option[];
  dataSubjectCategories: CategoryOption[];
}

type ModeProps = RecordFormMode<ActivityFormValues & { version: number }, ActivityFormValues & { controllerEntityId: string }>;

/**
 * Creates or edits a processing activity (a GDPR Art. 30(1) record). Its retention, Art. 9 condition and
 * disclosure type feed the rules of every transfer made for it: the prediction shows their flags.
 */
export function ActivityForm(props: ModeProps & { currentFlags: FlagPreview[]; options: ActivityFormOptions }) {
  const creating = props.mode === "create";
  const { form, prediction, formError, saving, onSubmit } = useRecordForm<ActivityFormValues>({
    schema: creating ? createActivityBody : updateActivityBody,
    initial: props.initial,
    ...modeActions(props),
    detailPath: (id) => `/activities/${id}`,
  });
  const { options } = props;

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={creating ? "New processing activity" : "Edit processing activity"} data-testid="activity-form">
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">Purpose and lawfulness</legend>
            <TextField name="name" label="Name" />
            {creating && <SelectField name="controllerEntityId" label="Controller" options={options.controllers} emptyLabel="Choose an entity" />}
            <div className="sm:col-span-2">
              <TextField name="purpose" label="Purpose" multiline />
            </div>
            <SelectField name="legalBasis" label="Legal basis (GDPR Art. 6(1))" options={options.legalBases} />
            <SelectField
              name="art9Condition"
              label="Art. 9(2) condition"
              options={options.art9Conditions}
              emptyLabel="None: no special category"
              nullable
              hint="Required when the activity processes a special category (health, biometrics…)."
            />
            <div className="sm:col-span-2">
              <TextField name="legitimateInterest" label="Legitimate interest" multiline nullable hint="When the legal basis is legitimate interests (Art. 6(1)(f))." />
            </div>
            <SelectField name="disclosureType" label="Disclosure" options={options.disclosureTypes} hint="A sale or data brokerage matters under the CCPA and the US DOJ rule." />
          </fieldset>
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">Art. 30 record</legend>
            <div className="sm:col-span-2">
              <CategoryMultiSelect name="dataSubjectCategories" label="Categories of data subjects" options={options.dataSubjectCategories} showKeys={false} />
            </div>
            <TextField name="retentionPeriod" label="Retention period" nullable hint="Art. 30(1)(f), e.g. 24 months after the account closes." />
            <TextField name="source" label="Source of the data" nullable />
            <div className="sm:col-span-2">
              <TextField name="securityMeasures" label="Security measures" multiline nullable />
            </div>
          </fieldset>
          <FormError error={formError} />
          <Button type="submit" disabled={saving}>
            {saving ? "Saving…" : creating ? "Create activity" : "Save activity"}
          </Button>
        </form>
      </FormProvider>

      <PredictedFlagsPanel
        current={props.currentFlags}
        prediction={prediction}
        title="Flags of the processors receiving this activity's data, after saving"
        showSubject
        emptyText={creating ? "A new activity has no transfer yet: no flag can change." : "No open flag on the processors receiving this activity's data."}
      />
    </div>
  );
}
