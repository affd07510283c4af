import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDate } from "@/components/flags/format";
import { SCC_MODULE_LABELS } from "@/components/transfers/labels";
import type { SafeguardAgreement } from "@/db/schema";
import { AGREEMENT_TYPE_LABELS } from "@/lib/rules/labels";
import { isAgreementActive, isAgreementExpired } from "@/lib/rules/predicates";
import { TableScroll } from "@/components/ui/table-scroll";

type AgreementRow = SafeguardAgreement & { listedTransferCount?: number };

type AgreementState = "active" | "expired" | "unsigned" | "not yet effective";

const STATE_TONE: Record<AgreementState, BadgeTone> = {
  active: "green",
  expired: "red",
  unsigned: "amber",
  "not yet effective": "neutral",
};

/** The same definition of "active" as the rules (signed, effective, not expired), so the page and the flags agree. */
function agreementState(agreement: SafeguardAgreement, today: string): AgreementState {
  const facts = { ...agreement, transferIds: [] };
  if (isAgreementActive(facts, today)) return "active";
  if (isAgreementExpired(facts, today)) return "expired";
  if (agreement.signedDate === null || agreement.signedDate > today) return "unsigned";
  return "not yet effective";
}

function coverage(agreement: AgreementRow): string {
  if (agreement.coversAllTransfers) return "All of the processor's transfers";
  if (agreement.listedTransferCount === undefined) return "Listed transfers";
  const n = agreement.listedTransferCount;
  return `${n.toLocaleString("en-US")} listed transfer${n === 1 ? "" : "s"}`;
}

/** Safeguard agreements: type, SCC module, dates, sub-processing and flow-down, document reference, coverage. */
export function AgreementsTable({ agreements, today, emptyText }: { agreements: readonly AgreementRow[]; today: string; emptyText: string }) {
  if (agreements.length === 0) return <p className="text-sm text-slate-600">{emptyText}</p>;
  return (
    <TableScroll label="Agreements table" className="rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="agreements-table">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">Type</th>
            <th scope="col" className="px-4 py-2">SCC module</th>
            <th scope="col" className="px-4 py-2">Signed</th>
            <th scope="col" className="px-4 py-2">Effective</th>
            <th scope="col" className="px-4 py-2">Expiry</th>
            <th scope="col" className="px-4 py-2">State</th>
            <th scope="col" className="px-4 py-2">Sub-processing / flow-down</th>
            <th scope="col" className="px-4 py-2">Covers</th>
            <th scope="col" className="px-4 py-2">Document</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {agreements.map((agreement) => {
            const state = agreementState(agreement, today);
            return (
              <tr key={agreement.id} data-testid="agreement-row" className="align-top">
                <th scope="row" className="px-4 py-2 text-left font-medium">
                  {AGREEMENT_TYPE_LABELS[agreement.type]}
                </th>
                <td className="px-4 py-2">{agreement.sccModule ? SCC_MODULE_LABELS[agreement.sccModule] : "—"}</td>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">{formatDate(agreement.signedDate)}</td>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">{formatDate(agreement.effectiveDate)}</td>
                <td className="whitespace-nowrap px-4 py-2 tabular-nums">{agreement.expiryDate ? formatDate(agreement.expiryDate) : "No expiry"}</td>
                <td className="px-4 py-2">
                  <Badge tone={STATE_TONE[state]}>{state}</Badge>
                </td>
                <td className="px-4 py-2">
                  {agreement.permitsSubprocessing ? "Permitted" : "Not permitted"}
                  {" / "}
                  {agreement.flowDown ? "flow-down" : "no flow-down"}
                </td>
                <td className="px-4 py-2">{coverage(agreement)}</td>
                <td className="px-4 py-2">{agreement.documentRef ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
