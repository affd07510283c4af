import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("forbidden.title") };
}

export default async function ForbiddenPage() {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto max-w-lg p-10">
      <h1 className="text-xl font-semibold">{t("forbidden.heading")}</h1>
      <p className="mt-2 text-slate-700">{t("forbidden.text")}</p>
      <Link className="mt-4 inline-block text-brand-700 underline" href="/">
        {t("backToDashboard")}
      </Link>
    </main>
  );
}
