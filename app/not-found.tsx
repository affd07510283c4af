import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** A link that no longer leads anywhere (a deleted record, a mistyped address): say so and offer the way back. */
export default async function NotFoundPage() {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto max-w-lg p-10">
      <h1 className="text-xl font-semibold">{t("notFound.heading")}</h1>
      <p className="mt-2 text-slate-700">{t("notFound.text")}</p>
      <Link className="mt-4 inline-block text-brand-700 underline" href="/">
        {t("backToDashboard")}
      </Link>
    </main>
  );
}
