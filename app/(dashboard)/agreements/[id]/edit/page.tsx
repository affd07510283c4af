import { userActor } from "@/lib/auth/actor";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import type { Metadata } from "next";
import { db } from "@/db/client";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { listTransfersByProcessor } from "@/db/queries/transfers";
import { AgreementForm } from "@/components/forms/agreement-form";
import { agreementFormOptions } from "@/components/forms/agreement-form-options";
import { openFlagPreviews } from "@/components/forms/flag-preview";
import { mayEdit } from "@/components/registers/edit-link";
import { getAgreement } from "@/lib/agreements/service";
import { requirePageActor } from "@/lib/auth/guard";
import { getProcessor } from "@/lib/processors/service";
import { AGREEMENT_TYPE_LABELS } from "@/lib/rules/labels";
import { uuid } from "@/lib/validation/common";
import { previewAgreementChange, saveAgreement } from "./actions";

export const metadata: Metadata = { title: "Edit agreement" };
export const dynamic = "force-dynamic";

const TRANSFER_LIMIT = 1000;

export default async function EditAgreementPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(["dpo", "engineer"]);
  const { id } = await params;
  if (!uuid.safeParse(id).success) notFound();
  const database = db();
  const agreement = await getAgreement({ db: database, id });
  if (!agreement) notFound();
  const found = await getProcessor({ db: database, id: agreement.processorId });
  if (!found) notFound();
  const { processor } = found;
  // The same rule the save enforces: engineers write the agreements of their own draft processors only.
  if (!mayEdit(userActor(actor), processor)) redirect("/forbidden");
  const [flags, transfers] = await Promise.all([
    listFlagsForProcessor({ db: database, processorId: processor.id }),
    listTransfersByProcessor({ db: database, processorId: processor.id, limit: TRANSFER_LIMIT }),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/agreements/${id}`} className="text-sm text-brand-700 underline">
          Back to the agreement
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">
          Edit {AGREEMENT_TYPE_LABELS[agreement.type]} with {processor.name}
        </h1>
      </div>
      <AgreementForm
        mode="edit"
        recordId={id}
        initial={{
          version: agreement.version,
          type: agreement.type,
          sccModule: agreement.sccModule,
          signedDate: agreement.signedDate,
          effectiveDate: agreement.effectiveDate,
          expiryDate: agreement.expiryDate,
          permitsSubprocessing: agreement.permitsSubprocessing,
          flowDown: agreement.flowDown,
          documentRef: agreement.documentRef,
          coversAllTransfers: agreement.coversAllTransfers,
          transferIds: agreement.transferIds,
          notes: agreement.notes,
        }}
        currentFlags={openFlagPreviews(flags)}
        options={agreementFormOptions({ transfers: transfers.rows })}
        save={saveAgreement}
        preview={previewAgreementChange}
      />
    </div>
  );
}
