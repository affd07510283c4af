"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { appLocale } from "@/components/registers/locale-format";
import type { NotificationEvent } from "@/db/schema/enums";
import { enumLabel } from "@/lib/labels";
import type { CreateWebhookAction, CreatedWebhook } from "./action-types";

type Field = "name" | "url" | "events";

const inputClass = "block w-full rounded-md border px-2 py-1.5 text-sm";

/** The DPO adds a webhook endpoint; its signing secret is shown once, as an API token is. */
export function WebhookForm({ events, createWebhook }: { events: readonly NotificationEvent[]; createWebhook: CreateWebhookAction }) {
  const t = useTranslations("notifications");
  const locale = appLocale(useLocale());
  const baseId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const request = { name: String(form.get("name") ?? ""), url: String(form.get("url") ?? ""), events: form.getAll("events").map(String) as NotificationEvent[] };
    setFormError(null);
    setFieldErrors({});
    startTransition(async () => {
      const result = await createWebhook(request);
      if (result.ok) {
        setCreated(result.data);
        formRef.current?.reset();
        return;
      }
      const fields: Partial<Record<Field, string>> = {};
      for (const issue of result.error.fields ?? []) {
        const field = issue.path.split(".")[0] as Field;
        if ((field === "name" || field === "url" || field === "events") && !fields[field]) {
          fields[field] = t("webhooks.create.fieldError", { field: t(`webhooks.create.fieldNames.${field}`), message: issue.message });
        }
      }
      setFieldErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(result.error.message);
    });
  }

  const error = (field: Field) =>
    fieldErrors[field] ? (
      <p id={`${baseId}-${field}-error`} className="text-xs text-red-700" data-testid={`webhook-${field}-error`}>
        {fieldErrors[field]}
      </p>
    ) : null;

  return (
    <div className="space-y-4">
      {created && (
        <div className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="new-webhook">
          <p id={`${baseId}-secret-warning`} className="text-sm font-medium text-amber-950">
            {t("webhooks.created.warning", { name: created.name })}
          </p>
          <label htmlFor={`${baseId}-secret`} className="block text-xs font-medium text-slate-700">
            {t("webhooks.created.label")}
          </label>
          <input
            id={`${baseId}-secret`}
            readOnly
            value={created.secret}
            aria-describedby={`${baseId}-secret-warning`}
            onFocus={(event) => event.currentTarget.select()}
            className={`${inputClass} border-slate-300 bg-white font-mono`}
            data-testid="new-webhook-secret"
          />
          <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={() => setCreated(null)}>
            {t("webhooks.created.hide")}
          </Button>
        </div>
      )}
      <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby={`${baseId}-heading`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="webhook-form">
        <h3 id={`${baseId}-heading`} className="text-base font-semibold">
          {t("webhooks.create.heading")}
        </h3>
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor={`${baseId}-name`} className="block text-xs font-medium text-slate-700">
              {t("webhooks.create.name")}
            </label>
            <input
              id={`${baseId}-name`}
              name="name"
              required
              maxLength={100}
              placeholder={t("webhooks.create.namePlaceholder")}
              aria-invalid={fieldErrors.name ? true : undefined}
              aria-describedby={fieldErrors.name ? `${baseId}-name-error` : undefined}
              className={`${inputClass} ${fieldErrors.name ? "border-red-600" : "border-slate-300"}`}
            />
            {error("name")}
          </div>
          <div className="space-y-1">
            <label htmlFor={`${baseId}-url`} className="block text-xs font-medium text-slate-700">
              {t("webhooks.create.url")}
            </label>
            <input
              id={`${baseId}-url`}
              name="url"
              type="url"
              required
              maxLength={2000}
              placeholder="https://"
              aria-invalid={fieldErrors.url ? true : undefined}
              aria-describedby={[`${baseId}-url-hint`, fieldErrors.url ? `${baseId}-url-error` : null].filter(Boolean).join(" ")}
              className={`${inputClass} ${fieldErrors.url ? "border-red-600" : "border-slate-300"}`}
            />
            <p id={`${baseId}-url-hint`} className="text-xs text-slate-600">
              {t("webhooks.create.urlHint")}
            </p>
            {error("url")}
          </div>
        </div>
        <fieldset className="space-y-2" aria-describedby={fieldErrors.events ? `${baseId}-events-error` : undefined}>
          <legend className="text-xs font-medium text-slate-700">{t("webhooks.create.eventsLegend")}</legend>
          <div className="grid gap-1 sm:grid-cols-2">
            {events.map((value) => (
              <div key={value} className="flex items-center gap-2">
                <input id={`${baseId}-event-${value}`} type="checkbox" name="events" value={value} defaultChecked={value === "critical_flag"} className="h-4 w-4" />
                <label htmlFor={`${baseId}-event-${value}`} className="text-sm">
                  {enumLabel("notificationEvent", value, locale)}
                </label>
              </div>
            ))}
          </div>
          {error("events")}
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? t("webhooks.create.pending") : t("webhooks.create.submit")}
        </Button>
        <p aria-live="polite" className="text-sm text-red-700" data-testid="webhook-form-error">
          {formError}
        </p>
      </form>
    </div>
  );
}
