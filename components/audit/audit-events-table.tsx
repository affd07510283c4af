import Link from "next/link";
import type { AuditEventRow } from "@/db/queries/audit";
import { AuditDiff } from "./audit-diff";
import { auditLabel, formatTimestamp, recordHref } from "./format";
import { TableScroll } from "@/components/ui/table-scroll";

/** One page of the audit trail, newest first; each event's changes open in place. */
export function AuditEventsTable({ rows }: { rows: readonly AuditEventRow[] }) {
  return (
    <TableScroll label="Audit events table" className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="audit-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">#</th>
            <th scope="col" className="px-4 py-2">Time</th>
            <th scope="col" className="px-4 py-2">Actor</th>
            <th scope="col" className="px-4 py-2">Action</th>
            <th scope="col" className="px-4 py-2">Record</th>
            <th scope="col" className="px-4 py-2">Changes</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && (
            <tr>
              <td colSpan={6} className="px-4 py-8 text-center text-slate-600">
                No audit event matches these filters.
              </td>
            </tr>
          )}
          {rows.map((event) => {
            const href = recordHref(event.recordType, event.recordId);
            return (
              <tr key={event.id} data-testid="audit-row" data-action={event.action} data-record-type={event.recordType} className="align-top">
                <td className="px-4 py-2 tabular-nums text-slate-500">{event.id}</td>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">{formatTimestamp(event.occurredAt)}</td>
                <td className="max-w-xs px-4 py-2 wrap-break-word">{event.actorLabel}</td>
                <td className="whitespace-nowrap px-4 py-2">{auditLabel(event.action)}</td>
                <td className="px-4 py-2">
                  <span className="block text-xs text-slate-500">{auditLabel(event.recordType)}</span>
                  {event.recordId === null ? (
                    "—"
                  ) : href ? (
                    <Link href={href} className="font-mono text-xs text-brand-700 underline" data-testid="audit-record-link">
                      {event.recordId}
                    </Link>
                  ) : (
                    <code className="text-xs">{event.recordId}</code>
                  )}
                </td>
                <td className="px-4 py-2">
                  {event.before === null && event.after === null ? (
                    <span className="text-xs text-slate-500">—</span>
                  ) : (
                    <details>
                      <summary className="cursor-pointer text-xs text-brand-700 underline">
                        Show changes<span className="sr-only"> of event {event.id}</span>
                      </summary>
                      <div className="mt-2">
                        <AuditDiff before={event.before} after={event.after} />
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
