"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { CreateTokenAction, CreatedToken } from "./token-action-types";

type Field = "name" | "expiresInDays";

const inputClass = "block w-full rounded-md border px-2 py-1.5 text-sm";

/**
 * Creates a personal API token. The token is shown once, in a read-only field with a copy button: the
 * server keeps only its hash, so it cannot be shown again.
 */
export function CreateTokenForm({ createToken }: { createToken: CreateTokenAction }) {
  const t = useTranslations("tokens");
  const baseId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const tokenRef = useRef<HTMLInputElement>(null);
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [copied, setCopied] = useState(false);
  const ids = {
    name: `${baseId}-name`,
    nameError: `${baseId}-name-error`,
    expires: `${baseId}-expires`,
    expiresHint: `${baseId}-expires-hint`,
    expiresError: `${baseId}-expires-error`,
    token: `${baseId}-token`,
    tokenWarning: `${baseId}-token-warning`,
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const request = { name: String(form.get("name") ?? ""), expiresInDays: String(form.get("expiresInDays") ?? "") };
    setFormError(null);
    setFieldErrors({});
    startTransition(async () => {
      const result = await createToken(request);
      if (result.ok) {
        setCreated(result.data);
        setCopied(false);
        formRef.current?.reset();
        return;
      }
      const fields: Partial<Record<Field, string>> = {};
      for (const issue of result.error.fields ?? []) {
        if ((issue.path === "name" || issue.path === "expiresInDays") && !fields[issue.path]) {
          // The server's messages name the constraint; the field's name goes in front.
          fields[issue.path] = t("create.fieldError", { field: t(`create.fieldNames.${issue.path}`), message: issue.message });
        }
      }
      setFieldErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(result.error.message);
    });
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(true);
    } catch {
      // No clipboard permission (or not a secure context): select the text so that the user can copy it.
      tokenRef.current?.select();
    }
  }

  return (
    <div className="space-y-4">
      {created && (
        <div className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="new-token">
          <p id={ids.tokenWarning} className="text-sm font-medium text-amber-950">
            {t("created.warning", { name: created.name })}
          </p>
          <label htmlFor={ids.token} className="block text-xs font-medium text-slate-700">
            {t("created.label")}
          </label>
          <div className="flex gap-2">
            <input
              ref={tokenRef}
              id={ids.token}
              readOnly
              value={created.token}
              aria-describedby={ids.tokenWarning}
              onFocus={(event) => event.currentTarget.select()}
              className={`${inputClass} border-slate-300 bg-white font-mono`}
              data-testid="new-token-value"
            />
            <Button type="button" variant="secondary" onClick={copy}>
              {copied ? t("created.copied") : t("created.copy")}
            </Button>
          </div>
          <p aria-live="polite" className="sr-only">
            {copied ? t("created.copiedAnnouncement") : ""}
          </p>
          <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={() => setCreated(null)}>
            {t("created.hide")}
          </Button>
        </div>
      )}
      <form
        ref={formRef}
        onSubmit={onSubmit}
        noValidate
        aria-label={t("create.label")}
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 sm:items-start"
        data-testid="create-token-form"
      >
        <div className="space-y-1">
          <label htmlFor={ids.name} className="block text-xs font-medium text-slate-700">
            {t("create.name")}
          </label>
          <input
            id={ids.name}
            name="name"
            required
            maxLength={100}
            placeholder={t("create.namePlaceholder")}
            aria-invalid={fieldErrors.name ? true : undefined}
            aria-describedby={fieldErrors.name ? ids.nameError : undefined}
            className={`${inputClass} ${fieldErrors.name ? "border-red-600" : "border-slate-300"}`}
          />
          {fieldErrors.name && (
            <p id={ids.nameError} className="text-xs text-red-700" data-testid="token-name-error">
              {fieldErrors.name}
            </p>
          )}
        </div>
        <div className="space-y-1">
          <label htmlFor={ids.expires} className="block text-xs font-medium text-slate-700">
            {t("create.expires")}
          </label>
          <input
            id={ids.expires}
            name="expiresInDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={730}
            step={1}
            aria-invalid={fieldErrors.expiresInDays ? true : undefined}
            aria-describedby={[ids.expiresHint, fieldErrors.expiresInDays ? ids.expiresError : null].filter(Boolean).join(" ")}
            className={`${inputClass} ${fieldErrors.expiresInDays ? "border-red-600" : "border-slate-300"}`}
          />
          <p id={ids.expiresHint} className="text-xs text-slate-600">
            {t("create.expiresHint")}
          </p>
          {fieldErrors.expiresInDays && (
            <p id={ids.expiresError} className="text-xs text-red-700" data-testid="token-expiry-error">
              {fieldErrors.expiresInDays}
            </p>
          )}
        </div>
        <div className="sm:pt-5">
          <Button type="submit" disabled={pending}>
            {pending ? t("create.pending") : t("create.submit")}
          </Button>
        </div>
        <p aria-live="polite" className="text-sm text-red-700 sm:col-span-3" data-testid="create-token-error">
          {formError}
        </p>
      </form>
    </div>
  );
}
