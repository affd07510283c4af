import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { EntityForm } from "@/components/entities/entity-form";
import { entityFormOptions } from "@/components/entities/entity-form-options";
import { openFlagPreviews } from "@/components/forms/flag-preview";
import { appLocale } from "@/components/registers/locale-format";
import { requirePageActor } from "@/lib/auth/guard";
import { listFlagsOfEntityProcessors } from "@/lib/entities/flags";
import { getEntity } from "@/lib/entities/service";
import { uuid } from "@/lib/validation/common";
import { previewEntityChange, saveEntity } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("entities");
  return { title: t("edit.metaTitle") };
}

export default async function EditEntityPage({ params }: { params: Promise<{ id: string }> }) {
  // The same roles the save allows: the organisation is described by the DPO.
  await requirePageActor(["dpo"]);
  const { id } = await params;
  if (!uuid.safeParse(id).success) notFound();
  const database = db();
  const entity = await getEntity({ db: database, id });
  if (!entity) notFound();
  const [flags, locale, t] = await Promise.all([
    listFlagsOfEntityProcessors({ db: database, entityId: id }),
    getLocale().then(appLocale),
    getTranslations("entities"),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/organisation/entities/${id}`} className="text-sm text-brand-700 underline">
          {t("edit.back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("edit.title", { name: entity.name })}</h1>
      </div>
      <EntityForm
        mode="edit"
        recordId={id}
        initial={{
          version: entity.version,
          name: entity.name,
          legalName: entity.legalName,
          country: entity.country,
          role: entity.role,
          address: entity.address,
          phone: entity.phone,
          dpoContact: entity.dpoContact,
          representativeContact: entity.representativeContact,
          ukRepresentativeContact: entity.ukRepresentativeContact,
          ciio: entity.ciio,
        }}
        currentFlags={openFlagPreviews(flags)}
        options={entityFormOptions(locale)}
        save={saveEntity}
        preview={previewEntityChange}
      />
    </div>
  );
}
