import type { Metadata } from "next";
import { headers } from "next/headers";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { db } from "@/db/client";
import { listActivityRegister } from "@/db/queries/activities-register";
import { LEGAL_BASES, RECORD_STATUSES } from "@/db/schema/enums";
import { ACTIVITY_STATUS_WORDS } from "@/components/activities/activity-status";
import { ActivitiesRegisterTable } from "@/components/activities/activities-register-table";
import { ACTIVITY_COLUMNS } from "@/components/activities/activity-columns";
import { activityKeys } from "@/components/activities/register-query";
import { getServerQueryClient } from "@/components/providers/server-query-client";
import { ColumnChooser } from "@/components/registers/column-chooser";
import { visibleColumnIds } from "@/components/registers/columns";
import { FilterForm, SearchFilter, SelectFilter, enumOptions } from "@/components/ui/filter-form";
import { activityFilters, activityPageQuery } from "@/lib/api/contracts/activities";
import { requirePageActor } from "@/lib/auth/guard";
import { ActionLink } from "@/components/registers/edit-link";
import { pickLocale } from "@/lib/format/locale";

export const metadata: Metadata = { title: "Processing activities" };
export const dynamic = "force-dynamic";

export default async function ActivitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor();
  const raw = await searchParams;
  const params = activityPageQuery.parse(raw);
  const filters = activityFilters(params);
  const queryClient = getServerQueryClient();
  // The same key the table reads: the browser starts with these rows instead of asking for them again.
  await queryClient.prefetchQuery({
    queryKey: activityKeys.list(filters),
    queryFn: () => listActivityRegister({ db: db(), ...filters }),
  });
  const locale = pickLocale((await headers()).get("accept-language"));
  const visible = visibleColumnIds(params.cols, ACTIVITY_COLUMNS);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Processing activities</h1>
        {actor.role !== "auditor" && <ActionLink href="/activities/new">New activity</ActionLink>}
      </div>
      <p className="text-sm text-slate-700">
        The purposes personal data is processed for: the records of processing (GDPR Art. 30), each with the transfers that serve it.
        {actor.role === "engineer" && " A new activity you add is a proposal: it waits for the DPO's review before it enters the exports of approved records."}
      </p>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <FilterForm action="/activities" label="Filter processing activities" values={filters}>
          <SearchFilter id="activity-q" label="Search" value={params.q} placeholder="Name, purpose, function" className="w-56" />
          <SelectFilter id="activity-legal-basis" name="legalBasis" label="Legal basis" value={params.legalBasis} options={enumOptions(LEGAL_BASES)} />
          <SelectFilter
            id="activity-record"
            name="record"
            label="Art. 30 record"
            value={params.record}
            options={[
              { value: "complete", label: "Complete" },
              { value: "incomplete", label: "Missing retention or security measures" },
            ]}
          />
          <SelectFilter
            id="activity-status"
            name="status"
            label="Review status"
            value={params.status}
            options={RECORD_STATUSES.filter((status) => status !== "draft" && status !== "offboarded").map((status) => ({ value: status, label: ACTIVITY_STATUS_WORDS[status] }))}
          />
          {params.cols && <input type="hidden" name="cols" value={params.cols} />}
        </FilterForm>
        <ColumnChooser columns={ACTIVITY_COLUMNS} visible={visible} basePath="/activities" searchParams={raw} register="processing activities" />
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ActivitiesRegisterTable filters={filters} visible={visible} searchParams={raw} locale={locale} />
      </HydrationBoundary>
    </div>
  );
}
