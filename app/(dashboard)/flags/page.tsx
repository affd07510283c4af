import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { db } from "@/db/client";
import { getFlagDetail } from "@/db/queries/flags";
import { listFlagRegister } from "@/lib/flags/register";
import { FlagFilters } from "@/components/flags/flag-filters";
import { FlagsRegister } from "@/components/flags/flags-register";
import { FlagStatusTabs } from "@/components/flags/status-tabs";
import { FlagViewTabs, flagViewOf } from "@/components/flags/view-tabs";
import { formatLocalDate } from "@/components/flags/format";
import { flagKeys } from "@/components/flags/register-query";
import { ruleTitle } from "@/components/flags/rules";
import { flagSubject } from "@/components/flags/subject";
import { getServerQueryClient } from "@/components/providers/server-query-client";
import { flagFilters, flagListInput, flagPageQuery } from "@/lib/api/contracts/flags";
import { requirePageActor } from "@/lib/auth/guard";
import { todayIso } from "@/lib/clock";
import { requestLocale } from "@/lib/i18n/request";
import { addDays } from "@/lib/rules/iso-date";
import { acceptRisk, acceptRisks } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("flags");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

export default async function FlagsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor();
  const raw = await searchParams;
  const params = flagPageQuery.parse(raw);
  const filters = flagFilters(params);
  const database = db();
  const queryClient = getServerQueryClient();
  const today = todayIso();
  const viewer = { userId: actor.id, today };
  // The same key the table reads: the browser starts with these rows instead of asking for them again.
  const [justAccepted, t, locale] = await Promise.all([
    params.accepted ? getFlagDetail({ db: database, id: params.accepted }) : undefined,
    getTranslations("flags"),
    requestLocale(),
    queryClient.prefetchQuery({
      queryKey: flagKeys.list(filters),
      queryFn: () => listFlagRegister({ db: database, today, ...flagListInput(filters, viewer) }),
    }),
  ]);
  const acceptance = actor.role === "dpo" ? { acceptRisk, minDate: addDays(today, 1) } : undefined;
  // The confirmation is for this visit only: paging on drops it.
  const pagerParams = { ...raw, accepted: undefined };

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {justAccepted?.status === "accepted" && (
        <p role="status" className="rounded-md border border-blue-200 bg-blue-50 p-3 text-sm text-blue-950" data-testid="accepted-notice">
          {t("acceptedNotice.text", {
            rule: ruleTitle(justAccepted.ruleId, locale),
            subject: flagSubject(justAccepted, t, locale).label,
            hasUntil: justAccepted.acceptedUntil ? "yes" : "no",
            until: justAccepted.acceptedUntil ? formatLocalDate(justAccepted.acceptedUntil, locale) : "",
          })}{" "}
          <Link href="/flags?status=accepted" className="text-brand-700 underline">
            {t("acceptedNotice.view")}
          </Link>
        </p>
      )}
      <FlagViewTabs view={flagViewOf(params)} searchParams={raw} />
      <FlagStatusTabs status={params.status} searchParams={raw} />
      <FlagFilters
        q={params.q}
        status={params.status}
        severity={filters.severity}
        rule={filters.ruleId}
        subject={filters.subjectType}
        workStatus={filters.workStatus}
        assignee={params.assignee}
        overdue={params.overdue}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <FlagsRegister
          filters={filters}
          searchParams={pagerParams}
          acceptance={acceptance}
          acceptRisks={acceptance ? acceptRisks : undefined}
          today={today}
        />
      </HydrationBoundary>
    </div>
  );
}
