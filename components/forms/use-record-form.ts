"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type DefaultValues, type FieldValues } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { useInvalidateRegisters } from "@/components/providers/register-keys";
import type { ActionResult } from "@/lib/auth/guard";
import type { ChangePreview } from "./flag-preview";
import { applyServerErrors, type FormLevelError } from "./server-errors";
import { useFlagPrediction } from "./use-flag-prediction";

export type SavedRecord = ActionResult<{ id: string; version: number }>;

/**
 * What a create or edit page hands its form: the mode, the values to start from and the two server actions
 * (save, and the flag prediction, which runs the same write and rolls it back).
 */
export type RecordFormMode<EditValues, CreateValues> =
  | {
      mode: "edit";
      recordId: string;
      initial: EditValues;
      save: (input: { id: string; changes: unknown }) => Promise<SavedRecord>;
      preview: (input: { id: string; changes: unknown }) => Promise<ActionResult<ChangePreview>>;
    }
  | {
      mode: "create";
      initial: CreateValues;
      save: (input: { values: unknown }) => Promise<SavedRecord>;
      preview: (input: { values: unknown }) => Promise<ActionResult<ChangePreview>>;
    };

/** The mode's actions as useRecordForm calls them: with the form's values, the record id added when editing. */
export function modeActions<E, C>(props: RecordFormMode<E, C>, prepare: (values: unknown) => unknown = (values) => values) {
  return props.mode === "create"
    ? { save: (values: unknown) => props.save({ values: prepare(values) }), predict: (values: unknown) => props.preview({ values }) }
    : {
        save: (changes: unknown) => props.save({ id: props.recordId, changes: prepare(changes) }),
        predict: (changes: unknown) => props.preview({ id: props.recordId, changes }),
      };
}

/**
 * What every create and edit form does: validate in the browser with the server's own zod schema, ask for
 * the predicted flags as the values change, save through the server action, put the server's field errors
 * next to their fields (or the stale-version message above the button), and open the record once saved.
 */
export function useRecordForm<V extends FieldValues>({
  schema,
  initial,
  save,
  predict,
  detailPath,
}: {
  schema: z.ZodType;
  initial: V;
  save: (values: unknown) => Promise<ActionResult<{ id: string }>>;
  /** Read once: the prediction must not restart on every render. */
  predict: (values: unknown) => Promise<ActionResult<ChangePreview>>;
  detailPath: (id: string) => string;
}) {
  const router = useRouter();
  const invalidateRegisters = useInvalidateRegisters();
  // Errors appear on submit, then follow every change. Not on blur: an error appearing as the field loses
  // focus moves the Save button between mouse-down and mouse-up, and the click is lost.
  const form = useForm<V>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: initial as DefaultValues<V>,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const values = useWatch({ control: form.control });
  const [stablePredict] = useState(() => predict);
  const prediction = useFlagPrediction(stablePredict, values, schema.safeParse(values).success);
  const [formError, setFormError] = useState<FormLevelError | null>(null);
  const [saving, startSaving] = useTransition();

  const onSubmit = form.handleSubmit((submitted) => {
    setFormError(null);
    startSaving(async () => {
      const result = await save(submitted);
      if (result.ok) {
        // The registers' cached pages now show old values (and old flags): the next visit refetches them.
        await invalidateRegisters();
        router.push(detailPath(result.data.id));
        router.refresh();
        return;
      }
      setFormError(applyServerErrors(form, result.error));
    });
  });

  return { form, prediction, formError, saving, onSubmit };
}
