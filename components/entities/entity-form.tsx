"use client";

import { FormProvider, useFormContext } from "react-hook-form";
import { FormError } from "@/components/forms/form-error";
import type { FlagPreview } from "@/components/forms/flag-preview";
import { PredictedFlagsPanel } from "@/components/forms/predicted-flags-panel";
import { SelectField, type Option } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { modeActions, useRecordForm, type RecordFormMode } from "@/components/forms/use-record-form";
import { Button } from "@/components/ui/button";
import { createEntityBody, updateEntityBody } from "@/lib/api/contracts/entities";
import { CIIO_EXPLANATION, REPRESENTATIVE_EXPLANATION } from "./labels";

/** The fields the entity form shows, as the entities contract (lib/api/contracts/entities.ts) accepts them. */
export interface EntityFormValues {
  name: string;
  legalName: string | null;
  country: string;
  role: string;
  address: string | null;
  phone: string | null;
  dpoContact: string | null;
  representativeContact: string | null;
  ukRepresentativeContact: string | null;
  ciio: boolean;
}

export interface EntityFormOptions {
  countries: Option[];
  roles: Option[];
}

type ModeProps = RecordFormMode<EntityFormValues & { version: number }, EntityFormValues>;

/** The CIIO checkbox with what it means: the explanation is the checkbox's description for screen readers too. */
function CiioField() {
  const { register } = useFormContext();
  return (
    <div className="sm:col-span-2">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" aria-describedby="entity-ciio-hint" {...register("ciio")} />
        Critical information infrastructure operator (China, PIPL Art. 40)
      </label>
      <p id="entity-ciio-hint" className="mt-1 text-sm text-slate-600">
        {CIIO_EXPLANATION}
      </p>
    </div>
  );
}

/**
 * Creates or edits one of the organisation's legal entities with the server's schema. An entity's country feeds
 * the rules of every transfer it exports: the prediction shows the flags of the processors receiving them.
 */
export function EntityForm(props: ModeProps & { currentFlags: FlagPreview[]; options: EntityFormOptions }) {
  const creating = props.mode === "create";
  const { form, prediction, formError, saving, onSubmit } = useRecordForm<EntityFormValues>({
    schema: creating ? createEntityBody : updateEntityBody,
    initial: props.initial,
    ...modeActions(props),
    detailPath: (id) => `/organisation/entities/${id}`,
  });
  const { options } = props;

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={creating ? "New entity" : "Edit entity"} data-testid="entity-form">
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">The entity</legend>
            <TextField name="name" label="Name" hint="The short name the registers and the import use; unique." />
            <TextField name="legalName" label="Legal name" nullable hint="As registered, for the Art. 30 record." />
            <SelectField name="country" label="Country" options={options.countries} emptyLabel="Choose a country" />
            <SelectField
              name="role"
              label="Role"
              options={options.roles}
              hint="Controller: it decides why and how the data is processed. Processor: it processes for another group company."
            />
            <div className="sm:col-span-2">
              <TextField name="address" label="Address" multiline nullable />
            </div>
            <TextField name="phone" label="Phone" nullable />
          </fieldset>
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">Contacts on the record of processing</legend>
            <div className="sm:col-span-2">
              <TextField
                name="dpoContact"
                label="Data protection officer"
                multiline
                nullable
                hint="Name and contact details of the DPO (GDPR Art. 37(7)); the Art. 30 record names them (Art. 30(1)(a))."
              />
            </div>
            <p className="text-sm text-slate-600 sm:col-span-2" id="entity-representatives-hint">
              {REPRESENTATIVE_EXPLANATION}
            </p>
            <TextField name="representativeContact" label="Representative in the EU (GDPR Art. 27)" multiline nullable hint="Name, address and contact." />
            <TextField name="ukRepresentativeContact" label="Representative in the UK (UK GDPR Art. 27)" multiline nullable hint="Name, address and contact." />
          </fieldset>
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">China</legend>
            <CiioField />
          </fieldset>
          <FormError error={formError} />
          <Button type="submit" disabled={saving}>
            {saving ? "Saving…" : creating ? "Create entity" : "Save entity"}
          </Button>
        </form>
      </FormProvider>

      <PredictedFlagsPanel
        current={props.currentFlags}
        prediction={prediction}
        title="Flags of the processors receiving this entity's transfers, after saving"
        showSubject
        emptyText={creating ? "A new entity exports no transfer yet: no flag can change." : "No open flag on the processors receiving this entity's transfers."}
      />
    </div>
  );
}
