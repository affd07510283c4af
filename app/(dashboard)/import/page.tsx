import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportForm } from "@/components/import/import-form";
import { requirePageActor } from "@/lib/auth/guard";
import { checkImportFile, importFile } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("import");
  return { title: t("page.metaTitle") };
}

export default async function ImportPage() {
  await requirePageActor(["dpo", "engineer"]);
  const t = await getTranslations("import");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("page.title")}</h1>
      <p className="max-w-3xl text-sm text-slate-700">{t("page.intro")}</p>
      <ImportForm check={checkImportFile} commit={importFile} />
    </div>
  );
}
