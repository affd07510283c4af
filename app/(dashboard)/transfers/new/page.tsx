import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listDataCategories } from "@/db/queries/categories-register";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { categoryChoices } from "@/components/forms/category-choices";
import { openFlagPreviews } from "@/components/forms/flag-preview";
import { TransferForm } from "@/components/forms/transfer-form";
import { subjectRegionOptions, transferFormOptions } from "@/components/forms/transfer-form-options";
import { NO_LEGAL_FACTS } from "@/components/forms/transfer-form-types";
import { writableProcessorFromQuery } from "@/components/records/writable-processor";
import { appLocale } from "@/components/registers/locale-format";
import { requirePageActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { listRegistrationChoices } from "@/lib/registration/queries";
import { createTransferFromForm, previewNewTransfer } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("transfers");
  return { title: t("new.metaTitle") };
}

/** /transfers/new?processor=ID: a transfer is always to one processor. */
export default async function NewTransferPage({ searchParams }: { searchParams: Promise<{ processor?: string | string[] }> }) {
  const actor = await requirePageActor(["dpo", "engineer"]);
  const database = db();
  const processor = await writableProcessorFromQuery(database, actor, (await searchParams).processor);
  const processorId = processor.id;
  const [flags, choices, taxonomy, t, tf, locale] = await Promise.all([
    listFlagsForProcessor({ db: database, processorId }),
    listRegistrationChoices(database),
    listDataCategories({ db: database }),
    getTranslations("transfers"),
    getTranslations("forms"),
    getLocale().then(appLocale),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/processors/${processorId}`} className="text-sm text-brand-700 underline">
          {t("new.back", { processor: processor.name })}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("new.title", { processor: processor.name })}</h1>
      </div>
      <TransferForm
        mode="create"
        initial={{
          processorId,
          activityId: "",
          exporterEntityId: choices.exporters.find((entity) => entity.country === "US")?.id ?? "",
          // DOMAIN.md §6: the demo company stores its data in the United States.
          originCountry: "US",
          destinationCountry: processor.country,
          accessType: "storage",
          subjectRegions: [],
          estimatedSubjects: 0,
          volumeUnit: "people",
          frequency: "continuous",
          encryptionInTransit: "tls1_3",
          encryptionAtRest: "provider_keys",
          mechanism: "none",
          tiaDate: null,
          cisaRequirementsMet: false,
          ...NO_LEGAL_FACTS,
          notes: null,
          dataCategories: [],
        }}
        createOptions={{
          activities: choices.activities.map((activity) => ({ value: activity.id, label: activity.name })),
          // The entity's ISO code, as the entities register shows it: short, and the same in every language.
          exporters: choices.exporters.map((entity) => ({ value: entity.id, label: `${entity.name} (${entity.country})` })),
          subjectRegions: subjectRegionOptions((region) => tf(`subjectRegions.${region}`)),
          dataCategories: categoryChoices(choices.categories, taxonomy, tf, locale),
        }}
        currentFlags={openFlagPreviews(flags)}
        options={transferFormOptions({ today: todayIso(), locale })}
        save={createTransferFromForm}
        preview={previewNewTransfer}
      />
    </div>
  );
}
