import { userActor } from "@/lib/auth/actor";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import type { Metadata } from "next";
import { db } from "@/db/client";
import { listFlagsForSubject } from "@/db/queries/flags";
import { mayEdit } from "@/components/registers/edit-link";
import { openFlagPreviews } from "@/components/forms/flag-preview";
import { TransferForm } from "@/components/forms/transfer-form";
import { transferFormOptions } from "@/components/forms/transfer-form-options";
import { countryLabel } from "@/components/transfers/labels";
import { requirePageActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { getTransfer } from "@/lib/transfers/service";
import { uuid } from "@/lib/validation/common";
import { previewTransferChange, saveTransfer } from "./actions";

export const metadata: Metadata = { title: "Edit transfer" };
export const dynamic = "force-dynamic";

export default async function EditTransferPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(["dpo", "engineer"]);
  const { id } = await params;
  if (!uuid.safeParse(id).success) notFound();
  const database = db();
  const transfer = await getTransfer({ db: database, id });
  if (!transfer) notFound();
  // The same ownership rule the save enforces: engineers only on their own drafts.
  if (!mayEdit(userActor(actor), transfer)) redirect("/forbidden");
  const flags = await listFlagsForSubject({ db: database, subjectType: "transfer", subjectId: id });

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/transfers/${id}`} className="text-sm text-brand-700 underline">
          Back to the transfer
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">
          Edit transfer to {countryLabel(transfer.destinationCountry)}
        </h1>
      </div>
      <TransferForm
        mode="edit"
        recordId={id}
        initial={{
          version: transfer.version,
          destinationCountry: transfer.destinationCountry,
          accessType: transfer.accessType,
          estimatedSubjects: transfer.estimatedSubjects,
          volumeUnit: transfer.volumeUnit,
          frequency: transfer.frequency,
          encryptionInTransit: transfer.encryptionInTransit,
          encryptionAtRest: transfer.encryptionAtRest,
          mechanism: transfer.mechanism,
          tiaDate: transfer.tiaDate,
          cisaRequirementsMet: transfer.cisaRequirementsMet,
          dojExemption: transfer.dojExemption,
          dojExemptionJustification: transfer.dojExemptionJustification,
          reExportOfForeignData: transfer.reExportOfForeignData,
          importantData: transfer.importantData,
          piplExemption: transfer.piplExemption,
          piplSeparateConsent: transfer.piplSeparateConsent,
          pipiaDate: transfer.pipiaDate,
          notes: transfer.notes,
        }}
        originCountry={transfer.originCountry}
        currentFlags={openFlagPreviews(flags)}
        options={transferFormOptions({ today: todayIso() })}
        save={saveTransfer}
        preview={previewTransferChange}
      />
    </div>
  );
}
