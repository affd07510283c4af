"use client";

import { useTranslations } from "next-intl";
import { FormProvider, useFormContext } from "react-hook-form";
import { FormError } from "@/components/forms/form-error";
import type { FlagPreview } from "@/components/forms/flag-preview";
import { PredictedFlagsPanel } from "@/components/forms/predicted-flags-panel";
import { SelectField, type Option } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { modeActions, useRecordForm, type RecordFormMode } from "@/components/forms/use-record-form";
import { Button } from "@/components/ui/button";
import { createEntityBody, updateEntityBody } from "@/lib/api/contracts/entities";

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
  const t = useTranslations("entities");
  const { register } = useFormContext();
  return (
    <div className="sm:col-span-2">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" aria-describedby="entity-ciio-hint" {...register("ciio")} />
        {t("form.ciio")}
      </label>
      <p id="entity-ciio-hint" className="mt-1 text-sm text-slate-600">
        {t("ciioExplanation")}
      </p>
    </div>
  );
}

/**
 * Creates or edits one of the organisation's legal entities with the server's schema. An entity's country feeds
 * the rules of every transfer it exports: the prediction shows the flags of the processors receiving them.
 */
export function EntityForm(props: ModeProps & { currentFlags: FlagPreview[]; options: EntityFormOptions }) {
  const t = useTranslations("entities");
  const tf = useTranslations("forms");
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
        <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={creating ? t("form.newLabel") : t("form.editLabel")} data-testid="entity-form">
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">{t("form.entity")}</legend>
            <TextField name="name" label={t("form.name")} hint={t("form.nameHint")} />
            <TextField name="legalName" label={t("form.legalName")} nullable hint={t("form.legalNameHint")} />
            <SelectField name="country" label={t("form.country")} options={options.countries} emptyLabel={t("form.chooseCountry")} />
            <SelectField
              name="role"
              label={t("form.role")}
              options={options.roles}
              hint={t("form.roleHint")}
            />
            <div className="sm:col-span-2">
              <TextField name="address" label={t("form.address")} multiline nullable />
            </div>
            <TextField name="phone" label={t("form.phone")} nullable />
          </fieldset>
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">{t("form.contacts")}</legend>
            <div className="sm:col-span-2">
              <TextField
                name="dpoContact"
                label={t("form.dpo")}
                multiline
                nullable
                hint={t("form.dpoHint")}
              />
            </div>
            <p className="text-sm text-slate-600 sm:col-span-2" id="entity-representatives-hint">
              {t("representativeExplanation")}
            </p>
            <TextField name="representativeContact" label={t("form.euRepresentative")} multiline nullable hint={t("form.representativeHint")} />
            <TextField name="ukRepresentativeContact" label={t("form.ukRepresentative")} multiline nullable hint={t("form.representativeHint")} />
          </fieldset>
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">{t("form.china")}</legend>
            <CiioField />
          </fieldset>
          <FormError error={formError} />
          <Button type="submit" disabled={saving}>
            {saving ? tf("saving") : creating ? t("form.create") : t("form.save")}
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
