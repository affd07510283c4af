import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { listTransfersByProcessor } from "@/db/queries/transfers";
import { AgreementForm } from "@/components/forms/agreement-form";
import { agreementFormOptions } from "@/components/forms/agreement-form-options";
import { openFlagPreviews } from "@/components/forms/flag-preview";
import { writableProcessorFromQuery } from "@/components/records/writable-processor";
import { appLocale } from "@/components/registers/locale-format";
import { requirePageActor } from "@/lib/auth/guard";
import { createAgreementFromForm, previewNewAgreement } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agreements");
  return { title: t("new.metaTitle") };
}

// An agreement lists at most 1000 transfers (lib/api/contracts/agreements.ts).
const TRANSFER_LIMIT = 1000;

/** /agreements/new?processor=ID: an agreement is always with one processor. */
export default async function NewAgreementPage({ searchParams }: { searchParams: Promise<{ processor?: string | string[] }> }) {
  const actor = await requirePageActor(["dpo", "engineer"]);
  const database = db();
  const processor = await writableProcessorFromQuery(database, actor, (await searchParams).processor);
  const processorId = processor.id;
  const [flags, transfers, t, locale] = await Promise.all([
    listFlagsForProcessor({ db: database, processorId }),
    listTransfersByProcessor({ db: database, processorId, limit: TRANSFER_LIMIT }),
    getTranslations("agreements"),
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
      <AgreementForm
        mode="create"
        initial={{
          processorId,
          type: "dpa",
          sccModule: null,
          signedDate: null,
          effectiveDate: null,
          expiryDate: null,
          permitsSubprocessing: false,
          flowDown: false,
          documentRef: null,
          coversAllTransfers: true,
          transferIds: [],
          notes: null,
        }}
        currentFlags={openFlagPreviews(flags)}
        options={agreementFormOptions({ transfers: transfers.rows, locale })}
        save={createAgreementFromForm}
        preview={previewNewAgreement}
      />
    </div>
  );
}
