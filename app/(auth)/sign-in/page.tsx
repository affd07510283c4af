import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { isDemoMode } from "@/lib/env";
import { oidcConfigured } from "@/lib/auth/options";
import { DEMO_USERS } from "@/lib/demo/demo-users";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // Only same-site paths: an absolute callback URL would make this page an open redirect.
  const target = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  const demo = isDemoMode();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <div>
          <h1 className="text-xl font-semibold">Transfer governance</h1>
          <p className="mt-1 text-sm text-slate-600">Sign in to the register of processors and cross-border transfers.</p>
        </div>
        <SignInForm callbackUrl={target} ssoName={oidcConfigured() ? process.env.OIDC_NAME || "Company SSO" : null} />
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
