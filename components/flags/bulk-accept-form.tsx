"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { useInvalidateRegisters } from "@/components/providers/register-keys";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import { Button } from "@/components/ui/button";
import type { BulkAcceptRiskAction } from "./accept-risk-types";
import { BULK_ACCEPT_FORM_ID } from "./bulk-selection";
import { formatLocalDate } from "./format";

type Field = "justification" | "until";

const inputClass = "block w-full rounded-md border px-2 py-1.5 text-sm";

/**
 * One justification and one end date for every open flag ticked in the table below. The checkboxes are
 * native inputs tied to this form by id, so they work with the keyboard (Tab, Space) without any script.
 * All or nothing: if one flag changed meanwhile the server accepts none and the message names it.
 */
export function BulkAcceptForm({ minDate, acceptRisks }: { minDate: string; acceptRisks: BulkAcceptRiskAction }) {
  const t = useTranslations("flags");
  const common = useTranslations("common");
  const locale = useUiLocale();
  const router = useRouter();
  const invalidateRegisters = useInvalidateRegisters();
  const baseId = useId();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const ids = {
    justification: `${baseId}-justification`,
    justificationError: `${baseId}-justification-error`,
    until: `${baseId}-until`,
    untilError: `${baseId}-until-error`,
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const selections = form.getAll("selected").map(String);
    const versions = Object.fromEntries(
      selections.map((value) => {
        const [id, version] = value.split(":");
        return [id!, Number(version)];
      }),
    );
    const request = {
      ids: Object.keys(versions),
      versions,
      justification: String(form.get("justification") ?? ""),
      until: String(form.get("until") ?? ""),
    };
    setFieldErrors({});
    setMessage(null);
    if (request.ids.length === 0) {
      setMessage({ kind: "error", text: t("bulk.selectFirst") });
      return;
    }
    startTransition(async () => {
      const result = await acceptRisks(request);
      if (result.ok) {
        setMessage({ kind: "success", text: t("bulk.accepted", { count: result.data.length, until: formatLocalDate(request.until, locale) }) });
        // The accepted flags leave the open list: its cached pages (and the other registers' flag columns) are stale.
        void invalidateRegisters();
        router.refresh();
        return;
      }
      const fields: Partial<Record<Field, string>> = {};
      for (const issue of result.error.fields ?? []) {
        // The server's messages name the constraint ("must be after today"); the field's name goes in front.
        if (issue.path === "justification") fields.justification = t("accept.fieldError", { field: t("accept.fieldNames.justification"), message: issue.message });
        if (issue.path === "until") fields.until = t("accept.fieldError", { field: t("accept.fieldNames.acceptedUntil"), message: issue.message });
      }
      setFieldErrors(fields);
      if (Object.keys(fields).length === 0) setMessage({ kind: "error", text: result.error.message });
    });
  }

  return (
    <form
      id={BULK_ACCEPT_FORM_ID}
      onSubmit={onSubmit}
      noValidate
      aria-label={t("bulk.label")}
      className="flex flex-wrap items-start gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
      data-testid="bulk-accept-form"
    >
      <div className="min-w-64 flex-1 space-y-1">
        <label htmlFor={ids.justification} className="block text-xs font-medium text-slate-700">
          {t("bulk.justification")}
        </label>
        <textarea
          id={ids.justification}
          name="justification"
          rows={2}
          maxLength={4000}
          aria-invalid={fieldErrors.justification ? true : undefined}
          aria-describedby={fieldErrors.justification ? ids.justificationError : undefined}
          className={`${inputClass} ${fieldErrors.justification ? "border-red-600" : "border-slate-300"}`}
        />
        {fieldErrors.justification && (
          <p id={ids.justificationError} className="text-xs text-red-700">
            {fieldErrors.justification}
          </p>
        )}
      </div>
      <div className="space-y-1">
        <label htmlFor={ids.until} className="block text-xs font-medium text-slate-700">
          {t("accept.until")}
        </label>
        <input
          id={ids.until}
          name="until"
          type="date"
          min={minDate}
          aria-invalid={fieldErrors.until ? true : undefined}
          aria-describedby={fieldErrors.until ? ids.untilError : undefined}
          className={`${inputClass} ${fieldErrors.until ? "border-red-600" : "border-slate-300"}`}
        />
        {fieldErrors.until && (
          <p id={ids.untilError} className="text-xs text-red-700">
            {fieldErrors.until}
          </p>
        )}
      </div>
      <div className="space-y-1 self-end">
        <Button type="submit" className="px-3 py-1.5 text-sm" disabled={pending}>
          {pending ? common("saving") : t("bulk.submit")}
        </Button>
      </div>
      <p
        aria-live="polite"
        className={`w-full text-sm ${message?.kind === "error" ? "text-red-700" : "text-green-800"}`}
        data-testid="bulk-accept-message"
      >
        {message?.text}
      </p>
    </form>
  );
}
