import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EntityForm } from "@/components/entities/entity-form";
import { entityFormOptions } from "@/components/entities/entity-form-options";
import { appLocale } from "@/components/registers/locale-format";
import { requirePageActor } from "@/lib/auth/guard";
import { createEntityFromForm, previewNewEntity } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("entities");
  return { title: t("new.title") };
}

export default async function NewEntityPage() {
  await requirePageActor(["dpo"]);
  const [locale, t] = await Promise.all([getLocale().then(appLocale), getTranslations("entities")]);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/organisation" className="text-sm text-brand-700 underline">
          {t("new.back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("new.title")}</h1>
        <p className="mt-1 text-sm text-slate-700">{t("new.intro")}</p>
      </div>
      <EntityForm
        mode="create"
        initial={{
          name: "",
          legalName: null,
          country: "",
          role: "controller",
          address: null,
          phone: null,
          dpoContact: null,
          representativeContact: null,
          ukRepresentativeContact: null,
          ciio: false,
        }}
        currentFlags={[]}
        options={entityFormOptions(locale)}
        save={createEntityFromForm}
        preview={previewNewEntity}
      />
    </div>
  );
}
