"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/guard";
import { enumOptions } from "@/lib/labels";

type Field = "title" | "versionLabel" | "effectiveDate" | "languages" | "text" | "url";

const FIELDS: readonly Field[] = ["title", "versionLabel", "effectiveDate", "languages", "text", "url"];
const inputClass = "block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/**
 * Records a version of the published notice (the DPO's): its title, how the company names the version, the day it
 * takes effect, its languages, and its text (whose SHA-256 the server computes) or a link to it. The notice in force
 * is the latest whose date has come; its statements are then added one by one below.
 */
export function NoticeVersionForm({ action }: { action: (input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const t = useTranslations("notice");
  const locale = useUiLocale();
  const router = useRouter();
  const baseId = useId();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const id = (field: Field) => `${baseId}-${field}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const optional = (name: Field) => {
      const value = String(data.get(name) ?? "").trim();
      return value === "" ? null : value;
    };
    const body = {
      title: String(data.get("title") ?? ""),
      versionLabel: String(data.get("versionLabel") ?? ""),
      effectiveDate: String(data.get("effectiveDate") ?? ""),
      languages: data.getAll("languages").map(String),
      text: optional("text"),
      url: optional("url"),
    };
    setErrors({});
    setFormError(null);
    startTransition(async () => {
      const result = await action(body);
      if (result.ok) {
        form.reset();
        router.push(`/notice?version=${result.data.id}`);
        router.refresh();
        return;
      }
      const fields: Partial<Record<Field, string>> = {};
      for (const issue of result.error.fields ?? []) {
        const field = FIELDS.find((candidate) => issue.path === candidate || issue.path.startsWith(`${candidate}.`));
        if (field && !fields[field]) fields[field] = issue.message;
      }
      setErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? t("form.invalid") : result.error.message);
    });
  }

  const describedBy = (field: Field) => (errors[field] ? `${id(field)}-error` : undefined);
  const error = (field: Field) =>
    errors[field] ? (
      <p id={`${id(field)}-error`} className="mt-1 text-xs text-red-700">
        {errors[field]}
      </p>
    ) : null;
  const text = (field: "title" | "versionLabel" | "url", type = "text") => (
    <div>
      <label htmlFor={id(field)} className="text-sm font-medium">
        {t(`versionForm.${field}`)}
      </label>
      <input id={id(field)} name={field} type={type} className={inputClass} aria-invalid={errors[field] ? true : undefined} aria-describedby={describedBy(field)} />
      {error(field)}
    </div>
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t("versionForm.label")} className="grid gap-3 sm:grid-cols-2" data-testid="notice-version-form">
      {text("title")}
      {text("versionLabel")}
      <div>
        <label htmlFor={id("effectiveDate")} className="text-sm font-medium">
          {t("versionForm.effectiveDate")}
        </label>
        <input
          id={id("effectiveDate")}
          name="effectiveDate"
          type="date"
          className={inputClass}
          aria-invalid={errors.effectiveDate ? true : undefined}
          aria-describedby={describedBy("effectiveDate")}
        />
        {error("effectiveDate")}
      </div>
      <fieldset aria-describedby={describedBy("languages")}>
        <legend className="text-sm font-medium">{t("versionForm.languages")}</legend>
        <div className="mt-1 flex gap-4">
          {enumOptions("locale", locale).map((option) => (
            <label key={option.value} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="languages" value={option.value} />
              {option.label}
            </label>
          ))}
        </div>
        {error("languages")}
      </fieldset>
      <div className="sm:col-span-2">
        <label htmlFor={id("text")} className="text-sm font-medium">
          {t("versionForm.text")}
        </label>
        <textarea id={id("text")} name="text" rows={6} className={inputClass} aria-invalid={errors.text ? true : undefined} aria-describedby={describedBy("text")} />
        {error("text")}
      </div>
      {text("url", "url")}
      {formError ? (
        <p role="alert" aria-label={t("versionForm.errorLabel")} className="text-sm text-red-700 sm:col-span-2">
          {formError}
        </p>
      ) : null}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {t("versionForm.submit")}
        </Button>
      </div>
    </form>
  );
}
