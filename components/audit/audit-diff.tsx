import { clsx } from "clsx";
import { diffRecords } from "./diff";
import { factLabel } from "@/components/flags/format";
import { formatAuditValue } from "./format";

const KIND_LABEL = { added: "added", removed: "removed", changed: "changed" } as const;

/** The keys an audit event changed, as a before/after table (the unchanged keys are left out). */
export function AuditDiff({ before, after }: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }) {
  const changes = diffRecords(before, after);
  if (changes.length === 0) {
    return <p className="text-xs text-slate-600">No recorded field changed.</p>;
  }
  return (
    <table className="min-w-full text-xs" data-testid="audit-diff">
      <thead className="text-left font-semibold text-slate-600">
        <tr>
          <th scope="col" className="py-1 pr-4">Field</th>
          <th scope="col" className="py-1 pr-4">Before</th>
          <th scope="col" className="py-1">After</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 align-top">
        {changes.map((change) => (
          <tr key={change.key} data-testid="audit-diff-row" data-kind={change.kind}>
            <th scope="row" className="py-1 pr-4 text-left font-medium">
              {factLabel(change.key)}
              <span className="sr-only"> ({KIND_LABEL[change.kind]})</span>
            </th>
            <td className={clsx("max-w-xs py-1 pr-4 wrap-break-word", change.kind !== "added" && "text-red-800")}>
              {change.kind === "added" ? <span className="text-slate-400">—</span> : <del className="no-underline">{formatAuditValue(change.before)}</del>}
            </td>
            <td className={clsx("max-w-xs py-1 wrap-break-word", change.kind !== "removed" && "text-green-800")}>
              {change.kind === "removed" ? <span className="text-slate-400">—</span> : <ins className="no-underline">{formatAuditValue(change.after)}</ins>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
