import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { db } from "@/db/client";
import { RegistrationWizard } from "@/components/registration/registration-wizard";
import type { RegistrationOptions } from "@/components/registration/types";
import {
  ACCESS_TYPE_LABELS,
  ENCRYPTION_AT_REST_LABELS,
  ENCRYPTION_IN_TRANSIT_LABELS,
  FREQUENCY_LABELS,
  MECHANISM_LABELS,
  SCC_MODULE_LABELS,
} from "@/components/transfers/labels";
import { enumOptions } from "@/components/ui/filter-form";
import {
  ACCESS_TYPES,
  AGREEMENT_TYPES,
  ENCRYPTION_AT_REST,
  ENCRYPTION_IN_TRANSIT,
  FREQUENCIES,
  PROCESSOR_ROLES,
  PROCESSOR_SERVICES,
  SCC_MODULES,
  TRANSFER_MECHANISMS,
  VOLUME_UNITS,
} from "@/db/schema/enums";
import { requirePageActor, serviceContext, type Actor } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { listCountries } from "@/lib/jurisdictions/countries";
import { listRegistrationChoices } from "@/lib/registration/queries";
import { EMPTY_TRANSFER, type WizardStepNumber, type WizardValues } from "@/lib/registration/schemas";
import { loadRegistrationWizard } from "@/lib/registration/wizard";
import { AGREEMENT_TYPE_LABELS } from "@/lib/rules/labels";
import { uuid } from "@/lib/validation/common";
import { findDuplicates, predictFlags, saveStep, saveVendor, submitVendor } from "./actions";

export const metadata: Metadata = { title: "Register a vendor" };
export const dynamic = "force-dynamic";

const COUNTRY_OPTIONS = listCountries().map((country) => ({ value: country.code, label: country.name }));

// Where data subjects are, as lib/validation/common.ts subjectRegion accepts them.
const SUBJECT_REGIONS = [
  { value: "EU", label: "EU" },
  { value: "UK", label: "United Kingdom" },
  { value: "US", label: "United States" },
  { value: "US-CA", label: "California" },
  { value: "CN", label: "Mainland China" },
  { value: "HK", label: "Hong Kong" },
];

const EMPTY_VALUES: WizardValues = {
  vendor: { name: "", dpfCertified: false } as WizardValues["vendor"],
  data: { dataCategories: [] },
  flows: { originCountry: "US", subjectRegions: [] },
  transfers: [{ ...EMPTY_TRANSFER }],
  agreements: [],
};

/** The wizard's values for a saved draft: the processor record, then the steps kept as its draft state. */
async function resume(processorId: string, actor: Actor) {
  try {
    const { processor, draft } = await loadRegistrationWizard({ ctx: serviceContext(actor), input: { processorId } });
    const values: WizardValues = {
      vendor: {
        name: processor.name,
        legalName: processor.legalName ?? undefined,
        website: processor.website ?? undefined,
        role: processor.role,
        service: processor.service,
        country: processor.country,
        parentProcessorId: processor.parentProcessorId ?? undefined,
        dpfCertified: processor.dpfCertified,
        dpfExpiry: processor.dpfExpiry ?? undefined,
        dpfUkExtension: processor.dpfUkExtension,
      },
      data: draft.data ?? EMPTY_VALUES.data,
      flows: draft.flows ?? EMPTY_VALUES.flows,
      transfers: draft.transfers ?? [{ ...EMPTY_TRANSFER, destinationCountry: processor.country }],
      agreements: draft.agreements ?? [],
    };
    return { values, step: draft.step as WizardStepNumber, version: processor.version };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError && error.code === "forbidden") redirect("/forbidden");
    // Submitted, approved or rejected: no longer a draft; its page says where it stands.
    if (error instanceof AppError && error.code === "conflict") redirect(`/processors/${processorId}`);
    throw error;
  }
}

export default async function NewVendorPage({ searchParams }: { searchParams: Promise<{ draft?: string | string[] }> }) {
  const actor = await requirePageActor(["dpo", "engineer"]);
  const { draft } = await searchParams;
  const draftId = typeof draft === "string" ? draft : undefined;
  if (draftId !== undefined && !uuid.safeParse(draftId).success) notFound();
  const resumed = draftId ? await resume(draftId, actor) : undefined;
  const choices = await listRegistrationChoices(db());

  const options: RegistrationOptions = {
    countries: COUNTRY_OPTIONS,
    roles: enumOptions(PROCESSOR_ROLES),
    services: enumOptions(PROCESSOR_SERVICES),
    parents: choices.parents.map((parent) => ({ value: parent.id, label: parent.name })),
    activities: choices.activities.map((activity) => ({ value: activity.id, label: activity.name })),
    exporters: choices.exporters.map((entity) => ({ value: entity.id, label: `${entity.name} (${entity.country})` })),
    categories: choices.categories,
    subjectRegions: SUBJECT_REGIONS,
    accessTypes: enumOptions(ACCESS_TYPES, ACCESS_TYPE_LABELS),
    volumeUnits: enumOptions(VOLUME_UNITS),
    frequencies: enumOptions(FREQUENCIES, FREQUENCY_LABELS),
    encryptionInTransit: enumOptions(ENCRYPTION_IN_TRANSIT, ENCRYPTION_IN_TRANSIT_LABELS),
    encryptionAtRest: enumOptions(ENCRYPTION_AT_REST, ENCRYPTION_AT_REST_LABELS),
    mechanisms: enumOptions(TRANSFER_MECHANISMS, MECHANISM_LABELS),
    agreementTypes: enumOptions(AGREEMENT_TYPES, AGREEMENT_TYPE_LABELS),
    sccModules: enumOptions(SCC_MODULES, SCC_MODULE_LABELS),
  };

  return (
    <div className="space-y-4">
      <div>
        <Link href="/register" className="text-sm text-brand-700 underline">
          Back to My vendors
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{resumed ? `Continue registering ${resumed.values.vendor.name}` : "Register a vendor"}</h1>
      </div>
      <RegistrationWizard
        initial={resumed?.values ?? EMPTY_VALUES}
        initialStep={resumed?.step ?? 1}
        processorId={draftId}
        version={resumed?.version}
        options={options}
        actions={{ saveVendor, saveStep, predictFlags, submitVendor, findDuplicates }}
      />
    </div>
  );
}
