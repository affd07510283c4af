import type { Metadata } from "next";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listActivityRegister } from "@/db/queries/activities-register";
import { activityStatusOptions } from "@/components/activities/activity-status";
import { ActivitiesRegisterTable } from "@/components/activities/activities-register-table";
import { ACTIVITY_COLUMNS } from "@/components/activities/activity-columns";
import { activityKeys } from "@/components/activities/register-query";
import { getServerQueryClient } from "@/components/providers/server-query-client";
import { ColumnChooser } from "@/components/registers/column-chooser";
import { labelColumns, visibleColumnIds } from "@/components/registers/columns";
import { ActionLink } from "@/components/registers/edit-link";
import { appLocale } from "@/components/registers/locale-format";
import { FilterForm, SearchFilter, SelectFilter } from "@/components/ui/filter-form";
import { activityFilters, activityPageQuery } from "@/lib/api/contracts/activities";
import { requirePageActor } from "@/lib/auth/guard";
import { enumOptions } from "@/lib/labels";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("activities");
  return { title: t("register.title") };
}

export default async function ActivitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor();
  const raw = await searchParams;
  const params = activityPageQuery.parse(raw);
  const filters = activityFilters(params);
  const queryClient = getServerQueryClient();
  const [locale, t] = await Promise.all([
    getLocale().then(appLocale),
    getTranslations("activities"),
    // The same key the table reads: the browser starts with these rows instead of asking for them again.
    queryClient.prefetchQuery({
      queryKey: activityKeys.list(filters),
      queryFn: () => listActivityRegister({ db: db(), ...filters }),
    }),
  ]);
  const columns = labelColumns(ACTIVITY_COLUMNS, (id) => t(`columns.${id}`));
  const visible = visibleColumnIds(params.cols, ACTIVITY_COLUMNS);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("register.title")}</h1>
        {actor.role !== "auditor" && <ActionLink href="/activities/new">{t("register.new")}</ActionLink>}
      </div>
      <p className="text-sm text-slate-700">
        {t("register.intro")}
        {actor.role === "engineer" && ` ${t("register.introEngineer")}`}
      </p>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <FilterForm action="/activities" label={t("register.filterLabel")} values={filters}>
          <SearchFilter id="activity-q" label={t("register.search")} value={params.q} placeholder={t("register.searchPlaceholder")} className="w-56" />
          <SelectFilter id="activity-legal-basis" name="legalBasis" label={t("register.legalBasis")} value={params.legalBasis} options={enumOptions("legalBasis", locale)} />
          <SelectFilter
            id="activity-record"
            name="record"
            label={t("register.record")}
            value={params.record}
            options={[
              { value: "complete", label: t("register.recordComplete") },
              { value: "incomplete", label: t("register.recordIncomplete") },
            ]}
          />
          <SelectFilter
            id="activity-status"
            name="status"
            label={t("register.status")}
            value={params.status}
            options={activityStatusOptions(locale)}
          />
          {params.cols && <input type="hidden" name="cols" value={params.cols} />}
        </FilterForm>
        <ColumnChooser columns={columns} visible={visible} basePath="/activities" searchParams={raw} register="processing activities" />
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ActivitiesRegisterTable filters={filters} visible={visible} searchParams={raw} />
      </HydrationBoundary>
    </div>
  );
}
