import { clsx } from "clsx";
import Link from "next/link";
import type { FlagRegisterRow } from "@/db/queries/flags";
import { AcceptRiskForm } from "./accept-risk-form";
import { BULK_ACCEPT_FORM_ID, bulkSelectionValue } from "./bulk-selection";
import type { FlagListAcceptance } from "./flag-list";
import { FlagStatusBadge, SeverityBadge } from "./badges";
import { formatDate } from "./format";
import { flagSubject } from "./subject";
import { TableScroll } from "@/components/ui/table-scroll";

/**
 * One page of the flag register. `acceptance` (DPO only) adds an "Accept risk" control to each open flag and a
 * checkbox that selects it for the bulk form (BulkAcceptForm, rendered above it by FlagsRegister). `busy`
 * dims the rows while the ones matching new filters are on their way.
 */
export function FlagsTable({ rows, acceptance, busy = false }: { rows: readonly FlagRegisterRow[]; acceptance?: FlagListAcceptance; busy?: boolean }) {
  const columns = acceptance ? 8 : 6;
  return (
    <TableScroll label="Flags table" className="rounded-lg border border-slate-200 bg-white">
      <table
        className={clsx("min-w-full divide-y divide-slate-200 text-sm transition-opacity", busy && "opacity-60")}
        aria-busy={busy}
        data-testid="flags-table"
      >
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {acceptance && (
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">Select</span>
              </th>
            )}
            <th scope="col" className="px-4 py-2">Severity</th>
            <th scope="col" className="px-4 py-2">Rule</th>
            <th scope="col" className="px-4 py-2">Finding</th>
            <th scope="col" className="px-4 py-2">Subject</th>
            <th scope="col" className="px-4 py-2">Status</th>
            <th scope="col" className="px-4 py-2">Last seen</th>
            {acceptance && (
              <th scope="col" className="px-4 py-2">
                Decision
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns} className="px-4 py-8 text-center text-slate-600">
                No flag matches these filters.
              </td>
            </tr>
          )}
          {rows.map((flag) => {
            const title = flag.ruleTitle;
            const subject = flagSubject(flag);
            return (
              <tr key={flag.id} data-testid="flag-row" data-rule-id={flag.ruleId} data-flag-id={flag.id} className="align-top">
                {acceptance && (
                  <td className="px-4 py-2">
                    {flag.status === "open" && (
                      <input
                        type="checkbox"
                        name="selected"
                        form={BULK_ACCEPT_FORM_ID}
                        value={bulkSelectionValue(flag)}
                        aria-label={`Select ${title} (${subject.label})`}
                        className="h-4 w-4"
                        data-testid="flag-select"
                      />
                    )}
                  </td>
                )}
                <td className="px-4 py-2">
                  <SeverityBadge severity={flag.severity} />
                </td>
                <td className="px-4 py-2">
                  <span className="font-medium">{title}</span>
                  <code className="block text-xs text-slate-500">{flag.ruleId}</code>
                </td>
                <td className="max-w-md px-4 py-2">{flag.message}</td>
                <td className="px-4 py-2">
                  <span className="block text-xs capitalize text-slate-500">{flag.subjectType}</span>
                  {subject.href ? (
                    <Link href={subject.href} className="text-brand-700 underline" data-testid="flag-subject-link">
                      {subject.label}
                    </Link>
                  ) : (
                    subject.label
                  )}
                </td>
                <td className="px-4 py-2">
                  <FlagStatusBadge status={flag.status} />
                  {flag.status === "accepted" && flag.acceptedUntil && (
                    <span className="mt-1 block text-xs text-slate-600">until {formatDate(flag.acceptedUntil)}</span>
                  )}
                  {flag.status === "resolved" && flag.resolvedAt && (
                    <span className="mt-1 block text-xs text-slate-600" data-testid="flag-resolved-date">
                      on {formatDate(flag.resolvedAt)}
                    </span>
                  )}
                </td>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">{formatDate(flag.lastSeenAt)}</td>
                {acceptance && (
                  <td className="px-4 py-2">
                    {flag.status === "open" ? (
                      <AcceptRiskForm
                        flagId={flag.id}
                        version={flag.version}
                        context={`${title} (${subject.label})`}
                        minDate={acceptance.minDate}
                        acceptRisk={acceptance.acceptRisk}
                        announce
                      />
                    ) : (
                      <span className="text-xs text-slate-500">—</span>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
