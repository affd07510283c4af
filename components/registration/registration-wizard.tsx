"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { FormProvider, useFieldArray, useForm, useWatch, type Path, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { CategoryMultiSelect } from "@/components/forms/category-multi-select";
import { DateField } from "@/components/forms/date-field";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { Button } from "@/components/ui/button";
import type { PossibleDuplicate } from "@/lib/api/contracts/processors";
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
const DUPLICATE_REASONS = { same_name: "same name", similar_name: "similar name", same_domain: "same website domain" } as const;

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
          setFormError("This vendor may already be registered: check the possible duplicates above. If it is a different vendor, press Next again.");
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
  const title = WIZARD_STEPS[step - 1]!.title;

  return (
    <div className="space-y-6" data-testid="registration-wizard">
      <StepIndicator current={step} />
      <FormProvider {...form}>
        <form onSubmit={onNext} noValidate className="space-y-6" aria-labelledby="wizard-step-heading">
          <h2 id="wizard-step-heading" ref={headingRef} tabIndex={-1} className="text-xl font-semibold outline-none">
            Step {step} of {WIZARD_STEPS.length}: {title}
          </h2>

          {step === 1 && (
            <div className="space-y-4">
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField name="vendor.name" label="Vendor name" />
                <OptionalTextField name="vendor.legalName" label="Legal name" />
                <OptionalTextField name="vendor.website" label="Website" type="url" hint="For example https://vendor.example" />
                <SelectField name="vendor.role" label="Role" options={options.roles} emptyLabel="Choose a role" />
                <SelectField name="vendor.service" label="Service" options={options.services} emptyLabel="Choose a service" />
                <SelectField name="vendor.country" label="Country of establishment" options={options.countries} emptyLabel="Choose a country" />
                {values.vendor.role === "sub_processor" && (
                  <SelectField
                    name="vendor.parentProcessorId"
                    label="Parent processor"
                    options={options.parents.filter((parent) => parent.value !== processorId)}
                    emptyLabel="Choose the processor that engaged it"
                    hint="A sub-processor hangs under the processor that engaged it."
                  />
                )}
              </div>
              <div className="space-y-2">
                <CheckboxField name="vendor.dpfCertified" label="Certified under the EU-US Data Privacy Framework" hint="Commission Decision (EU) 2023/1795; check the DPF list." />
                {values.vendor.dpfCertified && <DateField name="vendor.dpfExpiry" label="Certified until" />}
                {values.vendor.dpfCertified && (
                  <CheckboxField
                    name="vendor.dpfUkExtension"
                    label="The certification includes the UK Extension"
                    hint="Needed for UK users' data: the UK's adequacy regulations of 2023 cover a US importer only through it."
                  />
                )}
              </div>
              <div ref={duplicatesRef} tabIndex={-1} aria-live="polite" className="outline-none" data-testid="possible-duplicates">
                {duplicates.length > 0 && (
                  <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
                    <h3 className="font-semibold">Possible duplicates</h3>
                    <p className="text-slate-700">These vendors are already in the register. Open one to check before registering a new one.</p>
                    <ul className="mt-2 list-disc space-y-1 pl-5">
                      {duplicates.map((duplicate) => (
                        <li key={duplicate.id} data-testid="duplicate-item">
                          <Link href={`/processors/${duplicate.id}`} className="text-brand-700 underline" target="_blank">
                            {duplicate.name}
                          </Link>{" "}
                          <span className="text-slate-700">
                            ({duplicate.reasons.map((reason) => DUPLICATE_REASONS[reason]).join(", ")}; {duplicate.status})
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
                label="Processing activity"
                options={options.activities}
                emptyLabel="Choose the purpose the vendor serves"
                hint="The purpose (GDPR Art. 30 record) under which the data goes to this vendor."
              />
              <CategoryMultiSelect name="data.dataCategories" label="Data categories the vendor receives" options={options.categories} />
            </div>
          )}

          {step === 3 && (
            <div className="space-y-6">
              <fieldset className="grid gap-4 sm:grid-cols-2">
                <legend className="mb-2 font-semibold">From</legend>
                <SelectField name="flows.exporterEntityId" label="Exporting entity" options={options.exporters} emptyLabel="Choose an entity" />
                <SelectField name="flows.originCountry" label="Where the data sits" options={options.countries} emptyLabel="Choose a country" />
                <div className="sm:col-span-2">
                  <CheckboxGroup
                    name="flows.subjectRegions"
                    label="Where the people are"
                    options={options.subjectRegions}
                    hint="EU or UK residents bring GDPR's transfer rules; US persons the DOJ bulk-data rule."
                  />
                </div>
              </fieldset>
              {transfers.fields.map((field, index) => (
                <fieldset key={field.id} className="grid gap-4 rounded-md border border-slate-200 p-4 sm:grid-cols-2" data-testid="destination">
                  <legend className="px-1 font-semibold">Destination {index + 1}</legend>
                  <SelectField name={`transfers.${index}.destinationCountry`} label="Destination" options={options.countries} emptyLabel="Choose a country" />
                  <SelectField name={`transfers.${index}.accessType`} label="Access" options={options.accessTypes} hint="Staff abroad reading data stored at home is a transfer too." />
                  <TextField name={`transfers.${index}.estimatedSubjects`} label="People or devices per 12 months" type="number" />
                  <SelectField name={`transfers.${index}.volumeUnit`} label="Counted as" options={options.volumeUnits} />
                  <SelectField name={`transfers.${index}.frequency`} label="Frequency" options={options.frequencies} />
                  {transfers.fields.length > 1 && (
                    <div className="flex items-end">
                      <Button type="button" variant="secondary" onClick={() => transfers.remove(index)}>
                        Remove destination {index + 1}
                      </Button>
                    </div>
                  )}
                </fieldset>
              ))}
              <Button type="button" variant="secondary" onClick={() => transfers.append({ ...EMPTY_TRANSFER })}>
                Add a destination
              </Button>
            </div>
          )}

          {step === 4 && (
            <div className="space-y-6">
              {transfers.fields.map((field, index) => (
                <fieldset key={field.id} className="grid gap-4 rounded-md border border-slate-200 p-4 sm:grid-cols-2" data-testid="protection">
                  <legend className="px-1 font-semibold">
                    Transfer to {options.countries.find((country) => country.value === values.transfers[index]?.destinationCountry)?.label ?? "—"}
                  </legend>
                  <SelectField name={`transfers.${index}.encryptionInTransit`} label="Encryption in transit" options={options.encryptionInTransit} />
                  <SelectField name={`transfers.${index}.encryptionAtRest`} label="Encryption at rest" options={options.encryptionAtRest} />
                  <SelectField name={`transfers.${index}.mechanism`} label="Transfer mechanism" options={options.mechanisms} />
                  <DateField name={`transfers.${index}.tiaDate`} label="Transfer impact assessment date" />
                  <div className="sm:col-span-2">
                    <CheckboxField name={`transfers.${index}.cisaRequirementsMet`} label="CISA security requirements met (US DOJ rule, 28 CFR 202.248)" />
                  </div>
                </fieldset>
              ))}
              <section aria-labelledby="agreements-heading" className="space-y-3">
                <h3 id="agreements-heading" className="font-semibold">
                  Agreements with the vendor
                </h3>
                {agreements.fields.length === 0 && <p className="text-sm text-slate-700">No agreement yet. Add the DPA, SCCs or China / Hong Kong contract you have signed.</p>}
                {agreements.fields.map((field, index) => (
                  <fieldset key={field.id} className="grid gap-4 rounded-md border border-slate-200 p-4 sm:grid-cols-2" data-testid="agreement">
                    <legend className="px-1 font-semibold">Agreement {index + 1}</legend>
                    <SelectField name={`agreements.${index}.type`} label="Type" options={options.agreementTypes} />
                    {values.agreements[index]?.type === "scc" ? (
                      <SelectField name={`agreements.${index}.sccModule`} label="SCC module" options={options.sccModules} emptyLabel="Not stated" />
                    ) : (
                      <div />
                    )}
                    <DateField name={`agreements.${index}.signedDate`} label="Signed on" />
                    <DateField name={`agreements.${index}.expiryDate`} label="Expires on" />
                    <OptionalTextField name={`agreements.${index}.documentRef`} label="Document reference" />
                    <div className="space-y-2">
                      <CheckboxField name={`agreements.${index}.permitsSubprocessing`} label="Permits sub-processing" />
                      <CheckboxField name={`agreements.${index}.flowDown`} label="Obligations flow down to sub-processors" />
                    </div>
                    <div className="sm:col-span-2">
                      <Button type="button" variant="secondary" onClick={() => agreements.remove(index)}>
                        Remove agreement {index + 1}
                      </Button>
                    </div>
                  </fieldset>
                ))}
                <Button type="button" variant="secondary" onClick={() => agreements.append({ ...EMPTY_AGREEMENT })}>
                  Add an agreement
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
                Back
              </Button>
            )}
            {step < SUMMARY_STEP ? (
              <Button type="submit" disabled={pending}>
                {pending ? "Saving…" : "Next"}
              </Button>
            ) : (
              <Button type="button" disabled={pending || forecast === null} onClick={onSubmitForReview}>
                {pending ? "Submitting…" : "Submit for review"}
              </Button>
            )}
            <p className="self-center text-xs text-slate-600">
              {processorId ? "Saved as a draft at every step: you can leave and continue later from My vendors." : "Next saves the vendor as your draft."}
            </p>
          </div>
        </form>
      </FormProvider>
    </div>
  );
}
