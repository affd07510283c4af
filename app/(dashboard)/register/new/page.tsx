import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listDataCategories } from "@/db/queries/categories-register";
import { categoryChoices } from "@/components/forms/category-choices";
import { countryOptions } from "@/components/forms/transfer-form-options";
import { appLocale } from "@/components/registers/locale-format";
import { RegistrationWizard } from "@/components/registration/registration-wizard";
import type { RegistrationOptions } from "@/components/registration/types";
import { requirePageActor, serviceContext, type Actor } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { enumOptions } from "@/lib/labels";
import { listRegistrationChoices } from "@/lib/registration/queries";
import { EMPTY_TRANSFER, type WizardStepNumber, type WizardValues } from "@/lib/registration/schemas";
import { loadRegistrationWizard } from "@/lib/registration/wizard";
import { uuid } from "@/lib/validation/common";
import { findDuplicates, predictFlags, saveStep, saveVendor, submitVendor } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("registration");
  return { title: t("title") };
}

// Where data subjects are, as lib/validation/common.ts subjectRegion accepts them (named by registration.regions).
const SUBJECT_REGIONS = ["EU", "UK", "US", "US-CA", "CN", "HK"] as const;

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
  const database = db();
  const [choices, taxonomy, t, tf, locale] = await Promise.all([
    listRegistrationChoices(database),
    listDataCategories({ db: database }),
    getTranslations("registration"),
    getTranslations("forms"),
    getLocale().then(appLocale),
  ]);

  const options: RegistrationOptions = {
    countries: countryOptions(locale),
    roles: enumOptions("processorRole", locale),
    services: enumOptions("processorService", locale),
    parents: choices.parents.map((parent) => ({ value: parent.id, label: parent.name })),
    activities: choices.activities.map((activity) => ({ value: activity.id, label: activity.name })),
    // The entity's ISO code, as the entities register shows it: short, and the same in every language.
    exporters: choices.exporters.map((entity) => ({ value: entity.id, label: `${entity.name} (${entity.country})` })),
    categories: categoryChoices(choices.categories, taxonomy, tf, locale),
    subjectRegions: SUBJECT_REGIONS.map((region) => ({ value: region, label: t(`regions.${region}`) })),
    accessTypes: enumOptions("accessType", locale),
    volumeUnits: enumOptions("volumeUnit", locale),
    frequencies: enumOptions("frequency", locale),
    encryptionInTransit: enumOptions("encryptionInTransit", locale),
    encryptionAtRest: enumOptions("encryptionAtRest", locale),
    mechanisms: enumOptions("transferMechanism", locale),
    agreementTypes: enumOptions("agreementType", locale),
    sccModules: enumOptions("sccModule", locale),
  };

  return (
    <div className="space-y-4">
      <div>
        <Link href="/register" className="text-sm text-brand-700 underline">
          {t("wizard.backToMine")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{resumed ? t("wizard.continueTitle", { name: resumed.values.vendor.name }) : t("title")}</h1>
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
