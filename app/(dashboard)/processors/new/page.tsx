import Link from "next/link";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listProcessorOptions } from "@/db/queries/processors";
import { listUsers } from "@/db/queries/users";
import { ProcessorForm } from "@/components/forms/processor-form";
import { processorFormOptions } from "@/components/forms/processor-form-options";
import { appLocale } from "@/components/registers/locale-format";
import { requirePageActor } from "@/lib/auth/guard";
import { createProcessorFromForm, previewNewProcessor } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("processors");
  return { title: t("new.title") };
}

const OWNER_LIMIT = 200;

export default async function NewProcessorPage() {
  const actor = await requirePageActor(["dpo", "engineer"]);
  const database = db();
  const [parents, owners, t, locale] = await Promise.all([
    listProcessorOptions({ db: database }),
    listUsers({ db: database, page: 1, pageSize: OWNER_LIMIT, status: "active" }),
    getTranslations("processors"),
    getLocale().then(appLocale),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <Link href="/processors" className="text-sm text-brand-700 underline">
          {t("new.back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("new.title")}</h1>
        <p className="text-sm text-slate-700">{t("new.intro")}</p>
      </div>
      <ProcessorForm
        mode="create"
        initial={{
          name: "",
          legalName: null,
          website: null,
          role: "processor",
          service: "hosting",
          country: "US",
          parentProcessorId: null,
          dpfCertified: false,
          dpfExpiry: null,
          dpfUkExtension: false,
          coveredPerson: false,
          // Whoever registers the vendor owns it until someone else takes it over (processor.no-owner otherwise).
          ownerUserId: actor.id,
          notes: null,
        }}
        currentFlags={[]}
        options={processorFormOptions({ parents, owners: owners.rows, locale })}
        save={createProcessorFromForm}
        preview={previewNewProcessor}
      />
    </div>
  );
}
