"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { useInvalidateRegisters } from "@/components/providers/register-keys";
import { Button } from "@/components/ui/button";
import type { RevokeAcceptanceAction } from "./remediation-types";

/** The DPO's revocation of an accepted risk, with a reason: the flag is open again, its acceptance kept as history. */
export function RevokeAcceptanceForm({ flagId, version, revoke }: { flagId: string; version: number; revoke: RevokeAcceptanceAction }) {
  const t = useTranslations("flags");
  const common = useTranslations("common");
  const router = useRouter();
  const invalidateRegisters = useInvalidateRegisters();
  const baseId = useId();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  if (!open) {
    return (
      <Button type="button" variant="secondary" className="px-3 py-1.5 text-sm" aria-expanded={false} onClick={() => setOpen(true)}>
        {t("revoke.open")}
      </Button>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    setError(null);
    startTransition(async () => {
      const result = await revoke({ flagId, version, reason });
      if (result.ok) {
        void invalidateRegisters();
        router.refresh();
        return;
      }
      const issue = result.error.fields?.find((field) => field.path === "reason");
      setError(
        result.error.code === "version_conflict"
          ? t("accept.conflict")
          : issue
            ? t("remediation.fieldError", { field: t("revoke.reason"), message: issue.message })
            : result.error.message,
      );
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("revoke.label")} className="max-w-xl space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="revoke-form">
      <label htmlFor={`${baseId}-reason`} className="block text-xs font-medium text-slate-700">
        {t("revoke.reason")}
      </label>
      <textarea
        id={`${baseId}-reason`}
        name="reason"
        rows={3}
        maxLength={4000}
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${baseId}-error` : undefined}
        className={`block w-full rounded-md border px-2 py-1.5 text-sm ${error ? "border-red-600" : "border-slate-300"}`}
      />
      {error && (
        <p id={`${baseId}-error`} className="text-xs text-red-700" data-testid="revoke-error">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" className="px-3 py-1.5 text-sm" disabled={pending}>
          {pending ? common("saving") : t("revoke.submit")}
        </Button>
        <Button type="button" variant="ghost" className="px-3 py-1.5 text-sm" onClick={() => setOpen(false)} disabled={pending}>
          {common("cancel")}
        </Button>
      </div>
    </form>
  );
}
