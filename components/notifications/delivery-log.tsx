import { getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { TableScroll } from "@/components/ui/table-scroll";
import type { DeliveryStatus, Locale } from "@/db/schema/enums";
import type { DeliveryRow } from "@/lib/api/contracts/notifications";
import { enumLabel, formatDateTime } from "@/lib/labels";
import { deliveryReasonOf } from "@/lib/notifications/delivery-schedule";

const TONE: Record<DeliveryStatus, BadgeTone> = { pending: "blue", delivered: "green", retrying: "amber", failed: "red" };

/** Every delivery (e-mail and webhook), newest first, one page at a time: what was sent, tried, answered, and when next. */
export async function DeliveryLog({
  rows,
  page,
  pageSize,
  total,
  locale,
  searchParams,
}: {
  rows: DeliveryRow[];
  page: number;
  pageSize: number;
  total: number;
  locale: Locale;
  searchParams: Record<string, string | undefined>;
}) {
  const t = await getTranslations("notifications");
  if (total === 0) return <p className="text-sm text-slate-700">{t("deliveries.empty")}</p>;
  const cell = "px-3 py-2";
  return (
    <div>
      <TableScroll label={t("deliveries.label")}>
        <table className="min-w-full text-sm" data-testid="delivery-log">
          <thead className="bg-slate-50 text-left text-xs text-slate-700">
            <tr>
              <th scope="col" className={cell}>{t("deliveries.columns.created")}</th>
              <th scope="col" className={cell}>{t("deliveries.columns.event")}</th>
              <th scope="col" className={cell}>{t("deliveries.columns.channel")}</th>
              <th scope="col" className={cell}>{t("deliveries.columns.target")}</th>
              <th scope="col" className={cell}>{t("deliveries.columns.status")}</th>
              <th scope="col" className={cell}>{t("deliveries.columns.attempts")}</th>
              <th scope="col" className={cell}>{t("deliveries.columns.lastResponse")}</th>
              <th scope="col" className={cell}>{t("deliveries.columns.nextAttempt")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-200 align-top">
                <td className={`${cell} whitespace-nowrap`}>{formatDateTime(row.createdAt, locale)}</td>
                <td className={cell}>{enumLabel("notificationEvent", row.event, locale)}</td>
                <td className={cell}>{enumLabel("notificationChannel", row.channel, locale)}</td>
                <td className={`${cell} break-all font-mono text-xs`}>{row.target}</td>
                <td className={cell}>
                  <Badge tone={TONE[row.status]}>{enumLabel("deliveryStatus", row.status, locale)}</Badge>
                </td>
                <td className={cell}>{row.attempts}</td>
                <td className={`${cell} break-words text-xs`}>
                  {/* The receiver's or the mail server's own words: kept as they answered, marked as not ours. */}
                  {row.lastResponseStatus !== null ? `HTTP ${row.lastResponseStatus}` : null}
                  {row.lastError ? (
                    deliveryReasonOf(row.lastError) ? (
                      <span className="block text-slate-700">{t(`deliveries.reasons.${deliveryReasonOf(row.lastError)!}`)}</span>
                    ) : (
                      <span lang="en" className="block text-slate-700">
                        {row.lastError}
                      </span>
                    )
                  ) : null}
                  {row.lastResponseStatus === null && !row.lastError ? t("deliveries.noResponse") : null}
                </td>
                <td className={`${cell} whitespace-nowrap`}>
                  {row.status === "pending" || row.status === "retrying" ? formatDateTime(row.nextAttemptAt, locale) : t("deliveries.noResponse")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pagination page={page} pageSize={pageSize} total={total} basePath="/settings/notifications" searchParams={searchParams} />
    </div>
  );
}
