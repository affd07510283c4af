"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { FormProvider, useFieldArray, useForm, useWatch, type Path, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { CategoryMultiSelect } from "@/components/forms/category-multi-select";
import { DateField } from "@/components/forms/date-field";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { appLocale } from "@/components/registers/locale-format";
import { Button } from "@/components/ui/button";
import type { PossibleDuplicate } from "@/lib/api/contracts/processors";
import { enumLabel } from "@/lib/labels";
import {
  EMPTY_AGREEMENT,
  EMPTY_TRANSFER,
  STEP_PARSE_OPTIONS,
  STEP_SCHEMAS,
  SUMMARY_STEP,
  WIZARD_STEPS,
  type WizardStepNumber,
  type WizardValues,
} from "@/lib/registration/schemas";
import { CheckboxField, CheckboxGroup, OptionalTextField } from "./fields";
import { PredictedFlags } from "./predicted-flags";
import { StepIndicator } from "./step-indicator";
import { WizardSummary } from "./wizard-summary";
import type { FlagForecast, RegistrationActions, RegistrationOptions } from "./types";

type ServerError = { code: string; message: string; fields?: { path: string; message: string }[] };

const DUPLICATE_CHECK_DELAY_MS = 400;

/** The step a server error's field belongs to, so that a refused submit opens the step to fix. */
function stepOfPath(path: string): WizardStepNumber | undefined {
  const head = path.split(".")[0];
  if (head === "vendor") return 1;
  if (head === "data") return 2;
  if (head === "flows") return 3;
  if (head === "transfers") return /\.(destinationCountry|accessType|estimatedSubjects|volumeUnit|frequency)$/.test(path) ? 3 : 4;
  if (head === "agreements") return 4;
  return undefined;
}

/** A list item's error ("data.dataCategories.2") is shown on the list's field. */
function formPath(path: string): string {
  return path.replace(/^data\.dataCategories\.\d+$/, "data.dataCategories");
}

/**
 * The guided registration of a vendor (issue #6), one screen per step. Every Next validates the step with the
 * server's schema and saves it server-side (the vendor is a draft processor from step 1 on), so that leaving
 * and coming back resumes at the same step; the summary shows the flags the vendor will raise, predicted by
 * running the submit's own writes in a transaction that is rolled back.
 */
