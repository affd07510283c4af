"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { appLocale } from "@/components/registers/locale-format";
import type { NotificationEvent } from "@/db/schema/enums";
import { enumLabel } from "@/lib/labels";
import type { SaveSettingsAction } from "./action-types";

/** The user's own e-mails: on or off, the daily digest, and which immediate notices. */
export function PreferencesForm({
  initial,
  events,
  save,
}: {
  initial: { emailEnabled: boolean; dailyDigest: boolean; events: NotificationEvent[]; version: number; isDefault: boolean };
  events: readonly NotificationEvent[];
  save: SaveSettingsAction;
}) {
  const t = useTranslations("notifications");
  const locale = appLocale(useLocale());
  const baseId = useId();
  const [version, setVersion] = useState(initial.version);
  const [isDefault, setIsDefault] = useState(initial.isDefault);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const request = {
      emailEnabled: form.get("emailEnabled") === "on",
      dailyDigest: form.get("dailyDigest") === "on",
      events: form.getAll("events").map(String) as NotificationEvent[],
      version,
    };
    setMessage(null);
    startTransition(async () => {
      const result = await save(request);
      if (result.ok) {
        setVersion(result.data.version);
        setIsDefault(false);
        setMessage({ ok: true, text: t("preferences.saved") });
      } else {
        setMessage({ ok: false, text: result.error.message });
      }
    });
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby={`${baseId}-heading`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="notification-preferences">
      <h2 id={`${baseId}-heading`} className="text-lg font-semibold">
        {t("preferences.heading")}
      </h2>
      {isDefault && <p className="text-sm text-slate-700">{t("preferences.defaults")}</p>}
      <div className="flex items-center gap-2">
        <input id={`${baseId}-email`} type="checkbox" name="emailEnabled" defaultChecked={initial.emailEnabled} className="h-4 w-4" />
        <label htmlFor={`${baseId}-email`} className="text-sm font-medium">
          {t("preferences.emailEnabled")}
        </label>
      </div>
      <div className="space-y-1">
        <div className="flex items-center gap-2">
          <input id={`${baseId}-digest`} type="checkbox" name="dailyDigest" defaultChecked={initial.dailyDigest} aria-describedby={`${baseId}-digest-hint`} className="h-4 w-4" />
          <label htmlFor={`${baseId}-digest`} className="text-sm font-medium">
            {t("preferences.dailyDigest")}
          </label>
        </div>
        <p id={`${baseId}-digest-hint`} className="text-xs text-slate-600">
          {t("preferences.dailyDigestHint")}
        </p>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("preferences.eventsLegend")}</legend>
        {events.map((value) => (
          <div key={value} className="flex items-center gap-2">
            <input id={`${baseId}-${value}`} type="checkbox" name="events" value={value} defaultChecked={initial.events.includes(value)} className="h-4 w-4" />
            <label htmlFor={`${baseId}-${value}`} className="text-sm">
              {enumLabel("notificationEvent", value, locale)}
            </label>
          </div>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("preferences.saving") : t("preferences.save")}
        </Button>
        <p aria-live="polite" className={`text-sm ${message?.ok ? "text-green-800" : "text-red-700"}`} data-testid="preferences-message">
          {message?.text}
        </p>
      </div>
    </form>
  );
}
