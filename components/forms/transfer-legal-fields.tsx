"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import { CheckboxField } from "./checkbox-field";
import { DateField } from "./date-field";
import { SelectField, type Option } from "./select-field";
import { TextField } from "./text-field";

/*
 * The facts of a transfer that only some laws turn on (DOMAIN.md §2): the US DOJ exemption claimed, and the
 * PIPL facts of an export from mainland China. Both sections belong to the transfer form, in either mode.
 */

/**
 * 28 CFR part 202 subpart E: the exemption relied on (labelled with its section) and, once one is chosen, the
 * justification the DOJ report prints beside it (the server refuses an exemption without one).
 */
export function DojExemptionFields({ exemptions }: { exemptions: readonly Option[] }) {
  const t = useTranslations("forms.doj");
  const { control } = useFormContext();
  const exemption = useWatch({ control, name: "dojExemption" }) as string | null | undefined;
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2" data-testid="transfer-doj-fields">
      <legend className="mb-2 text-lg font-semibold">{t("legend")}</legend>
      <div className="sm:col-span-2">
        <SelectField name="dojExemption" label={t("exemption")} options={exemptions} emptyLabel={t("noneClaimed")} nullable hint={t("exemptionHint")} />
      </div>
      {exemption ? (
        <div className="sm:col-span-2">
          <TextField name="dojExemptionJustification" label={t("justification")} multiline nullable />
        </div>
      ) : null}
    </fieldset>
  );
}

/**
 * PIPL Art. 38-40, 55-56 and the 2024 Provisions: open on its own for an export from mainland China (or when a
 * PIPL fact is already recorded), folded away otherwise, so that a US flow's form stays short.
 */
export function PiplFields({
  fixedOrigin,
  exemptions,
  today,
}: {
  /** The stored origin when the form does not edit it (an edit); else the form's own `originCountry` is read. */
  fixedOrigin?: string;
  exemptions: readonly Option[];
  today: string;
}) {
  const t = useTranslations("forms.pipl");
  const { control } = useFormContext();
  const chosenOrigin = useWatch({ control, name: "originCountry" }) as string | undefined;
  const originCountry = fixedOrigin ?? chosenOrigin;
  const [importantData, piplExemption, piplSeparateConsent, pipiaDate, reExport] = useWatch({
    control,
    name: ["importantData", "piplExemption", "piplSeparateConsent", "pipiaDate", "reExportOfForeignData"],
  }) as [boolean, string | null, boolean, string | null, boolean];
  const relevant = originCountry === "CN" || Boolean(importantData || piplExemption || piplSeparateConsent || pipiaDate || reExport);
  const [open, setOpen] = useState(relevant);
  // Choosing China as the origin unfolds the section; it never folds away what the user opened.
  useEffect(() => {
    if (relevant) setOpen(true);
  }, [relevant]);

  return (
    <details
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="rounded-md border border-slate-200 p-4"
      data-testid="transfer-pipl-fields"
    >
      <summary className="cursor-pointer text-lg font-semibold">{t("legend")}</summary>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      <fieldset className="mt-4 grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">{t("legend")}</legend>
        <CheckboxField name="reExportOfForeignData" label={t("reExport")} className="sm:col-span-2" />
        <CheckboxField name="importantData" label={t("importantData")} className="sm:col-span-2" />
        <div className="sm:col-span-2">
          <SelectField name="piplExemption" label={t("exemption")} options={exemptions} emptyLabel={t("noneClaimed")} nullable hint={t("exemptionHint")} />
        </div>
        <CheckboxField name="piplSeparateConsent" label={t("separateConsent")} className="sm:col-span-2" />
        <DateField name="pipiaDate" label={t("pipiaDate")} hint={t("pipiaHint")} max={today} nullable />
      </fieldset>
    </details>
  );
}
