import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { requirePageActor } from "@/lib/auth/guard";
import { guidedStartProgress } from "@/lib/setup/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("setup");
  return { title: t("start.title") };
}
export const dynamic = "force-dynamic";

/** Each step's texts are setup.start.steps.<key>.{title,text,action}. */
type StepKey = "organisation" | "activity" | "vendor";

/**
 * The guided start after the first DPO is created: the three records every register starts from, each marked done
 * once the database holds one (so it is also a checklist to come back to). Activities and transfers need one of
 * the company's own entities, hence the order.
 */
export default async function GuidedStartPage() {
  const actor = await requirePageActor(["dpo"]);
  const [progress, t] = await Promise.all([guidedStartProgress({ db: db() }), getTranslations("setup")]);
  const steps: { key: StepKey; href: string; count: number }[] = [
    { key: "organisation", href: "/organisation/entities/new", count: progress.entities },
    { key: "activity", href: "/activities/new", count: progress.activities },
    { key: "vendor", href: "/register/new", count: progress.vendors },
  ];
  return (
    <main className="mx-auto max-w-2xl space-y-6 p-6">
      <div>
        <h1 className="text-xl font-semibold">{t("start.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("start.welcome", { name: actor.name })}</p>
      </div>
      <ol className="space-y-3" aria-label={t("start.stepsLabel")}>
        {steps.map((step, index) => {
          const done = step.count > 0;
          return (
            <li key={step.href} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`setup-step-${index + 1}`} data-done={done}>
              <div className="flex items-start justify-between gap-4">
                <div>
                  <h2 className="font-medium">{t("start.step", { number: index + 1, title: t(`start.steps.${step.key}.title`) })}</h2>
                  <p className="mt-1 text-sm text-slate-600">{t(`start.steps.${step.key}.text`)}</p>
                </div>
                <span className={`shrink-0 rounded px-2 py-0.5 text-xs font-medium ${done ? "bg-green-100 text-green-900" : "bg-slate-100 text-slate-700"}`}>
                  {done ? t("start.done", { count: step.count }) : t("start.toDo")}
                </span>
              </div>
              <Link href={step.href} className="mt-3 inline-block text-sm font-medium text-blue-700 underline">
                {t(`start.steps.${step.key}.action`)}
              </Link>
            </li>
          );
        })}
      </ol>
      <p className="text-sm">
        <Link href="/" className="text-blue-700 underline">
          {t("start.toDashboard")}
        </Link>{" "}
        <span className="text-slate-500">{t("start.stays")}</span>
      </p>
    </main>
  );
}
