"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { FormProvider, useForm, useWatch, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { SeverityBadge } from "@/components/flags/badges";
import { Button } from "@/components/ui/button";
import type { Severity } from "@/db/schema/enums";
import type { ActionResult } from "@/lib/auth/guard";
import { updateTransferInput } from "@/lib/validation/transfer";
import { DateField } from "./date-field";
import { SelectField, type Option } from "./select-field";
import { TextField } from "./text-field";
import type { FlagPreview, TransferChangePreview, TransferEditValues } from "./transfer-edit-types";

type SaveAction = (input: { id: string; changes: unknown }) => Promise<ActionResult<{ version: number }>>;
type PreviewAction = (input: { id: string; changes: unknown }) => Promise<ActionResult<TransferChangePreview>>;

export interface TransferEditOptions {
  countries: Option[];
  accessTypes: Option[];
  volumeUnits: Option[];
  frequencies: Option[];
  encryptionInTransit: Option[];
  encryptionAtRest: Option[];
  mechanisms: Option[];
}

// Predicting re-runs the write and the rules: wait until the user pauses typing.
const PREVIEW_DELAY_MS = 400;

/**
 * Edits a transfer with the server's own schema; shows, before saving, which flags the change leaves open
 * and which it resolves. A stale version is reported with who changed the record and when.
 */
export function TransferEditForm({
  transferId,
  initial,
  currentFlags,
  options,
  save,
  preview,
}: {
  transferId: string;
  initial: TransferEditValues;
  currentFlags: FlagPreview[];
  options: TransferEditOptions;
  save: SaveAction;
  preview: PreviewAction;
}) {
  const router = useRouter();
  const form = useForm<TransferEditValues>({ resolver: zodResolver(updateTransferInput) as never, defaultValues: initial, mode: "onBlur" });
  const values = useWatch({ control: form.control });
  const [predicted, setPredicted] = useState<FlagPreview[] | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [formError, setFormError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [saving, startSaving] = useTransition();
  const previewRequest = useRef(0);

  useEffect(() => {
    const request = ++previewRequest.current;
    const timer = setTimeout(async () => {
      const result = await preview({ id: transferId, changes: values });
      if (request !== previewRequest.current) return;
      if (result.ok) {
        setPredicted(result.data.flags);
        setPreviewError(null);
      } else {
        setPreviewError(result.error.message);
      }
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [values, preview, transferId]);

  const onSubmit = form.handleSubmit((changes) => {
    setFormError(null);
    startSaving(async () => {
      const result = await save({ id: transferId, changes });
      if (result.ok) {
        router.push(`/transfers/${transferId}`);
        router.refresh();
        return;
      }
      for (const field of result.error.fields ?? []) {
        form.setError(field.path as Path<TransferEditValues>, { type: "server", message: field.message });
      }
      setFormError({ message: result.error.message, conflict: result.error.code === "version_conflict" });
    });
  });

  const predictedKeys = new Set((predicted ?? []).map((flag) => flag.ruleId));
  const resolving = predicted ? currentFlags.filter((flag) => !predictedKeys.has(flag.ruleId)) : [];
  const currentKeys = new Set(currentFlags.map((flag) => flag.ruleId));

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <FormProvider {...form}>
        <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Edit transfer">
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">Where and how much</legend>
            <SelectField name="destinationCountry" label="Destination" options={options.countries} />
            <SelectField name="accessType" label="Access" options={options.accessTypes} hint="Remote access from another country is a transfer too." />
            <TextField name="estimatedSubjects" label="People or devices per 12 months" type="number" />
            <SelectField name="volumeUnit" label="Counted as" options={options.volumeUnits} />
            <SelectField name="frequency" label="Frequency" options={options.frequencies} />
          </fieldset>
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-2 text-lg font-semibold">How it is protected</legend>
            <SelectField name="encryptionInTransit" label="Encryption in transit" options={options.encryptionInTransit} />
            <SelectField name="encryptionAtRest" label="Encryption at rest" options={options.encryptionAtRest} />
            <SelectField name="mechanism" label="Transfer mechanism" options={options.mechanisms} />
            <DateField name="tiaDate" label="Transfer impact assessment date" />
            <label className="flex items-center gap-2 text-sm sm:col-span-2">
              <input type="checkbox" {...form.register("cisaRequirementsMet")} />
              CISA security requirements met (US DOJ rule, 28 CFR 202.248)
            </label>
            <div className="sm:col-span-2">
              <TextField name="notes" label="Notes" multiline />
            </div>
          </fieldset>
          {formError && (
            <div role="status" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="form-error">
              <p>{formError.message}</p>
              {formError.conflict && (
                <Button type="button" className="mt-2" onClick={() => window.location.reload()}>
                  Reload the latest version (your unsaved changes are discarded)
                </Button>
              )}
            </div>
          )}
          <div className="flex gap-3">
            <Button type="submit" disabled={saving}>
              {saving ? "Saving…" : "Save transfer"}
            </Button>
          </div>
        </form>
      </FormProvider>

      <aside aria-labelledby="predicted-flags" aria-live="polite" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="predicted-flags">
        <h2 id="predicted-flags" className="mb-3 text-lg font-semibold">
          Flags after this change
        </h2>
        {previewError && <p className="text-sm text-red-700">The prediction is not available: {previewError}</p>}
        {!predicted && !previewError && <p className="text-sm text-slate-600">Checking the rules…</p>}
        {predicted && (
          <>
            {predicted.length === 0 ? (
              <p className="text-sm text-slate-700">No open flag: this transfer would raise nothing.</p>
            ) : (
              <ul className="space-y-2" data-testid="predicted-open">
                {predicted.map((flag) => (
                  <li key={flag.ruleId} className="text-sm">
                    <SeverityBadge severity={flag.severity as Severity} /> <span className="font-medium">{flag.ruleId}</span>
                    {!currentKeys.has(flag.ruleId) && <span className="ml-1 font-semibold text-red-700">(new)</span>}
                    <p className="text-slate-700">{flag.message}</p>
                  </li>
                ))}
              </ul>
            )}
            {resolving.length > 0 && (
              <>
                <h3 className="mt-4 mb-2 text-sm font-semibold">Resolved by this change</h3>
                <ul className="space-y-2" data-testid="predicted-resolved">
                  {resolving.map((flag) => (
                    <li key={flag.ruleId} className="text-sm text-green-800">
                      {flag.ruleId}: {flag.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </aside>
    </div>
  );
}
