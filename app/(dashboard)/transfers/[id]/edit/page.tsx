import { userActor } from "@/lib/auth/actor";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listFlagsForSubject } from "@/db/queries/flags";
import { mayEdit } from "@/components/registers/edit-link";
import { openFlagPreviews } from "@/components/forms/flag-preview";
import { TransferForm } from "@/components/forms/transfer-form";
import { transferFormOptions } from "@/components/forms/transfer-form-options";
import { appLocale } from "@/components/registers/locale-format";
import { countryName } from "@/lib/labels";
import { requirePageActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { getTransfer } from "@/lib/transfers/service";
import { uuid } from "@/lib/validation/common";
import { previewTransferChange, saveTransfer } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("transfers");
  return { title: t("edit.metaTitle") };
}

export default async function EditTransferPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(["dpo", "engineer"]);
  const { id } = await params;
  if (!uuid.safeParse(id).success) notFound();
  const database = db();
  const transfer = await getTransfer({ db: database, id });
  if (!transfer) notFound();
  // The same ownership rule the save enforces: engineers only on their own drafts.
  if (!mayEdit(userActor(actor), transfer)) redirect("/forbidden");
  const [flags, t, locale] = await Promise.all([
    listFlagsForSubject({ db: database, subjectType: "transfer", subjectId: id }),
    getTranslations("transfers"),
    getLocale().then(appLocale),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/transfers/${id}`} className="text-sm text-brand-700 underline">
          {t("edit.back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("edit.title", { country: countryName(transfer.destinationCountry, locale) })}</h1>
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
        options={transferFormOptions({ today: todayIso(), locale })}
        save={saveTransfer}
        preview={previewTransferChange}
      />
    </div>
  );
}
