import Link from "next/link";
import type { Metadata } from "next";
import { db } from "@/db/client";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { openFlagPreviews } from "@/components/forms/flag-preview";
import { TransferForm } from "@/components/forms/transfer-form";
import { SUBJECT_REGION_OPTIONS, transferFormOptions } from "@/components/forms/transfer-form-options";
import { NO_LEGAL_FACTS } from "@/components/forms/transfer-form-types";
import { writableProcessorFromQuery } from "@/components/records/writable-processor";
import { requirePageActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { listRegistrationChoices } from "@/lib/registration/queries";
import { createTransferFromForm, previewNewTransfer } from "./actions";

export const metadata: Metadata = { title: "New transfer" };
export const dynamic = "force-dynamic";

/** /transfers/new?processor=ID: a transfer is always to one processor. */
export default async function NewTransferPage({ searchParams }: { searchParams: Promise<{ processor?: string | string[] }> }) {
  const actor = await requirePageActor(["dpo", "engineer"]);
  const database = db();
  const processor = await writableProcessorFromQuery(database, actor, (await searchParams).processor);
  const processorId = processor.id;
  const [flags, choices] = await Promise.all([listFlagsForProcessor({ db: database, processorId }), listRegistrationChoices(database)]);

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/processors/${processorId}`} className="text-sm text-brand-700 underline">
          Back to {processor.name}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">New transfer to {processor.name}</h1>
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
          exporters: choices.exporters.map((entity) => ({ value: entity.id, label: `${entity.name} (${entity.country})` })),
          subjectRegions: SUBJECT_REGION_OPTIONS,
          dataCategories: choices.categories,
        }}
        currentFlags={openFlagPreviews(flags)}
        options={transferFormOptions({ today: todayIso() })}
        save={createTransferFromForm}
        preview={previewNewTransfer}
      />
    </div>
  );
}
