"use client";

import { useEffect, useState } from "react";
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
  const { control } = useFormContext();
  const exemption = useWatch({ control, name: "dojExemption" }) as string | null | undefined;
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2" data-testid="transfer-doj-fields">
      <legend className="mb-2 text-lg font-semibold">US DOJ rule</legend>
      <div className="sm:col-span-2">
        <SelectField
          name="dojExemption"
          label="Exemption claimed (28 CFR 202.501-202.511)"
          options={exemptions}
          emptyLabel="None claimed"
          nullable
          hint="An exempt transfer is not flagged by the DOJ rules and is listed as exempt, with its section, in the DOJ report."
        />
      </div>
      {exemption ? (
        <div className="sm:col-span-2">
          <TextField name="dojExemptionJustification" label="Why the exemption applies" multiline nullable />
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
      <summary className="cursor-pointer text-lg font-semibold">China (PIPL)</summary>
      <p className="mt-1 text-sm text-slate-600">For personal information exported from mainland China (PIPL Art. 38-40, 55-56; 2024 Provisions).</p>
      <fieldset className="mt-4 grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">China (PIPL)</legend>
        <CheckboxField
          name="reExportOfForeignData"
          label="Data collected abroad, processed in China and sent back (2024 Provisions Art. 4)"
          className="sm:col-span-2"
        />
        <CheckboxField
          name="importantData"
          label="Contains important data (PIPL Art. 40; 2024 Provisions Art. 7(1)): a CAC security assessment at any volume"
          className="sm:col-span-2"
        />
        <div className="sm:col-span-2">
          <SelectField
            name="piplExemption"
            label="Exemption claimed (2024 Provisions Art. 5)"
            options={exemptions}
            emptyLabel="None claimed"
            nullable
            hint="An exempt export needs no CAC assessment, standard contract or certification, and does not count toward the thresholds."
          />
        </div>
        <CheckboxField
          name="piplSeparateConsent"
          label="Separate consent of the individuals obtained (PIPL Art. 39)"
          className="sm:col-span-2"
        />
        <DateField
          name="pipiaDate"
          label="Personal-information protection impact assessment (PIPIA) date"
          hint="PIPL Art. 55-56: made before the export; its report is kept for at least three years."
          max={today}
          nullable
        />
      </fieldset>
    </details>
  );
}
