import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SetupForm } from "@/components/auth/setup-form";
import { db } from "@/db/client";
import { setupStatus } from "@/lib/setup/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("setup");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

const code = (chunks: React.ReactNode) => <code>{chunks}</code>;

/**
 * First run without the demo: public (nobody can sign in yet), outside the signed-in layout. Open only while a
 * one-time code is pending and there is no DPO; once set up, it sends everyone to sign-in.
 */
export default async function SetupPage() {
  const status = await setupStatus({ db: db() });
  if (status.state === "done") redirect("/sign-in");
  const t = await getTranslations("setup");
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-md space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <div>
          <h1 className="text-xl font-semibold">{t("heading")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
        </div>
        {status.state === "pending" ? (
          <>
            <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-700">
              {t.rich("codeInstructions", { strong: (chunks) => <strong>{chunks}</strong>, code })}
            </p>
            <SetupForm />
          </>
        ) : (
          <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            {t.rich("noCode", { code })}
          </p>
        )}
        <p className="text-xs text-slate-500">
          {t.rich("haveAccount", {
            signInLink: (chunks) => (
              <Link href="/sign-in" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
    </main>
  );
}
