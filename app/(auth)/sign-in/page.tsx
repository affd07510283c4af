import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { isDemoMode } from "@/lib/env";
import { oidcConfigured } from "@/lib/auth/options";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { db } from "@/db/client";
import { countActiveUsers } from "@/db/queries/users";
import { setupStatus } from "@/lib/setup/service";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; email?: string }> }) {
  const { callbackUrl, email } = await searchParams;
  // Only same-site paths: an absolute callback URL would make this page an open redirect.
  const target = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  const demo = isDemoMode();
  // First run without the demo: with nobody to sign in as, the set-up page is the way in; with accounts but no DPO
  // yet (an SSO sign-up, a CLI engineer), the page still points to it.
  const setupPending = !demo && (await setupStatus({ db: db() })).state === "pending";
  if (setupPending && (await countActiveUsers({ db: db() })) === 0) redirect("/setup");
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <div>
          <h1 className="text-xl font-semibold">Transfer governance</h1>
          <p className="mt-1 text-sm text-slate-600">Sign in to the register of processors and cross-border transfers.</p>
        </div>
        {setupPending && (
          <section aria-labelledby="first-run" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            <h2 id="first-run" className="mb-1 font-semibold">
              No DPO account yet
            </h2>
            <p>
              Create the first DPO at <Link href="/setup" className="font-medium underline">/setup</Link> with the one-time
              set-up code printed in the server log at start-up.
            </p>
          </section>
        )}
        <SignInForm
          callbackUrl={target}
          ssoName={oidcConfigured() ? process.env.OIDC_NAME || "Company SSO" : null}
          defaultEmail={typeof email === "string" ? email.slice(0, 320) : undefined}
        />
        {demo && (
          <section aria-labelledby="demo-accounts" className="rounded-md bg-slate-50 p-3 text-xs text-slate-700">
            <h2 id="demo-accounts" className="mb-1 font-semibold">
              Demo accounts
            </h2>
            <ul className="space-y-0.5">
              {DEMO_USERS.map((user) => (
                <li key={user.email}>
                  <span className="font-medium">{user.role}</span>: {user.email} / <code>{user.password}</code>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
