import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { AuditEventRow } from "@/db/queries/audit";
import { appLocale } from "@/components/registers/locale-format";
import { TableScroll } from "@/components/ui/table-scroll";
import { formatDateTime } from "@/lib/labels";
import { AuditDiff } from "./audit-diff";
import { recordHref } from "./format";
import { auditActionLabel, auditActorLabel, auditRecordText, auditRecordTypeLabel } from "./labels";

/** One page of the audit trail, newest first; each event's changes open in place. */
export function AuditEventsTable({ rows }: { rows: readonly AuditEventRow[] }) {
  const t = useTranslations("audit");
  const locale = appLocale(useLocale());
  return (
    <TableScroll label={t("table.label")} className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="audit-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">
              #
            </th>
            <th scope="col" className="px-4 py-2">
              {t("table.time")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("table.actor")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("table.action")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("table.record")}
            </th>
            <th scope="col" className="px-4 py-2">
              {t("table.changes")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && (
            <tr>
              <td colSpan={6} className="px-4 py-8 text-center text-slate-600">
                {t("table.empty")}
              </td>
            </tr>
          )}
          {rows.map((event) => {
            const href = recordHref(event.recordType, event.recordId);
            const record = event.recordId === null ? null : auditRecordText(event.recordType, event.recordId, locale);
            return (
              <tr key={event.id} data-testid="audit-row" data-action={event.action} data-record-type={event.recordType} className="align-top">
                <td className="px-4 py-2 tabular-nums text-slate-500">{event.id}</td>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">
                  <time dateTime={event.occurredAt.toISOString()}>{formatDateTime(event.occurredAt, locale)}</time>
                </td>
                <td className="max-w-xs px-4 py-2 wrap-break-word">{auditActorLabel(t, event.actorLabel)}</td>
                <td className="whitespace-nowrap px-4 py-2">{auditActionLabel(t, event.action)}</td>
                <td className="px-4 py-2">
                  <span className="block text-xs text-slate-500">{auditRecordTypeLabel(t, event.recordType)}</span>
                  {record === null ? (
                    "—"
                  ) : href ? (
                    <Link href={href} className="font-mono text-xs text-brand-700 underline" data-testid="audit-record-link">
                      <code>{record.text}</code>
                    </Link>
                  ) : record.code ? (
                    <code className="text-xs">{record.text}</code>
                  ) : (
                    <span className="text-xs">{record.text}</span>
                  )}
                </td>
                <td className="px-4 py-2">
                  {event.before === null && event.after === null ? (
                    <span className="text-xs text-slate-500">—</span>
                  ) : (
                    <details>
                      <summary className="cursor-pointer text-xs text-brand-700 underline">
                        {t("showChanges")}
                        <span className="sr-only"> {t("table.ofEvent", { id: event.id })}</span>
                      </summary>
                      <div className="mt-2">
                        <AuditDiff recordType={event.recordType} before={event.before} after={event.after} />
                      </div>
                    </details>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
