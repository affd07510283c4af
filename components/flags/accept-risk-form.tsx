"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { useInvalidateRegisters } from "@/components/providers/register-keys";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import { Button } from "@/components/ui/button";
import { FlagConflict } from "./flag-conflict";
import type { AcceptRiskAction, AcceptedFlag } from "./accept-risk-types";
import { formatLocalDate } from "./format";

type Field = "justification" | "acceptedUntil";

const inputClass = "block w-full rounded-md border px-2 py-1.5 text-sm";

/**
 * The DPO's "Accept risk" control for one open flag: a written justification and an end date, checked by
 * the server (its field errors show next to the fields). `version` is the flag's version as rendered: if the
 * flag changed since, the server refuses and the form says so.
 */
export function AcceptRiskForm({
  flagId,
  version,
  context,
  minDate,
  acceptRisk,
  announce = false,
}: {
  flagId: string;
  version: number;
  /** Names the flag for screen readers, e.g. the rule title and subject: every row has its own button. */
  context: string;
  /** First date the end date may take (tomorrow): a hint for the date picker; the server decides. */
  minDate?: string;
  acceptRisk: AcceptRiskAction;
  /** Put `accepted=<id>` in the URL on success, for a list the accepted flag leaves (the open-flag register). */
  announce?: boolean;
}) {
  const t = useTranslations("flags");
  const common = useTranslations("common");
  const locale = useUiLocale();
  const router = useRouter();
  const invalidateRegisters = useInvalidateRegisters();
  const baseId = useId();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [accepted, setAccepted] = useState<AcceptedFlag | null>(null);

  const ids = {
    form: `${baseId}-form`,
    justification: `${baseId}-justification`,
    justificationError: `${baseId}-justification-error`,
    acceptedUntil: `${baseId}-until`,
    acceptedUntilError: `${baseId}-until-error`,
    hint: `${baseId}-until-hint`,
  };

  if (accepted) {
    return (
      <p role="status" className="text-sm text-green-800" data-testid="accept-risk-success">
        {t("accept.done", { hasUntil: accepted.acceptedUntil ? "yes" : "no", until: accepted.acceptedUntil ? formatLocalDate(accepted.acceptedUntil, locale) : "" })}
      </p>
    );
  }

  if (!open) {
    return (
      <Button
        type="button"
        variant="secondary"
        className="whitespace-nowrap px-2 py-1 text-xs"
        aria-expanded={false}
        onClick={() => setOpen(true)}
      >
        {t.rich("accept.open", { context, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
      </Button>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const request = {
      flagId,
      version,
      justification: String(form.get("justification") ?? ""),
      acceptedUntil: String(form.get("acceptedUntil") ?? ""),
    };
    setFormError(null);
    setFieldErrors({});
    startTransition(async () => {
      const result = await acceptRisk(request);
      if (result.ok) {
        setAccepted(result.data);
        // The flag changed status: every cached page of the registers that shows it (or counts it) is stale.
        void invalidateRegisters();
        if (announce) {
          const url = new URL(window.location.href);
          url.searchParams.set("accepted", flagId);
          router.replace(`${url.pathname}?${url.searchParams.toString()}`, { scroll: false });
        }
        return;
      }
      const { error } = result;
      if (error.code === "version_conflict") {
        setConflict(true);
        return;
      }
      const fields: Partial<Record<Field, string>> = {};
      for (const issue of error.fields ?? []) {
        if ((issue.path === "justification" || issue.path === "acceptedUntil") && !fields[issue.path]) {
          // The server's messages name the constraint ("must be after today"); the field's name goes in front.
          fields[issue.path] = t("accept.fieldError", { field: t(`accept.fieldNames.${issue.path}`), message: issue.message });
        }
      }
      setFieldErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(error.message);
    });
  }

  if (conflict) {
    return (
      <FlagConflict
        hint={t("accept.conflictHint")}
        testId="accept-risk-conflict"
        onReload={() => {
          setConflict(false);
          router.refresh();
        }}
      />
    );
  }

  return (
    <form
      id={ids.form}
      onSubmit={onSubmit}
      noValidate
      aria-label={t("accept.label", { context })}
      className="w-72 max-w-full space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-left"
      data-testid="accept-risk-form"
    >
      <div className="space-y-1">
        <label htmlFor={ids.justification} className="block text-xs font-medium text-slate-700">
          {t("accept.justification")}
        </label>
        <textarea
          id={ids.justification}
          name="justification"
          required
          minLength={10}
          maxLength={4000}
          rows={3}
          autoFocus
          aria-invalid={fieldErrors.justification ? true : undefined}
          aria-describedby={fieldErrors.justification ? ids.justificationError : undefined}
          className={`${inputClass} ${fieldErrors.justification ? "border-red-600" : "border-slate-300"}`}
        />
        {fieldErrors.justification && (
          <p id={ids.justificationError} className="text-xs text-red-700" data-testid="justification-error">
            {fieldErrors.justification}
          </p>
        )}
      </div>
      <div className="space-y-1">
        <label htmlFor={ids.acceptedUntil} className="block text-xs font-medium text-slate-700">
          {t("accept.until")}
        </label>
        <input
          id={ids.acceptedUntil}
          name="acceptedUntil"
          type="date"
          required
          min={minDate}
          aria-invalid={fieldErrors.acceptedUntil ? true : undefined}
          aria-describedby={[ids.hint, fieldErrors.acceptedUntil ? ids.acceptedUntilError : null].filter(Boolean).join(" ")}
          className={`${inputClass} ${fieldErrors.acceptedUntil ? "border-red-600" : "border-slate-300"}`}
        />
        <p id={ids.hint} className="text-xs text-slate-600">
          {t("accept.untilHint")}
        </p>
        {fieldErrors.acceptedUntil && (
          <p id={ids.acceptedUntilError} className="text-xs text-red-700" data-testid="accepted-until-error">
            {fieldErrors.acceptedUntil}
          </p>
        )}
      </div>
      <p aria-live="polite" className="text-xs text-red-700" data-testid="accept-risk-error">
        {formError}
      </p>
      <div className="flex gap-2">
        <Button type="submit" className="px-2 py-1 text-xs" disabled={pending}>
          {pending ? common("saving") : t("accept.submit")}
        </Button>
        <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={() => setOpen(false)} disabled={pending}>
          {common("cancel")}
        </Button>
      </div>
    </form>
  );
}
