import { userActor } from "@/lib/auth/actor";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { listTransfersByProcessor } from "@/db/queries/transfers";
import { AgreementForm } from "@/components/forms/agreement-form";
import { agreementFormOptions } from "@/components/forms/agreement-form-options";
import { openFlagPreviews } from "@/components/forms/flag-preview";
import { mayEdit } from "@/components/registers/edit-link";
import { appLocale } from "@/components/registers/locale-format";
import { getAgreement } from "@/lib/agreements/service";
import { requirePageActor } from "@/lib/auth/guard";
import { getProcessor } from "@/lib/processors/service";
import { enumLabel } from "@/lib/labels";
import { uuid } from "@/lib/validation/common";
import { previewAgreementChange, saveAgreement } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agreements");
  return { title: t("edit.metaTitle") };
}

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
  const [flags, transfers, t, locale] = await Promise.all([
    listFlagsForProcessor({ db: database, processorId: processor.id }),
    listTransfersByProcessor({ db: database, processorId: processor.id, limit: TRANSFER_LIMIT }),
    getTranslations("agreements"),
    getLocale().then(appLocale),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/agreements/${id}`} className="text-sm text-brand-700 underline">
          {t("edit.back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">
          {t("edit.title", { type: enumLabel("agreementType", agreement.type, locale), processor: processor.name })}
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
        options={agreementFormOptions({ transfers: transfers.rows, locale })}
        save={saveAgreement}
        preview={previewAgreementChange}
      />
    </div>
  );
}