export function RegistrationWizard({
  initial,
  initialStep,
  processorId: initialProcessorId,
  version: initialVersion,
  options,
  actions,
}: {
  initial: WizardValues;
  initialStep: WizardStepNumber;
  processorId?: string;
  version?: number;
  options: RegistrationOptions;
  actions: RegistrationActions;
}) {
  const t = useTranslations("registration");
  const locale = appLocale(useLocale());
  const router = useRouter();
  const [step, setStep] = useState<WizardStepNumber>(initialStep);
  const [processorId, setProcessorId] = useState(initialProcessorId);
  const [version, setVersion] = useState(initialVersion);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const stepRef = useRef(step);
  stepRef.current = step;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const movedRef = useRef(false);

  // Each step validates only its own part of the form, with the schema its save action uses on the server.
  const resolver = useCallback<Resolver<WizardValues>>((values, context, resolverOptions) => {
    const current = stepRef.current;
    if (current === SUMMARY_STEP) return { values, errors: {} };
    return (zodResolver(STEP_SCHEMAS[current] as never, STEP_PARSE_OPTIONS as never, { raw: true }) as unknown as Resolver<WizardValues>)(values, context, resolverOptions);
  }, []);
  const form = useForm<WizardValues>({ resolver, defaultValues: initial, mode: "onSubmit" });

  // Opening another draft (or a new registration) from a link re-renders this same component with new props:
  // start over from them. The draft this wizard created itself coming back in the props is not a change.
  const shownDraft = useRef(initialProcessorId);
  const processorIdRef = useRef(processorId);
  processorIdRef.current = processorId;
  useEffect(() => {
    if (initialProcessorId === shownDraft.current) return;
    shownDraft.current = initialProcessorId;
    if (initialProcessorId !== undefined && initialProcessorId === processorIdRef.current) return;
    form.reset(initial);
    setProcessorId(initialProcessorId);
    setVersion(initialVersion);
    setStep(initialStep);
    setFormError(null);
  }, [initialProcessorId, initial, initialVersion, initialStep, form]);
  const transfers = useFieldArray({ control: form.control, name: "transfers" });
  const agreements = useFieldArray({ control: form.control, name: "agreements" });

  // --- Possible duplicates of the vendor being typed (step 1).
  const [name, website] = useWatch({ control: form.control, name: ["vendor.name", "vendor.website"] });
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[]>([]);
  const [acknowledged, setAcknowledged] = useState<string | null>(null);
  const duplicatesRef = useRef<HTMLDivElement>(null);
  const duplicateKey = `${(name ?? "").trim().toLowerCase()}|${(website ?? "").trim().toLowerCase()}`;
  const lookUpDuplicates = useCallback(async () => {
    if (!name?.trim() && !website?.trim()) return [];
    const result = await actions.findDuplicates({ name: name?.trim() || undefined, website: website?.trim() || undefined, excludeId: processorId });
    return result.ok ? result.data : [];
  }, [actions, name, website, processorId]);
  useEffect(() => {
    if (step !== 1) return;
    let current = true;
    const timer = setTimeout(async () => {
      const found = await lookUpDuplicates();
      if (current) setDuplicates(found);
    }, DUPLICATE_CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [step, lookUpDuplicates]);

  // --- Focus follows the step, so that keyboard and screen-reader users start at its heading.
  useEffect(() => {
    if (!movedRef.current) return;
    headingRef.current?.focus();
  }, [step]);

  function goTo(next: WizardStepNumber) {
    movedRef.current = true;
    setFormError(null);
    form.clearErrors();
    setStep(next);
  }

  function showServerError(error: ServerError) {
    const fields = error.fields ?? [];
    const target = fields.map((field) => stepOfPath(field.path)).find((value) => value !== undefined);
    if (target !== undefined && target !== stepRef.current) goTo(target);
    // After the step has rendered its fields, so that each error lands next to its input.
    setTimeout(() => {
      for (const field of fields) form.setError(formPath(field.path) as Path<WizardValues>, { type: "server", message: field.message });
      setFormError(error.message);
    });
  }

  const onNext = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      if (step === 1) {
        const found = await lookUpDuplicates();
        setDuplicates(found);
        if (found.length > 0 && acknowledged !== duplicateKey) {
          setAcknowledged(duplicateKey);
          setFormError(t("wizard.maybeDuplicate"));
          duplicatesRef.current?.focus();
          return;
        }
        const result = await actions.saveVendor({ processorId, version, values: { vendor: values.vendor } });
        if (!result.ok) return showServerError(result.error);
        setProcessorId(result.data.processorId);
        setVersion(result.data.version);
        // The address now names the draft: a reload, or a link shared later, resumes it.
        window.history.replaceState(null, "", `/register/new?draft=${result.data.processorId}`);
        // The first destination defaults to where the vendor is established.
        if (!values.transfers[0]?.destinationCountry && values.vendor.country) form.setValue("transfers.0.destinationCountry", values.vendor.country.toUpperCase());
        goTo(2);
        return;
      }
      if (!processorId || step === SUMMARY_STEP) return;
      const part =
        step === 2 ? { data: values.data } : step === 3 ? { flows: values.flows, transfers: values.transfers } : { transfers: values.transfers, agreements: values.agreements };
      const result = await actions.saveStep({ processorId, step, values: part });
      if (!result.ok) return showServerError(result.error);
      goTo(Math.min(step + 1, SUMMARY_STEP) as WizardStepNumber);
    });
  });

  // --- The summary's prediction.
  const [forecast, setForecast] = useState<FlagForecast[] | null>(null);
  const [forecastError, setForecastError] = useState<string | null>(null);
  useEffect(() => {
    if (step !== SUMMARY_STEP || !processorId) return;
    let current = true;
    setForecast(null);
    setForecastError(null);
    actions.predictFlags({ processorId }).then((result) => {
      if (!current) return;
      if (result.ok) setForecast(result.data);
      else setForecastError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [step, processorId, actions]);

  function onSubmitForReview() {
    if (!processorId || version === undefined) return;
    setFormError(null);
    startTransition(async () => {
      const result = await actions.submitVendor({ processorId, version });
      if (!result.ok) return showServerError(result.error);
      router.push("/register?submitted=1");
      router.refresh();
    });
  }

  const values = form.watch();
  const title = t(`steps.${step}`);

  return (
    <div className="space-y-6" data-testid="registration-wizard">
      <StepIndicator current={step} />
      <FormProvider {...form}>
        <form onSubmit={onNext} noValidate className="space-y-6" aria-labelledby="wizard-step-heading">
          <h2 id="wizard-step-heading" ref={headingRef} tabIndex={-1} className="text-xl font-semibold outline-none">
            {t("wizard.stepHeading", { step, count: WIZARD_STEPS.length, title })}
          </h2>

          {step === 1 && (
            <div className="space-y-4">
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField name="vendor.name" label={t("vendor.name")} />
                <OptionalTextField name="vendor.legalName" label={t("vendor.legalName")} />
                <OptionalTextField name="vendor.website" label={t("vendor.website")} type="url" hint={t("vendor.websiteHint")} />
                <SelectField name="vendor.role" label={t("vendor.role")} options={options.roles} emptyLabel={t("vendor.roleNone")} />
                <SelectField name="vendor.service" label={t("vendor.service")} options={options.services} emptyLabel={t("vendor.serviceNone")} />
                <SelectField name="vendor.country" label={t("vendor.country")} options={options.countries} emptyLabel={t("chooseCountry")} />
                {values.vendor.role === "sub_processor" && (
                  <SelectField
                    name="vendor.parentProcessorId"
                    label={t("vendor.parent")}
                    options={options.parents.filter((parent) => parent.value !== processorId)}
                    emptyLabel={t("vendor.parentNone")}
                    hint={t("vendor.parentHint")}
                  />
                )}
              </div>
              <div className="space-y-2">
                <CheckboxField name="vendor.dpfCertified" label={t("vendor.dpfCertified")} hint={t("vendor.dpfCertifiedHint")} />
                {values.vendor.dpfCertified && <DateField name="vendor.dpfExpiry" label={t("vendor.dpfExpiry")} />}
                {values.vendor.dpfCertified && (
                  <CheckboxField name="vendor.dpfUkExtension" label={t("vendor.dpfUkExtension")} hint={t("vendor.dpfUkExtensionHint")} />
                )}
              </div>
              <div ref={duplicatesRef} tabIndex={-1} aria-live="polite" className="outline-none" data-testid="possible-duplicates">
                {duplicates.length > 0 && (
                  <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
                    <h3 className="font-semibold">{t("duplicates.heading")}</h3>
                    <p className="text-slate-700">{t("duplicates.intro")}</p>
                    <ul className="mt-2 list-disc space-y-1 pl-5">
                      {duplicates.map((duplicate) => (
                        <li key={duplicate.id} data-testid="duplicate-item">
                          <Link href={`/processors/${duplicate.id}`} className="text-brand-700 underline" target="_blank">
                            {duplicate.name}
                          </Link>{" "}
                          <span className="text-slate-700">
                            {t("duplicates.why", {
                              reasons: duplicate.reasons.map((reason) => enumLabel("duplicateReason", reason, locale)).join(", "),
                              status: enumLabel("recordStatus", duplicate.status, locale),
                            })}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </div>
            </div>
          )}

          {step === 2 && (
            <div className="space-y-4">
              <SelectField
                name="data.activityId"
                label={t("data.activity")}
                options={options.activities}
                emptyLabel={t("data.activityNone")}
                hint={t("data.activityHint")}
              />
              <CategoryMultiSelect name="data.dataCategories" label={t("data.categories")} options={options.categories} />
            </div>
          )}

          {step === 3 && (
            <div className="space-y-6">
              <fieldset className="grid gap-4 sm:grid-cols-2">
                <legend className="mb-2 font-semibold">{t("flows.from")}</legend>
                <SelectField name="flows.exporterEntityId" label={t("flows.exporter")} options={options.exporters} emptyLabel={t("flows.exporterNone")} />
                <SelectField name="flows.originCountry" label={t("flows.origin")} options={options.countries} emptyLabel={t("chooseCountry")} />
                <div className="sm:col-span-2">
                  <CheckboxGroup name="flows.subjectRegions" label={t("flows.regions")} options={options.subjectRegions} hint={t("flows.regionsHint")} />
                </div>
              </fieldset>
              {transfers.fields.map((field, index) => (
                <fieldset key={field.id} className="grid gap-4 rounded-md border border-slate-200 p-4 sm:grid-cols-2" data-testid="destination">
                  <legend className="px-1 font-semibold">{t("flows.destinationLegend", { number: index + 1 })}</legend>
                  <SelectField
                    name={`transfers.${index}.destinationCountry`}
                    label={t("flows.destination")}
                    options={options.countries}
                    emptyLabel={t("chooseCountry")}
                  />
                  <SelectField name={`transfers.${index}.accessType`} label={t("flows.access")} options={options.accessTypes} hint={t("flows.accessHint")} />
                  <TextField name={`transfers.${index}.estimatedSubjects`} label={t("flows.estimatedSubjects")} type="number" />
                  <SelectField name={`transfers.${index}.volumeUnit`} label={t("flows.volumeUnit")} options={options.volumeUnits} />
                  <SelectField name={`transfers.${index}.frequency`} label={t("flows.frequency")} options={options.frequencies} />
                  {transfers.fields.length > 1 && (
                    <div className="flex items-end">
                      <Button type="button" variant="secondary" onClick={() => transfers.remove(index)}>
                        {t("flows.removeDestination", { number: index + 1 })}
                      </Button>
                    </div>
                  )}
                </fieldset>
              ))}
              <Button type="button" variant="secondary" onClick={() => transfers.append({ ...EMPTY_TRANSFER })}>
                {t("flows.addDestination")}
              </Button>
            </div>
          )}

          {step === 4 && (
            <div className="space-y-6">
              {transfers.fields.map((field, index) => (
                <fieldset key={field.id} className="grid gap-4 rounded-md border border-slate-200 p-4 sm:grid-cols-2" data-testid="protection">
                  <legend className="px-1 font-semibold">
                    {t("protection.legend", {
                      country: options.countries.find((country) => country.value === values.transfers[index]?.destinationCountry)?.label ?? "—",
                    })}
                  </legend>
                  <SelectField name={`transfers.${index}.encryptionInTransit`} label={t("protection.encryptionInTransit")} options={options.encryptionInTransit} />
                  <SelectField name={`transfers.${index}.encryptionAtRest`} label={t("protection.encryptionAtRest")} options={options.encryptionAtRest} />
                  <SelectField name={`transfers.${index}.mechanism`} label={t("protection.mechanism")} options={options.mechanisms} />
                  <DateField name={`transfers.${index}.tiaDate`} label={t("protection.tiaDate")} />
                  <div className="sm:col-span-2">
                    <CheckboxField name={`transfers.${index}.cisaRequirementsMet`} label={t("protection.cisa")} />
                  </div>
                </fieldset>
              ))}
              <section aria-labelledby="agreements-heading" className="space-y-3">
                <h3 id="agreements-heading" className="font-semibold">
                  {t("agreements.heading")}
                </h3>
                {agreements.fields.length === 0 && <p className="text-sm text-slate-700">{t("agreements.none")}</p>}
                {agreements.fields.map((field, index) => (
                  <fieldset key={field.id} className="grid gap-4 rounded-md border border-slate-200 p-4 sm:grid-cols-2" data-testid="agreement">
                    <legend className="px-1 font-semibold">{t("agreements.legend", { number: index + 1 })}</legend>
                    <SelectField name={`agreements.${index}.type`} label={t("agreements.type")} options={options.agreementTypes} />
                    {values.agreements[index]?.type === "scc" ? (
                      <SelectField name={`agreements.${index}.sccModule`} label={t("agreements.sccModule")} options={options.sccModules} emptyLabel={t("agreements.sccModuleNone")} />
                    ) : (
                      <div />
                    )}
                    <DateField name={`agreements.${index}.signedDate`} label={t("agreements.signedDate")} />
                    <DateField name={`agreements.${index}.expiryDate`} label={t("agreements.expiryDate")} />
                    <OptionalTextField name={`agreements.${index}.documentRef`} label={t("agreements.documentRef")} />
                    <div className="space-y-2">
                      <CheckboxField name={`agreements.${index}.permitsSubprocessing`} label={t("agreements.permitsSubprocessing")} />
                      <CheckboxField name={`agreements.${index}.flowDown`} label={t("agreements.flowDown")} />
                    </div>
                    <div className="sm:col-span-2">
                      <Button type="button" variant="secondary" onClick={() => agreements.remove(index)}>
                        {t("agreements.remove", { number: index + 1 })}
                      </Button>
                    </div>
                  </fieldset>
                ))}
                <Button type="button" variant="secondary" onClick={() => agreements.append({ ...EMPTY_AGREEMENT })}>
                  {t("agreements.add")}
                </Button>
              </section>
            </div>
          )}

          {step === SUMMARY_STEP && (
            <div className="space-y-6">
              <WizardSummary values={values} options={options} onEdit={goTo} />
              <PredictedFlags forecast={forecast} error={forecastError} />
            </div>
          )}

          {formError && (
            <div role="status" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="wizard-error">
              {formError}
            </div>
          )}

          <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-4">
            {step > 1 && (
              <Button type="button" variant="secondary" disabled={pending} onClick={() => goTo((step - 1) as WizardStepNumber)}>
                {t("wizard.previous")}
              </Button>
            )}
            {step < SUMMARY_STEP ? (
              <Button type="submit" disabled={pending}>
                {pending ? t("wizard.saving") : t("wizard.next")}
              </Button>
            ) : (
              <Button type="button" disabled={pending || forecast === null} onClick={onSubmitForReview}>
                {pending ? t("wizard.submitting") : t("wizard.submit")}
              </Button>
            )}
            <p className="self-center text-xs text-slate-600">{processorId ? t("wizard.savedAsDraft") : t("wizard.nextSaves")}</p>
          </div>
        </form>
      </FormProvider>
    </div>
  );
}
