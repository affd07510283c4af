import Link from "next/link";
import type { Metadata } from "next";
import { db } from "@/db/client";
import { getFlagDetail, listFlags } from "@/db/queries/flags";
import { BulkAcceptForm } from "@/components/flags/bulk-accept-form";
import { FlagFilters } from "@/components/flags/flag-filters";
import { FlagsTable } from "@/components/flags/flags-table";
import { FlagStatusTabs } from "@/components/flags/status-tabs";
import { formatDate } from "@/components/flags/format";
import { ruleTitle } from "@/components/flags/rules";
import { flagSubject } from "@/components/flags/subject";
import { Pagination } from "@/components/ui/pagination";
import { requirePageActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { addDays } from "@/lib/rules/iso-date";
import { acceptRisk, acceptRisks } from "./actions";
import { flagListParams } from "./params";

export const metadata: Metadata = { title: "Flags" };
export const dynamic = "force-dynamic";

export default async function FlagsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor();
  const raw = await searchParams;
  const params = flagListParams.parse(raw);
  const database = db();
  const [{ rows, total }, justAccepted] = await Promise.all([
    listFlags({
      db: database,
      page: params.page,
      pageSize: params.pageSize,
      status: params.status === "all" ? undefined : params.status,
      severity: params.severity,
      ruleId: params.rule,
      subjectType: params.subject,
    }),
    params.accepted ? getFlagDetail({ db: database, id: params.accepted }) : undefined,
  ]);
  const acceptance = actor.role === "dpo" ? { acceptRisk, minDate: addDays(todayIso(), 1) } : undefined;
  // The confirmation is for this visit only: paging on drops it.
  const pagerParams = { ...raw, accepted: undefined };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Flags</h1>
      <p className="text-sm text-slate-700">
        Findings of the rules on transfers, processors and agreements, worst first. Each names the legal source and what to do.
      </p>
      {justAccepted?.status === "accepted" && (
        <p role="status" className="rounded-md border border-blue-200 bg-blue-50 p-3 text-sm text-blue-950" data-testid="accepted-notice">
          Risk accepted: {ruleTitle(justAccepted.ruleId)} on {flagSubject(justAccepted).label}
          {justAccepted.acceptedUntil ? `, until ${formatDate(justAccepted.acceptedUntil)}` : ""}.{" "}
          <Link href="/flags?status=accepted" className="text-brand-700 underline">
            View accepted flags
          </Link>
        </p>
      )}
      <FlagStatusTabs status={params.status} searchParams={raw} />
      <FlagFilters status={params.status} severity={params.severity} rule={params.rule} subject={params.subject} />
      {acceptance && rows.some((flag) => flag.status === "open") && <BulkAcceptForm minDate={acceptance.minDate} acceptRisks={acceptRisks} />}
      <FlagsTable rows={rows} acceptance={acceptance} />
      <Pagination page={params.page} pageSize={params.pageSize} total={total} basePath="/flags" searchParams={pagerParams} />
    </div>
  );
}
