import type { Metadata } from "next";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { getLocale, getTranslations } from "next-intl/server";
import { db } from "@/db/client";
import { listEntities } from "@/db/queries/entities";
import { EntitiesTable } from "@/components/entities/entities-table";
import { entityKeys } from "@/components/entities/register-query";
import { countryOptions } from "@/components/forms/transfer-form-options";
import { getServerQueryClient } from "@/components/providers/server-query-client";
import { ActionLink } from "@/components/registers/edit-link";
import { appLocale } from "@/components/registers/locale-format";
import { FilterForm, SearchFilter, SelectFilter } from "@/components/ui/filter-form";
import { entityPageQuery } from "@/lib/api/contracts/entities";
import { requirePageActor } from "@/lib/auth/guard";
import { enumOptions } from "@/lib/labels";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("entities");
  return { title: t("register.title") };
}

/** The organisation: its own legal entities, which export the data and answer for the processing (DOMAIN.md §2). */
export default async function OrganisationPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor();
  const raw = await searchParams;
  const filters = entityPageQuery.parse(raw);
  const queryClient = getServerQueryClient();
  const [page, locale, t] = await Promise.all([
    // The same key the table reads: the browser starts with these rows instead of asking for them again.
    queryClient.fetchQuery({ queryKey: entityKeys.list(filters), queryFn: () => listEntities({ db: db(), ...filters }) }),
    getLocale().then(appLocale),
    getTranslations("entities"),
  ]);
  const filtered = Boolean(filters.q || filters.country || filters.role);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("register.title")}</h1>
        {actor.role === "dpo" && <ActionLink href="/organisation/entities/new">{t("register.new")}</ActionLink>}
      </div>
      <p className="text-sm text-slate-700">
        {t("register.intro")}
        {actor.role !== "dpo" && ` ${t("register.dpoOnly")}`}
      </p>
      {page.total === 0 && !filtered && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="no-entities">
          {actor.role === "dpo" ? t("register.noEntityDpo") : t("register.noEntityOthers")}
        </p>
      )}
      <FilterForm action="/organisation" label={t("register.filterLabel")} values={filters}>
        <SearchFilter id="entity-q" label={t("register.search")} value={filters.q} placeholder={t("register.searchPlaceholder")} className="w-56" />
        <SelectFilter id="entity-country" name="country" label={t("register.country")} value={filters.country} options={countryOptions(locale)} />
        <SelectFilter id="entity-role" name="role" label={t("register.role")} value={filters.role} options={enumOptions("entityRole", locale)} />
      </FilterForm>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <EntitiesTable filters={filters} searchParams={raw} />
      </HydrationBoundary>
    </div>
  );
}
