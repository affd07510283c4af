import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { AuditEventRow } from "@/db/queries/audit";
import { appLocale } from "@/components/registers/locale-format";
import { TableScroll } from "@/components/ui/table-scroll";
import { formatDateTime, formatNumber } from "@/lib/labels";
import { AuditDiff } from "./audit-diff";
import { auditActionLabel, auditActorLabel } from "./labels";

/**
 * A record's history from the audit trail, newest first: who did what when, and which fields changed.
 * `limit` is how many events the page asked for: when it got that many, older ones may exist, and
 * `trailHref` (for the roles that may read the audit trail) links to all of them. Pages pass `emptyText` in
 * their own words for their record ("No change to this processor…").
 */
export function RecordHistory({
  events,
  limit,
  trailHref,
  emptyText,
}: {
  events: readonly AuditEventRow[];
  limit?: number;
  trailHref?: string;
  emptyText?: string;
}) {
  const t = useTranslations("audit");
  const locale = appLocale(useLocale());
  if (events.length === 0) {
    return (
      <p className="text-sm text-slate-600" data-testid="record-history">
        {emptyText ?? t("history.empty")}
      </p>
    );
  }
  const truncated = limit !== undefined && events.length >= limit;
  return (
    <div className="space-y-2" data-testid="record-history">
      <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
        {events.map((event) => {
          const action = auditActionLabel(t, event.action);
          const at = formatDateTime(event.occurredAt, locale);
          return (
            <li key={event.id} className="px-4 py-2" data-testid="history-item" data-action={event.action}>
              <p className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-medium">{action}</span>
                <span className="text-slate-700">{t("history.by", { actor: auditActorLabel(t, event.actorLabel) })}</span>
                <time dateTime={event.occurredAt.toISOString()} className="ml-auto tabular-nums text-xs text-slate-600">
                  {at}
                </time>
              </p>
              {(event.before !== null || event.after !== null) && (
                <details className="mt-1">
                  <summary className="cursor-pointer text-xs text-brand-700 underline">
                    {t("showChanges")}
                    <span className="sr-only"> {t("history.ofEvent", { action, at })}</span>
                  </summary>
                  <TableScroll label={t("history.changes")} className="mt-2">
                    <AuditDiff recordType={event.recordType} before={event.before} after={event.after} />
                  </TableScroll>
                </details>
              )}
            </li>
          );
        })}
      </ol>
      {(truncated || trailHref) && (
        <p className="text-xs text-slate-600">
          {truncated ? `${t("history.latest", { count: events.length, formatted: formatNumber(events.length, locale) })} ` : ""}
          {trailHref && (
            <Link href={trailHref} className="text-brand-700 underline">
              {truncated ? t("history.allInTrail") : t("history.inTrail")}
            </Link>
          )}
        </p>
      )}
    </div>
  );
}
