import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/db/client";
import { requirePageActor } from "@/lib/auth/guard";
import { guidedStartProgress } from "@/lib/setup/service";

export const metadata: Metadata = { title: "Getting started" };
export const dynamic = "force-dynamic";

/**
 * The guided start after the first DPO is created: the three records every register starts from, each marked done
 * once the database holds one (so it is also a checklist to come back to). Activities and transfers need one of
 * the company's own entities, hence the order.
 */
export default async function GuidedStartPage() {
  const actor = await requirePageActor(["dpo"]);
  const progress = await guidedStartProgress({ db: db() });
  const steps = [
    {
      title: "Your organisation and its entities",
      text: "The company's own legal entities that export data: legal name, address, country, DPO contact, representatives.",
      href: "/organisation/entities/new",
      action: "Add an entity",
      count: progress.entities,
    },
    {
      title: "The first processing activity",
      text: "What is processed, why, on which legal basis, by which entity (the Art. 30 record).",
      href: "/activities/new",
      action: "Record an activity",
      count: progress.activities,
    },
    {
      title: "The first vendor",
      text: "A processor that receives personal data, what it receives, where, and how it is protected.",
      href: "/register/new",
      action: "Register a vendor",
      count: progress.vendors,
    },
  ];
  return (
    <main className="mx-auto max-w-2xl space-y-6 p-6">
      <div>
        <h1 className="text-xl font-semibold">Getting started</h1>
        <p className="mt-1 text-sm text-slate-600">
          Welcome, {actor.name}. Your DPO account is ready. Three steps make the register your company&apos;s own.
        </p>
      </div>
      <ol className="space-y-3" aria-label="Guided start">
        {steps.map((step, index) => {
          const done = step.count > 0;
          return (
            <li key={step.href} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`setup-step-${index + 1}`} data-done={done}>
              <div className="flex items-start justify-between gap-4">
                <div>
                  <h2 className="font-medium">
                    Step {index + 1}: {step.title}
                  </h2>
                  <p className="mt-1 text-sm text-slate-600">{step.text}</p>
                </div>
                <span className={`shrink-0 rounded px-2 py-0.5 text-xs font-medium ${done ? "bg-green-100 text-green-900" : "bg-slate-100 text-slate-700"}`}>
                  {done ? `Done (${step.count})` : "To do"}
                </span>
              </div>
              <Link href={step.href} className="mt-3 inline-block text-sm font-medium text-blue-700 underline">
                {step.action}
              </Link>
            </li>
          );
        })}
      </ol>
      <p className="text-sm">
        <Link href="/" className="text-blue-700 underline">
          Go to the dashboard
        </Link>{" "}
        <span className="text-slate-500">(this page stays at /setup/start)</span>
      </p>
    </main>
  );
}
