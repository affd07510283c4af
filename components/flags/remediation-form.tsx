"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import type { FlagWorkStatus } from "@/db/schema/enums";
import { useInvalidateRegisters } from "@/components/providers/register-keys";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import { Button } from "@/components/ui/button";
import { FlagConflict } from "./flag-conflict";
import { enumOptions } from "@/lib/labels";
import type { RemediationAction, RemediationRequest } from "./remediation-types";

type Field = "assigneeUserId" | "dueDate" | "workStatus";
const FIELDS: readonly Field[] = ["assigneeUserId", "dueDate", "workStatus"];
const inputClass = "block w-full rounded-md border px-2 py-1.5 text-sm";

export interface AssigneeOption {
  id: string;
  /** "Jane Doe (Engineer)". */
  label: string;
}

/**
 * Who works on the flag, by when, and where the work stands. The DPO assigns and sets the due date
 * (`canAssign`); the assignee or the DPO sets the work status (`canSetStatus`). Only the fields the reader may
 * change are sent; the server judges them again (its field errors show next to the fields).
 */
export function RemediationForm({
  flagId,
  version,
  current,
  assignees,
  canAssign,
  canSetStatus,
  minDate,
  save,
}: {
  flagId: string;
  version: number;
  current: { assigneeUserId: string | null; dueDate: string | null; workStatus: FlagWorkStatus };
  assignees: readonly AssigneeOption[];
  canAssign: boolean;
  canSetStatus: boolean;
  /** Today, YYYY-MM-DD: the earliest due date (a hint for the picker; the server decides). */
  minDate: string;
  save: RemediationAction;
}) {
  const t = useTranslations("flags");
  const common = useTranslations("common");
  const locale = useUiLocale();
  const router = useRouter();
  const invalidateRegisters = useInvalidateRegisters();
  const baseId = useId();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const id = (field: Field) => `${baseId}-${field}`;
  const describedBy = (field: Field) => (fieldErrors[field] ? `${id(field)}-error` : undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const request: RemediationRequest = { flagId, version };
    if (canAssign) {
      request.assigneeUserId = String(form.get("assigneeUserId") ?? "") || null;
      request.dueDate = String(form.get("dueDate") ?? "") || null;
    }
    if (canSetStatus) request.workStatus = String(form.get("workStatus")) as FlagWorkStatus;
    setFormError(null);
    setFieldErrors({});
    setSaved(false);
    startTransition(async () => {
      const result = await save(request);
      if (result.ok) {
        setSaved(true);
        void invalidateRegisters();
        router.refresh();
        return;
      }
      const { error } = result;
      if (error.code === "version_conflict") {
        setConflict(true);
        return;
      }
      const fields: Partial<Record<Field, string>> = {};
      for (const issue of error.fields ?? []) {
        const field = FIELDS.find((candidate) => candidate === issue.path);
        if (field && !fields[field]) fields[field] = t("remediation.fieldError", { field: t(`remediation.${field}`), message: issue.message });
      }
      setFieldErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(error.message);
    });
  }

  if (conflict) {
    return (
      <FlagConflict
        hint={t("remediation.conflictHint")}
        testId="remediation-conflict"
        onReload={() => {
          setConflict(false);
          router.refresh();
        }}
      />
    );
  }

  const error = (field: Field) =>
    fieldErrors[field] && (
      <p id={`${id(field)}-error`} className="text-xs text-red-700" data-testid={`${field}-error`}>
        {fieldErrors[field]}
      </p>
    );

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("remediation.formLabel")} className="grid max-w-3xl gap-4 sm:grid-cols-3" data-testid="remediation-form">
      {canAssign && (
        <>
          <div className="space-y-1">
            <label htmlFor={id("assigneeUserId")} className="block text-xs font-medium text-slate-700">
              {t("remediation.assigneeUserId")}
            </label>
            <select
              id={id("assigneeUserId")}
              name="assigneeUserId"
              defaultValue={current.assigneeUserId ?? ""}
              aria-invalid={fieldErrors.assigneeUserId ? true : undefined}
              aria-describedby={describedBy("assigneeUserId")}
              className={`${inputClass} border-slate-300`}
            >
              <option value="">{t("remediation.nobody")}</option>
              {assignees.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.label}
                </option>
              ))}
            </select>
            {error("assigneeUserId")}
          </div>
          <div className="space-y-1">
            <label htmlFor={id("dueDate")} className="block text-xs font-medium text-slate-700">
              {t("remediation.dueDate")}
            </label>
            <input
              id={id("dueDate")}
              name="dueDate"
              type="date"
              min={minDate}
              defaultValue={current.dueDate ?? ""}
              aria-invalid={fieldErrors.dueDate ? true : undefined}
              aria-describedby={describedBy("dueDate")}
              className={`${inputClass} border-slate-300`}
            />
            {error("dueDate")}
          </div>
        </>
      )}
      {canSetStatus && (
        <div className="space-y-1">
          <label htmlFor={id("workStatus")} className="block text-xs font-medium text-slate-700">
            {t("remediation.workStatus")}
          </label>
          <select
            id={id("workStatus")}
            name="workStatus"
            defaultValue={current.workStatus}
            aria-invalid={fieldErrors.workStatus ? true : undefined}
            aria-describedby={describedBy("workStatus")}
            className={`${inputClass} border-slate-300`}
          >
            {enumOptions("flagWorkStatus", locale).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          {error("workStatus")}
        </div>
      )}
      <div className="flex items-center gap-3 sm:col-span-3">
        <Button type="submit" className="px-3 py-1.5 text-sm" disabled={pending}>
          {pending ? common("saving") : t("remediation.save")}
        </Button>
        <p aria-live="polite" className="text-sm" data-testid="remediation-status">
          {saved && <span className="text-green-800">{t("remediation.saved")}</span>}
          {formError && <span className="text-red-700">{formError}</span>}
        </p>
      </div>
    </form>
  );
}
