import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { isDemoMode } from "@/lib/env";
import { ROLE_LABELS } from "@/components/users/labels";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { oidcConfigured } from "@/lib/auth/options";
import { DEMO_USERS } from "@/lib/demo/demo-users";
import { db } from "@/db/client";
import { countActiveUsers } from "@/db/queries/users";
import { setupStatus } from "@/lib/setup/service";

export const metadata: Metadata = { title: "Sign in" };
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
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        {demo && (
          <section role="note" aria-labelledby="demo-notice" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="demo-notice">
            <h2 id="demo-notice" className="mb-1 font-semibold">
              This is a demo
            </h2>
            <p>
              It holds the made-up register of a sample company, and its accounts and passwords are public (below). Do not
              enter real personal data here.
            </p>
          </section>
        )}
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
                  <span className="font-medium">{ROLE_LABELS[user.role]}</span>: {user.email} / <code>{user.password}</code>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
