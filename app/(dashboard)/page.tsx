import Link from "next/link";
import type { Metadata } from "next";
import { db } from "@/db/client";
import { countProcessorsByStatus } from "@/db/queries/processors";
import { requirePageActor } from "@/lib/auth/guard";
import { RECORD_STATUSES } from "@/db/schema/enums";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  await requirePageActor();
  const byStatus = await countProcessorsByStatus({ db: db() });
  const counts = new Map(byStatus.map((row) => [row.status, row.count]));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <section aria-labelledby="processors-kpi">
        <h2 id="processors-kpi" className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">
          Processors by status
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {RECORD_STATUSES.map((status) => (
            <li key={status}>
              <Link
                href={`/processors?status=${status}`}
                className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600"
              >
                <span className="block text-2xl font-semibold">{(counts.get(status) ?? 0).toLocaleString("en-US")}</span>
                <span className="text-sm capitalize text-slate-600">{status}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
