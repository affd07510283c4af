import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import type { Metadata } from "next";
import { db } from "@/db/client";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { openFlagPreviews } from "@/components/forms/flag-preview";
import { TransferForm } from "@/components/forms/transfer-form";
import { SUBJECT_REGION_OPTIONS, transferFormOptions } from "@/components/forms/transfer-form-options";
import { mayEdit } from "@/components/registers/edit-link";
import { auditActor, requirePageActor } from "@/lib/auth/guard";
import { getProcessor } from "@/lib/processors/service";
import { listRegistrationChoices } from "@/lib/registration/queries";
import { uuid } from "@/lib/validation/common";
import { createTransferFromForm, previewNewTransfer } from "./actions";

export const metadata: Metadata = { title: "New transfer" };
export const dynamic = "force-dynamic";

/** /transfers/new?processor=ID: a transfer is always to one processor. */
export default async function NewTransferPage({ searchParams }: { searchParams: Promise<{ processor?: string | string[] }> }) {
  const actor = await requirePageActor(["dpo", "engineer"]);
  const { processor: processorParam } = await searchParams;
  const processorId = typeof processorParam === "string" ? processorParam : undefined;
  if (!processorId || !uuid.safeParse(processorId).success) notFound();
  const database = db();
  const found = await getProcessor({ db: database, id: processorId });
  if (!found) notFound();
  const { processor } = found;
  // The same rule the save enforces: engineers add transfers to their own draft processors only.
  if (!mayEdit(auditActor(actor), processor)) redirect("/forbidden");
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
        options={transferFormOptions()}
        save={createTransferFromForm}
        preview={previewNewTransfer}
      />
    </div>
  );
}
