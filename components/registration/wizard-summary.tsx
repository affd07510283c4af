import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { WizardStepNumber, WizardValues } from "@/lib/registration/schemas";
import type { RegistrationOptions } from "./types";

type Options = RegistrationOptions[keyof Omit<RegistrationOptions, "categories">];

function labelOf(options: Options, value: string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  return options.find((option) => option.value === value)?.label ?? value;
}

function Section({ title, step, onEdit, children }: { title: string; step: WizardStepNumber; onEdit: (step: WizardStepNumber) => void; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h3 className="font-semibold">{title}</h3>
        <Button type="button" variant="ghost" onClick={() => onEdit(step)} aria-label={`Change ${title.toLowerCase()}`}>
          Change
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

const yesNo = (value: boolean | undefined) => (value ? "Yes" : "No");

/** Everything the wizard holds, step by step, each with a way back to change it. */
export function WizardSummary({ values, options, onEdit }: { values: WizardValues; options: RegistrationOptions; onEdit: (step: WizardStepNumber) => void }) {
  const { vendor, data, flows, transfers, agreements } = values;
  const categoryLabels = new Map(options.categories.map((category) => [category.key, category]));
  return (
    <div className="space-y-4" data-testid="wizard-summary">
      <Section title="The vendor" step={1} onEdit={onEdit}>
        <Facts
          rows={[
            ["Name", vendor.name],
            ["Legal name", vendor.legalName || "—"],
            ["Website", vendor.website || "—"],
            ["Role", labelOf(options.roles, vendor.role)],
            ["Service", labelOf(options.services, vendor.service)],
            ["Country", labelOf(options.countries, vendor.country)],
            ...(vendor.role === "sub_processor" ? ([["Parent processor", labelOf(options.parents, vendor.parentProcessorId)]] as [string, ReactNode][]) : []),
            ["DPF certified", vendor.dpfCertified ? `Yes, until ${vendor.dpfExpiry ?? "—"}${vendor.dpfUkExtension ? ", with the UK Extension" : ", without the UK Extension"}` : "No"],
          ]}
        />
      </Section>
      <Section title="What data" step={2} onEdit={onEdit}>
        <Facts
          rows={[
            ["Processing activity", labelOf(options.activities, data.activityId)],
            [
              "Data categories",
              <ul key="categories" className="list-disc pl-5">
                {data.dataCategories.map((key) => (
                  <li key={key}>
                    {categoryLabels.get(key)?.label ?? key} <code className="text-xs text-slate-500">{key}</code>
                    {categoryLabels.get(key)?.sensitive && <span className="block text-xs text-amber-800">Sensitive: {categoryLabels.get(key)!.sensitive}</span>}
                  </li>
                ))}
              </ul>,
            ],
          ]}
        />
      </Section>
      <Section title="Where and how much" step={3} onEdit={onEdit}>
        <Facts
          rows={[
            ["Exporting entity", labelOf(options.exporters, flows.exporterEntityId)],
            ["Data sits in", labelOf(options.countries, flows.originCountry)],
            ["People in", flows.subjectRegions.length ? flows.subjectRegions.map((region) => labelOf(options.subjectRegions, region)).join(", ") : "—"],
            ...transfers.map(
              (transfer, index) =>
                [
                  `Destination ${index + 1}`,
                  `${labelOf(options.countries, transfer.destinationCountry)} · ${labelOf(options.accessTypes, transfer.accessType)} · ${Number(transfer.estimatedSubjects ?? 0).toLocaleString("en-US")} ${transfer.volumeUnit ?? "people"} per 12 months · ${labelOf(options.frequencies, transfer.frequency)}`,
                ] as [string, ReactNode],
            ),
          ]}
        />
      </Section>
      <Section title="How it is protected" step={4} onEdit={onEdit}>
        <Facts
          rows={[
            ...transfers.map(
              (transfer) =>
                [
                  `To ${labelOf(options.countries, transfer.destinationCountry)}`,
                  `In transit: ${labelOf(options.encryptionInTransit, transfer.encryptionInTransit)} · at rest: ${labelOf(options.encryptionAtRest, transfer.encryptionAtRest)} · mechanism: ${labelOf(options.mechanisms, transfer.mechanism)} · TIA: ${transfer.tiaDate || "none"} · CISA requirements met: ${yesNo(transfer.cisaRequirementsMet)}`,
                ] as [string, ReactNode],
            ),
            [
              "Agreements",
              agreements.length === 0
                ? "None"
                : agreements
                    .map(
                      (agreement) =>
                        `${labelOf(options.agreementTypes, agreement.type)}${agreement.signedDate ? `, signed ${agreement.signedDate}` : ", not signed"}${agreement.expiryDate ? `, expires ${agreement.expiryDate}` : ""}${agreement.documentRef ? ` (${agreement.documentRef})` : ""}`,
                    )
                    .join("; "),
            ],
          ]}
        />
      </Section>
    </div>
  );
}
