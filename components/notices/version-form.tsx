"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormProvider, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { DateField } from "@/components/forms/date-field";
import { FormError } from "@/components/forms/form-error";
import { applyServerErrors, type FormLevelError } from "@/components/forms/server-errors";
import { TextField } from "@/components/forms/text-field";
import { useUiLocale } from "@/components/layout/use-ui-locale";
import { Button } from "@/components/ui/button";
import { createNoticeBody } from "@/lib/api/contracts/notices";
import type { ActionResult } from "@/lib/auth/guard";
import { enumOptions } from "@/lib/labels";

interface NoticeVersionValues {
  title: string;
  versionLabel: string;
  effectiveDate: string;
  languages: string[];
  text: string | null;
  url: string | null;
}

const EMPTY: NoticeVersionValues = { title: "", versionLabel: "", effectiveDate: "", languages: [], text: null, url: null };

/**
 * Records a version of the published notice (the DPO's), validated with the API's own schema: its title, how the
 * company names the version, the day it takes effect, its languages, and its text (whose SHA-256 the server
 * computes) or a link to it. The version in force is the latest whose date has come; its statements follow below.
 */
export function NoticeVersionForm({ action }: { action: (input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const t = useTranslations("notice");
  const locale = useUiLocale();
  const router = useRouter();
  const [formError, setFormError] = useState<FormLevelError | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<NoticeVersionValues>({
    resolver: zodResolver(createNoticeBody as never) as never,
    defaultValues: EMPTY,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const result = await action(values);
      if (!result.ok) {
        setFormError(applyServerErrors(form, result.error));
        return;
      }
      form.reset(EMPTY);
      router.push(`/notice?version=${result.data.id}`);
      router.refresh();
    });
  });

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label={t("versionForm.label")} className="grid gap-3 sm:grid-cols-2" data-testid="notice-version-form">
        <TextField name="title" label={t("versionForm.title")} />
        <TextField name="versionLabel" label={t("versionForm.versionLabel")} />
        <DateField name="effectiveDate" label={t("versionForm.effectiveDate")} />
        <fieldset>
          <legend className="text-sm font-medium">{t("versionForm.languages")}</legend>
          <div className="mt-1 flex gap-4">
            {enumOptions("locale", locale).map((option) => (
              <label key={option.value} className="flex items-center gap-1 text-sm">
                <input type="checkbox" value={option.value} {...form.register("languages")} />
                {option.label}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="sm:col-span-2">
          <TextField name="text" label={t("versionForm.text")} multiline nullable />
        </div>
        <TextField name="url" label={t("versionForm.url")} type="url" nullable />
        <div className="sm:col-span-2">
          <FormError error={formError} />
        </div>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {t("versionForm.submit")}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
