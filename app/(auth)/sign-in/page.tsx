import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { isDemoMode } from "@/lib/env";
import { roleLabel } from "@/components/users/labels";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { localeCookie } from "@/lib/auth/locale-preference";
import { oidcConfigured } from "@/lib/auth/options";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { requestLocale } from "@/lib/i18n/request";
import { db } from "@/db/client";
import { countActiveUsers } from "@/db/queries/users";
import { setupStatus } from "@/lib/setup/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signIn.title") };
}
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; email?: string | string[] }> }) {
  const { callbackUrl, email } = await searchParams;
  // Only a path of this site: anything else ("//evil", "/\evil", "https:evil"…) would make this page an open redirect.
  const target = safeCallbackPath(callbackUrl);
  const demo = isDemoMode();
  // First run without the demo: with nobody to sign in as, the set-up page is the way in; with accounts but no DPO
  // yet (an SSO sign-up, a CLI engineer), the page still points to it.
  const setupPending = !demo && (await setupStatus({ db: db() })).state === "pending";
  if (setupPending && (await countActiveUsers({ db: db() })) === 0) redirect("/setup");
  const [t, locale] = await Promise.all([getTranslations("auth"), requestLocale()]);
  const ssoName = oidcConfigured() ? process.env.OIDC_NAME || t("signIn.defaultSsoName") : null;
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 p-6">
      {/* Nobody is signed in to store the choice for: the switch remembers it in this browser (the cookie). */}
      <LanguageSwitch cookie={localeCookie()} className="w-full max-w-sm justify-end" />
      <div className="w-full max-w-sm space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        {demo && (
          <section role="note" aria-labelledby="demo-notice" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="demo-notice">
            <h2 id="demo-notice" className="mb-1 font-semibold">
              {t("demo.heading")}
            </h2>
            <p>{t("demo.text")}</p>
          </section>
        )}
        <div>
          <h1 className="text-xl font-semibold">{t("productName")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("signIn.intro")}</p>
        </div>
        {setupPending && (
          <section aria-labelledby="first-run" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            <h2 id="first-run" className="mb-1 font-semibold">
              {t("firstRun.heading")}
            </h2>
            <p>
              {t.rich("firstRun.text", {
                setupLink: (chunks) => (
                  <Link href="/setup" className="font-medium underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          </section>
        )}
        <SignInForm callbackUrl={target} ssoName={ssoName} defaultEmail={typeof email === "string" ? email.slice(0, 320) : undefined} />
        {demo && (
          <section aria-labelledby="demo-accounts" className="rounded-md bg-slate-50 p-3 text-xs text-slate-700">
            <h2 id="demo-accounts" className="mb-1 font-semibold">
              {t("demo.accounts")}
            </h2>
            <ul className="space-y-0.5">
              {DEMO_USERS.map((user) => (
                <li key={user.email}>
                  <span className="font-medium">{roleLabel(user.role, locale)}</span>: {user.email} / <code>{user.password}</code>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
