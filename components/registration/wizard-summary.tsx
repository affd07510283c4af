import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { appLocale, localeFormatters } from "@/components/registers/locale-format";
import { Button } from "@/components/ui/button";
import { formatDate } from "@/lib/labels";
import type { WizardStepNumber, WizardValues } from "@/lib/registration/schemas";
import type { RegistrationOptions } from "./types";

type Options = RegistrationOptions[keyof Omit<RegistrationOptions, "categories">];

function Section({ title, step, onEdit, children }: { title: string; step: WizardStepNumber; onEdit: (step: WizardStepNumber) => void; children: ReactNode }) {
  const t = useTranslations("registration.summary");
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h3 className="font-semibold">{title}</h3>
        <Button type="button" variant="ghost" onClick={() => onEdit(step)} aria-label={t("changeLabel", { section: title.toLowerCase() })}>
          {t("change")}
        </Button>
      </div>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-slate-700">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Everything the wizard holds, step by step, each with a way back to change it. */
export function WizardSummary({ values, options, onEdit }: { values: WizardValues; options: RegistrationOptions; onEdit: (step: WizardStepNumber) => void }) {
  const t = useTranslations("registration");
  const locale = appLocale(useLocale());
  const { number } = localeFormatters(locale);
  const { vendor, data, flows, transfers, agreements } = values;
  const categoryLabels = new Map(options.categories.map((category) => [category.key, category]));
  const labelOf = (choices: Options, value: string | null | undefined): string => {
    if (value === null || value === undefined || value === "") return "—";
    return choices.find((option) => option.value === value)?.label ?? value;
  };
  const yesNo = (value: boolean | undefined) => (value ? t("summary.yes") : t("summary.no"));
  // The form holds dates as YYYY-MM-DD; the summary reads them as the rest of the app does.
  const date = (value: string | null | undefined) => (value ? formatDate(value, locale) : null);
  return (
    <div className="space-y-4" data-testid="wizard-summary">
      <Section title={t("steps.1")} step={1} onEdit={onEdit}>
        <Facts
          rows={[
            [t("summary.name"), vendor.name],
            [t("summary.legalName"), vendor.legalName || "—"],
            [t("summary.website"), vendor.website || "—"],
            [t("summary.role"), labelOf(options.roles, vendor.role)],
            [t("summary.service"), labelOf(options.services, vendor.service)],
            [t("summary.country"), labelOf(options.countries, vendor.country)],
            ...(vendor.role === "sub_processor" ? ([[t("summary.parent"), labelOf(options.parents, vendor.parentProcessorId)]] as [string, ReactNode][]) : []),
            [
              t("summary.dpf"),
              vendor.dpfCertified
                ? t("summary.dpfYes", { date: date(vendor.dpfExpiry) ?? "—", uk: String(Boolean(vendor.dpfUkExtension)) })
                : t("summary.no"),
            ],
          ]}
        />
      </Section>
      <Section title={t("steps.2")} step={2} onEdit={onEdit}>
        <Facts
          rows={[
            [t("summary.activity"), labelOf(options.activities, data.activityId)],
            [
              t("summary.categories"),
              <ul key="categories" className="list-disc pl-5">
                {data.dataCategories.map((key) => (
                  <li key={key}>
                    {categoryLabels.get(key)?.label ?? key} <code className="text-xs text-slate-500">{key}</code>
                    {categoryLabels.get(key)?.sensitive && (
                      <span className="block text-xs text-amber-800">{t("summary.sensitive", { why: categoryLabels.get(key)!.sensitive! })}</span>
                    )}
                  </li>
                ))}
              </ul>,
            ],
          ]}
        />
      </Section>
      <Section title={t("steps.3")} step={3} onEdit={onEdit}>
        <Facts
          rows={[
            [t("summary.exporter"), labelOf(options.exporters, flows.exporterEntityId)],
            [t("summary.origin"), labelOf(options.countries, flows.originCountry)],
            [t("summary.regions"), flows.subjectRegions.length ? flows.subjectRegions.map((region) => labelOf(options.subjectRegions, region)).join(", ") : "—"],
            ...transfers.map((transfer, index) => {
              const count = Number(transfer.estimatedSubjects ?? 0);
              return [
                t("summary.destination", { number: index + 1 }),
                t("summary.destinationValue", {
                  country: labelOf(options.countries, transfer.destinationCountry),
                  access: labelOf(options.accessTypes, transfer.accessType),
                  count,
                  number: number(count),
                  unit: transfer.volumeUnit ?? "people",
                  frequency: labelOf(options.frequencies, transfer.frequency),
                }),
              ] as [string, ReactNode];
            }),
          ]}
        />
      </Section>
      <Section title={t("steps.4")} step={4} onEdit={onEdit}>
        <Facts
          rows={[
            ...transfers.map(
              (transfer) =>
                [
                  t("summary.to", { country: labelOf(options.countries, transfer.destinationCountry) }),
                  t("summary.protection", {
                    inTransit: labelOf(options.encryptionInTransit, transfer.encryptionInTransit),
                    atRest: labelOf(options.encryptionAtRest, transfer.encryptionAtRest),
                    mechanism: labelOf(options.mechanisms, transfer.mechanism),
                    tia: date(transfer.tiaDate) ?? t("summary.noTia"),
                    cisa: yesNo(transfer.cisaRequirementsMet),
                  }),
                ] as [string, ReactNode],
            ),
            [
              t("summary.agreements"),
              agreements.length === 0
                ? t("summary.noAgreement")
                : agreements
                    .map((agreement) =>
                      t("summary.agreement", {
                        type: labelOf(options.agreementTypes, agreement.type),
                        hasSigned: String(Boolean(agreement.signedDate)),
                        signed: date(agreement.signedDate) ?? "",
                        hasExpiry: String(Boolean(agreement.expiryDate)),
                        expires: date(agreement.expiryDate) ?? "",
                        hasDocument: String(Boolean(agreement.documentRef)),
                        document: agreement.documentRef ?? "",
                      }),
                    )
                    .join("; "),
            ],
          ]}
        />
      </Section>
    </div>
  );
}
