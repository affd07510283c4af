import Link from "next/link";
import { Suspense } from "react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listAuditEvents, listAuditFilterOptions } from "@/db/queries/audit";
import { AuditEventsTable } from "@/components/audit/audit-events-table";
import { AuditFilters } from "@/components/audit/audit-filters";
import { ChainStatus, ChainStatusPending } from "@/components/audit/chain-status";
import { Pagination } from "@/components/ui/pagination";
import { requirePageActor } from "@/lib/auth/guard";
import { verifyAuditChain } from "@/lib/audit/verify";
import { auditListParams } from "./params";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("page.title") };
}

function auditHref(filters: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  return query.size ? `/audit?${query.toString()}` : "/audit";
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageActor(["dpo", "auditor"]);
  const raw = await searchParams;
  const params = auditListParams.parse(raw);
  const database = db();
  // Not awaited here: the chain walk reads the whole table, so its result streams in after the list.
  const verification = verifyAuditChain({ db: database });
  // If the list fails first, the page errors; the chain's failure must not also be an unhandled rejection.
  verification.catch(() => undefined);
  const [{ rows, total }, options, t] = await Promise.all([
    listAuditEvents({
      db: database,
      page: params.page,
      pageSize: params.pageSize,
      recordType: params.recordType,
      action: params.action,
      recordId: params.recordId,
    }),
    listAuditFilterOptions({ db: database }),
    getTranslations("audit"),
  ]);

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("page.title")}</h1>
      <p className="text-sm text-slate-700">{t("page.intro")}</p>
      <Suspense fallback={<ChainStatusPending />}>
        <ChainStatus verification={verification} />
      </Suspense>
      <AuditFilters
        recordTypes={options.recordTypes}
        actions={options.actions}
        recordType={params.recordType}
        action={params.action}
        recordId={params.recordId}
      />
      {params.recordId && (
        <p className="text-sm text-slate-700" data-testid="audit-record-filter">
          {t.rich("page.recordFilter", { id: params.recordId, code: (chunks) => <code>{chunks}</code> })}{" "}
          <Link href={auditHref({ recordType: params.recordType, action: params.action })} className="text-brand-700 underline">
            {t("page.showAll")}
          </Link>
        </p>
      )}
      <AuditEventsTable rows={rows} />
      <Pagination page={params.page} pageSize={params.pageSize} total={total} basePath="/audit" searchParams={raw} />
    </div>
  );
}
