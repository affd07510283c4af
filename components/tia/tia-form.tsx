"use client";

import { useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { FormProvider, useFieldArray, useForm, useFormContext } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { DateField } from "@/components/forms/date-field";
import { FormError } from "@/components/forms/form-error";
import { applyServerErrors, type FormLevelError } from "@/components/forms/server-errors";
import { SelectField, type Option } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import { tiaStepFields } from "@/lib/api/contracts/tia";
import type { ActionResult } from "@/lib/auth/guard";
import type { Locale } from "@/lib/i18n/locales";
import { enumOptions } from "@/lib/labels";
import { isoDate } from "@/lib/validation/common";

/** The draft's form: the contract's step fields (the server checks them again), plus the completion date. */
const formSchema = z.object({ ...tiaStepFields, completedOn: isoDate.nullable().optional() });
export type TiaFormValues = z.input<typeof formSchema>;

type Saved = ActionResult<{ id: string; version: number }>;

function Step({ id, title, hint, children }: { id: string; title: string; hint: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`${id}-legend`} data-testid={id}>
      <legend id={`${id}-legend`} className="px-1 text-base font-semibold">
        {title}
      </legend>
      <p className="text-sm text-slate-600">{hint}</p>
      {children}
    </fieldset>
  );
}

function Measures({ locale }: { locale: Locale }) {
  const t = useTranslations("tia");
  const { control } = useFormContext<TiaFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "measures" });
  const kinds = enumOptions("supplementaryMeasureKind", locale);
  return (
    <div className="space-y-3">
      {fields.length === 0 && <p className="text-sm text-slate-600">{t("form.noMeasure")}</p>}
      {fields.map((field, index) => (
        <div key={field.id} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[12rem_1fr_auto]" data-testid="tia-measure">
          <SelectField name={`measures.${index}.kind`} label={t("form.measureKind", { number: index + 1 })} options={kinds} />
          <TextField name={`measures.${index}.description`} label={t("form.measureDescription", { number: index + 1 })} multiline />
          <div className="self-end">
            <Button type="button" variant="secondary" onClick={() => remove(index)}>
              {t("form.removeMeasure", { number: index + 1 })}
            </Button>
          </div>
        </div>
      ))}
      <Button type="button" variant="secondary" onClick={() => append({ kind: "technical", description: "" })}>
        {t("form.addMeasure")}
      </Button>
    </div>
  );
}

/**
 * The guided assessment (EDPB Recommendations 01/2020's six steps), for a draft: saved at its version, completed
 * by the DPO. The destination's country profile stands beside step 3.
 */
export function TiaForm({
  tiaId,
  version: initialVersion,
  initial,
  people,
  countries,
  profilePanel,
  canComplete,
  save,
  complete,
}: {
  tiaId: string;
  version: number;
  initial: TiaFormValues;
  people: readonly Option[];
  countries: readonly Option[];
  profilePanel: ReactNode;
  canComplete: boolean;
  save: (input: { id: string; changes: unknown }) => Promise<Saved>;
  complete: (input: { id: string; changes: unknown }) => Promise<Saved>;
}) {
  const t = useTranslations("tia");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [version, setVersion] = useState(initialVersion);
  const [formError, setFormError] = useState<FormLevelError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<TiaFormValues>({
    resolver: zodResolver(formSchema as never) as never,
    defaultValues: initial,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });

  const submit = (finish: boolean) =>
    form.handleSubmit((values) => {
      setFormError(null);
      setNotice(null);
      startTransition(async () => {
        const { completedOn, ...steps } = values;
        const changes = finish ? { ...steps, version, ...(completedOn ? { completedOn } : {}) } : { ...steps, version };
        const result = await (finish ? complete : save)({ id: tiaId, changes });
        if (!result.ok) {
          setFormError(applyServerErrors(form, result.error));
          return;
        }
        setVersion(result.data.version);
        setNotice(finish ? t("form.completed") : t("form.saved"));
        router.refresh();
      });
    });

  return (
    <FormProvider {...form}>
      <form onSubmit={submit(false)} noValidate className="space-y-6" aria-label={t("form.label")} data-testid="tia-form">
        <Step id="tia-step-1" title={t("form.step1")} hint={t("form.step1Hint")}>
          <TextField name="transferDescription" label={t("form.transferDescription")} multiline nullable />
        </Step>
        <Step id="tia-step-2" title={t("form.step2")} hint={t("form.step2Hint")}>
          <TextField name="toolDescription" label={t("form.toolDescription")} multiline nullable />
        </Step>
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <Step id="tia-step-3" title={t("form.step3")} hint={t("form.step3Hint")}>
            <SelectField name="profileCountry" label={t("form.profileCountry")} options={countries} emptyLabel={t("form.noneChosen")} nullable />
            <TextField name="lawAssessment" label={t("form.lawAssessment")} multiline nullable />
            <SelectField name="riskLevel" label={t("form.riskLevel")} options={enumOptions("tiaRiskLevel", locale)} emptyLabel={t("form.noneChosen")} nullable />
          </Step>
          {profilePanel}
        </div>
        <Step id="tia-step-4" title={t("form.step4")} hint={t("form.step4Hint")}>
          <Measures locale={locale} />
        </Step>
        <Step id="tia-step-5" title={t("form.step5")} hint={t("form.step5Hint")}>
          <TextField name="proceduralSteps" label={t("form.proceduralSteps")} multiline nullable />
        </Step>
        <Step id="tia-step-6" title={t("form.step6")} hint={t("form.step6Hint")}>
          <TextField name="reviewIntervalMonths" label={t("form.reviewIntervalMonths")} type="number" />
        </Step>
        <Step id="tia-outcome" title={t("form.outcomeHeading")} hint={t("form.completeHint")}>
          <SelectField name="outcome" label={t("form.outcome")} options={enumOptions("tiaOutcome", locale)} emptyLabel={t("form.noneChosen")} nullable />
          <TextField name="conclusion" label={t("form.conclusion")} multiline nullable />
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField name="authorUserId" label={t("form.author")} options={people} emptyLabel={t("form.noneChosen")} nullable />
            <SelectField name="reviewerUserId" label={t("form.reviewer")} options={people} emptyLabel={t("form.noneChosen")} nullable />
          </div>
          {canComplete && <DateField name="completedOn" label={t("form.completedOn")} hint={t("form.completedOnHint")} nullable />}
        </Step>
        <FormError error={formError} />
        {notice && (
          <p role="status" className="text-sm text-green-800" data-testid="tia-notice">
            {notice}
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? t("form.saving") : t("form.save")}
          </Button>
          {canComplete && (
            <Button type="button" disabled={pending} onClick={submit(true)}>
              {t("form.complete")}
            </Button>
          )}
        </div>
      </form>
    </FormProvider>
  );
}
