import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { db } from "@/db/client";
import { setupStatus } from "@/lib/setup/service";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

/**
 * First run without the demo: public (nobody can sign in yet), outside the signed-in layout. Open only while a
 * one-time code is pending and there is no DPO; once set up, it sends everyone to sign-in.
 */
export default async function SetupPage() {
  const status = await setupStatus({ db: db() });
  if (status.state === "done") redirect("/sign-in");
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-md space-y-6 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <div>
          <h1 className="text-xl font-semibold">Set up transfer governance</h1>
          <p className="mt-1 text-sm text-slate-600">
            This installation has no DPO account yet. Create the first one: the DPO then adds the organisation, its
            entities and the other users.
          </p>
        </div>
        {status.state === "pending" ? (
          <>
            <p className="rounded-md bg-slate-50 p-3 text-sm text-slate-700">
              Enter the one-time <strong>set-up code</strong> that the server printed in its log at start-up (the line
              starting with <code>[startup] no DPO account yet</code>). It works once; restarting the server prints a new
              one.
            </p>
            <SetupForm />
          </>
        ) : (
          <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            No set-up code is pending. Restart the server to print a new one in its log, or create the DPO from the command
            line: <code>npm run user:create -- --email you@example.com --role dpo</code>.
          </p>
        )}
        <p className="text-xs text-slate-500">
          Already have an account? <Link href="/sign-in" className="underline">Sign in</Link>.
        </p>
      </div>
    </main>
  );
}
