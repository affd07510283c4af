import { userActor } from "@/lib/auth/actor";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listFlagsForProcessor } from "@/db/queries/flags";
import { listProcessorOptions } from "@/db/queries/processors";
import { listUsers } from "@/db/queries/users";
import { openFlagPreviews } from "@/components/forms/flag-preview";
import { ProcessorForm } from "@/components/forms/processor-form";
import { processorFormOptions } from "@/components/forms/processor-form-options";
import { mayEdit } from "@/components/registers/edit-link";
import { appLocale } from "@/components/registers/locale-format";
import { requirePageActor } from "@/lib/auth/guard";
import { getProcessor } from "@/lib/processors/service";
import { uuid } from "@/lib/validation/common";
import { previewProcessorChange, saveProcessor } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("processors");
  return { title: t("edit.metaTitle") };
}

// Owners are picked among the active accounts; a register has a handful of people, not thousands.
const OWNER_LIMIT = 200;

export default async function EditProcessorPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(["dpo", "engineer"]);
  const { id } = await params;
  if (!uuid.safeParse(id).success) notFound();
  const database = db();
  const found = await getProcessor({ db: database, id });
  if (!found) notFound();
  const { processor } = found;
  // The same ownership rule the save enforces: engineers only on their own drafts.
  if (!mayEdit(userActor(actor), processor)) redirect("/forbidden");
  const [flags, parents, owners, t, locale] = await Promise.all([
    listFlagsForProcessor({ db: database, processorId: id }),
    listProcessorOptions({ db: database }),
    listUsers({ db: database, page: 1, pageSize: OWNER_LIMIT, status: "active" }),
    getTranslations("processors"),
    getLocale().then(appLocale),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/processors/${id}`} className="text-sm text-brand-700 underline">
          {t("edit.back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("edit.title", { name: processor.name })}</h1>
      </div>
      <ProcessorForm
        mode="edit"
        recordId={id}
        initial={{
          version: processor.version,
          name: processor.name,
          legalName: processor.legalName,
          website: processor.website,
          role: processor.role,
          service: processor.service,
          country: processor.country,
          parentProcessorId: processor.parentProcessorId,
          dpfCertified: processor.dpfCertified,
          dpfExpiry: processor.dpfExpiry,
          dpfUkExtension: processor.dpfUkExtension,
          coveredPerson: processor.coveredPerson,
          ownerUserId: processor.ownerUserId,
          notes: processor.notes,
        }}
        currentFlags={openFlagPreviews(flags)}
        options={processorFormOptions({ parents, owners: owners.rows, excludeId: id, locale })}
        save={saveProcessor}
        preview={previewProcessorChange}
      />
    </div>
  );
}
