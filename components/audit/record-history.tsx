import Link from "next/link";
import type { AuditEventRow } from "@/db/queries/audit";
import { AuditDiff } from "./audit-diff";
import { auditLabel, formatTimestamp } from "./format";
import { TableScroll } from "@/components/ui/table-scroll";

/**
 * A record's history from the audit trail, newest first: who did what when, and which fields changed.
 * `limit` is how many events the page asked for: when it got that many, older ones may exist, and
 * `trailHref` (for the roles that may read the audit trail) links to all of them.
 */
export function RecordHistory({
  events,
  limit,
  trailHref,
  emptyText = "No change to this record is recorded.",
}: {
  events: readonly AuditEventRow[];
  limit?: number;
  trailHref?: string;
  emptyText?: string;
}) {
  if (events.length === 0) {
    return (
      <p className="text-sm text-slate-600" data-testid="record-history">
        {emptyText}
      </p>
    );
  }
  const truncated = limit !== undefined && events.length >= limit;
  return (
    <div className="space-y-2" data-testid="record-history">
      <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
        {events.map((event) => (
          <li key={event.id} className="px-4 py-2" data-testid="history-item" data-action={event.action}>
            <p className="flex flex-wrap items-baseline gap-x-2">
              <span className="font-medium">{auditLabel(event.action)}</span>
              <span className="text-slate-700">by {event.actorLabel}</span>
              <time dateTime={event.occurredAt.toISOString()} className="ml-auto tabular-nums text-xs text-slate-600">
                {formatTimestamp(event.occurredAt)}
              </time>
            </p>
            {(event.before !== null || event.after !== null) && (
              <details className="mt-1">
                <summary className="cursor-pointer text-xs text-brand-700 underline">
                  Show changes<span className="sr-only"> of the {auditLabel(event.action).toLowerCase()} on {formatTimestamp(event.occurredAt)}</span>
                </summary>
                <TableScroll label="Changes" className="mt-2">
                  <AuditDiff before={event.before} after={event.after} />
                </TableScroll>
              </details>
            )}
          </li>
        ))}
      </ol>
      {(truncated || trailHref) && (
        <p className="text-xs text-slate-600">
          {truncated ? `The latest ${events.length} events. ` : ""}
          {trailHref && (
            <Link href={trailHref} className="text-brand-700 underline">
              {truncated ? "All of them in the audit trail" : "In the audit trail"}
            </Link>
          )}
        </p>
      )}
    </div>
  );
}
